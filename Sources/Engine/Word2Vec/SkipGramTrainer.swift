import Tensor

extension Word2Vec {
    /// Settings of the trainer; the defaults follow word2vec.c where they fit
    /// a small corpus.
    public struct TrainingConfig: Sendable, Equatable {
        /// Vector length d (`-size`, default 100 in the C code).
        public var dimensions = 50
        /// Largest window (`-window`); each center draws one in 1...window.
        public var window = 5
        /// Negative samples per pair (`-negative`).
        public var negatives = 5
        /// Words seen fewer times are dropped (`-min-count`).
        public var minCount = 1
        /// Subsampling threshold t (`-sample`); 0 turns subsampling off.
        public var sample = 1e-3
        /// Starting learning rate (`-alpha`, 0.025 for skip-gram).
        public var learningRate = 0.025
        /// Passes over the corpus (`-iter`).
        public var epochs = 5
        /// Exponent of the noise distribution.
        public var noisePower = 0.75
        /// Seed of every random choice: initial vectors, subsampling, windows, negatives.
        public var seed: UInt64 = 1

        public init() {}
    }

    /// What one call of `train(words:)` did.
    public struct TrainingChunk: Sendable, Equatable {
        /// Corpus tokens read, including those subsampling discarded.
        public var words: Int
        /// (center, context) pairs trained.
        public var pairs: Int
        /// Mean SGNS loss over those pairs (before each step); 0 when none.
        public var meanLoss: Double
    }

    /// Skip-gram with negative sampling over a corpus, one thread, fully
    /// determined by `config.seed`.
    ///
    /// For every epoch and every sentence (Mikolov et al. 2013b; word2vec.c):
    /// 1. subsample: keep each token w with probability `keepProbability(w)` (§2.3);
    /// 2. for each kept center word, draw the window b in 1...window;
    /// 3. for each context word within b positions: draw `negatives` words
    ///    from the unigram^0.75 table (a draw equal to the context word is
    ///    skipped, as in the C code) and take one `sgnsStep` (§2.2);
    /// 4. the learning rate decays linearly with the tokens read,
    ///    lr = lr₀ · max(1e-4, 1 - read / (epochs · T + 1)).
    ///
    /// Input vectors start uniform in [-0.5/d, 0.5/d), output vectors at zero,
    /// as in the C code. The center word is the input and the context word the
    /// target, as in the paper (word2vec.c swaps the two roles; by symmetry of
    /// the pairs the result is the same kind of model).
    ///
    /// - Complexity: O(epochs · T · window · negatives · d) time, O(V·d) memory.
    public struct SkipGramTrainer: Sendable {
        public let config: TrainingConfig
        public let vocabulary: Vocabulary
        /// Input ("word") vectors, the embeddings people use: [V, d].
        public private(set) var input: Matrix
        /// Output ("context") vectors: [V, d].
        public private(set) var output: Matrix
        /// Tokens read so far over all epochs (the clock of the learning rate).
        public private(set) var wordsRead = 0
        /// Pairs trained so far.
        public private(set) var pairsTrained = 0
        /// Tokens of the corpus times epochs.
        public let totalWords: Int

        let sentences: [[Int]]
        let keep: [Double]
        let noise: NoiseTable
        var rng: SeededRandom
        var epoch = 0
        var sentenceIndex = 0

        public init(sentences: [[String]], config: TrainingConfig = TrainingConfig()) {
            precondition(config.dimensions >= 1 && config.window >= 1 && config.negatives >= 0
                         && config.epochs >= 1, "bad training config \(config)")
            self.config = config
            vocabulary = Vocabulary(sentences: sentences, minCount: config.minCount)
            self.sentences = vocabulary.encode(sentences).filter { !$0.isEmpty }
            let tokens = self.sentences.reduce(0) { $0 + $1.count }
            totalWords = tokens * config.epochs
            let v = Swift.max(vocabulary.count, 1), d = config.dimensions
            rng = SeededRandom(seed: config.seed)
            input = Matrix(rows: vocabulary.count, cols: d)
            for i in input.storage.indices { input.storage[i] = (rng.uniform() - 0.5) / Double(d) }
            output = Matrix(rows: vocabulary.count, cols: d)
            keep = config.sample > 0
                ? keepProbability(counts: vocabulary.counts, sample: config.sample)
                : Array(repeating: 1, count: vocabulary.count)
            let probabilities = vocabulary.count > 0
                ? noiseDistribution(counts: vocabulary.counts, power: config.noisePower) : [1]
            noise = NoiseTable(probabilities: probabilities, size: Swift.max(100_000, 1_000 * v))
        }

        /// True once every epoch is done.
        public var isFinished: Bool { epoch >= config.epochs || sentences.isEmpty }

        /// Fraction of the training done, 0...1.
        public var progress: Double { totalWords == 0 ? 1 : Double(wordsRead) / Double(totalWords) }

        /// The current learning rate (linear decay, floored at 1e-4 of the start).
        public var learningRate: Double {
            Self.decayedRate(config.learningRate, read: wordsRead, total: totalWords)
        }

        /// lr₀ · max(1e-4, 1 - read / (total + 1)), as word2vec.c.
        static func decayedRate(_ lr0: Double, read: Int, total: Int) -> Double {
            lr0 * Swift.max(1e-4, 1 - Double(read) / Double(total + 1))
        }

        /// Trains whole sentences until at least `budget` tokens were read or
        /// training ends.
        @discardableResult
        public mutating func train(words budget: Int) -> TrainingChunk {
            let d = config.dimensions, window = config.window, k = config.negatives
            var read = 0, pairs = 0, lossSum = 0.0
            var kept: [Int] = []
            var targets = [Int](repeating: 0, count: k + 1)
            var scratch = [Double](repeating: 0, count: d + k + 1)
            var rng = self.rng
            input.storage.withUnsafeMutableBufferPointer { inVectors in
                output.storage.withUnsafeMutableBufferPointer { outVectors in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        while read < budget && epoch < config.epochs && !sentences.isEmpty {
                            let lr = Self.decayedRate(config.learningRate, read: wordsRead, total: totalWords)
                            let sentence = sentences[sentenceIndex]
                            // 1. Subsampling.
                            kept.removeAll(keepingCapacity: true)
                            for w in sentence where keep[w] >= 1 || rng.uniform() < keep[w] { kept.append(w) }
                            // 2-3. Shrunk windows and SGNS steps.
                            for (i, center) in kept.enumerated() {
                                let b = effectiveWindow(window, rng: &rng)
                                let lo = Swift.max(0, i - b), hi = Swift.min(kept.count - 1, i + b)
                                guard lo <= hi else { continue }
                                for j in lo...hi where j != i {
                                    let context = kept[j]
                                    targets[0] = context
                                    var count = 1
                                    for _ in 0..<k {
                                        let n = noise.sample(&rng)
                                        if n != context { targets[count] = n; count += 1 }
                                    }
                                    lossSum += targets.withUnsafeBufferPointer { t in
                                        sgnsStepInPlace(input: inVectors.baseAddress! + center * d,
                                                        outputs: outVectors.baseAddress!, d: d,
                                                        targets: UnsafeBufferPointer(rebasing: t[0..<count]),
                                                        lr: lr, scratch: scratch.baseAddress!)
                                    }
                                    pairs += 1
                                }
                            }
                            // 4. The clock of the learning rate counts every token read.
                            read += sentence.count
                            wordsRead += sentence.count
                            sentenceIndex += 1
                            if sentenceIndex == sentences.count { sentenceIndex = 0; epoch += 1 }
                        }
                    }
                }
            }
            self.rng = rng
            pairsTrained += pairs
            return TrainingChunk(words: read, pairs: pairs, meanLoss: pairs == 0 ? 0 : lossSum / Double(pairs))
        }

        /// Trains to the end.
        public mutating func trainToEnd() {
            while !isFinished { train(words: Int.max) }
        }

        /// The embedding of each word (rows of `input`), by id.
        public var vectors: [[Double]] { input.rowArrays }

        /// The embedding of `word`, or nil.
        public func vector(_ word: String) -> [Double]? {
            vocabulary.index[word].map { input.row($0) }
        }

        /// cos(vector(a), vector(b)), or nil when a word is unknown.
        public func similarity(_ a: String, _ b: String) -> Double? {
            guard let va = vector(a), let vb = vector(b) else { return nil }
            return cosine(va, vb)
        }

        /// The `k` nearest words to `word` with their cosines.
        public func nearest(_ word: String, k: Int) -> [(word: String, cosine: Double)] {
            guard let i = vocabulary.index[word] else { return [] }
            return topK(vectors: vectors, query: unit(input.row(i)), k: k, excluding: [i])
                .map { (vocabulary.words[$0.index], $0.cosine) }
        }

        /// "a is to b as c is to ?" over the trained vectors.
        public func analogy(_ a: String, _ b: String, _ c: String) -> String? {
            Word2Vec.analogy(vectors: vectors, vocab: vocabulary.words, a: a, b: b, c: c)
        }
    }
}
