import Engine
import Foundation
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 3).
enum Word2VecExercises {
    static let all: [ExerciseSpec] = [skipgramPairs, noiseDistribution, keepProbability, sgnsStep, mostSimilar, analogy]

    // MARK: case types (property names are the catalog's field names)

    struct PairsCase: Codable, Sendable, Equatable { var ids: [Int]; var window: Int }
    struct NoiseCase: Codable, Sendable, Equatable { var counts: [Int]; var power: Double }
    struct KeepCase: Codable, Sendable, Equatable { var counts: [Int]; var sample: Double }
    struct StepCase: Codable, Sendable, Equatable {
        var input: [Double], target: [Double], negatives: [[Double]], lr: Double
    }
    struct SimilarCase: Codable, Sendable, Equatable {
        var vectors: [[Double]], vocab: [String], word: String, k: Int
    }
    struct AnalogyCase: Codable, Sendable, Equatable {
        var vectors: [[Double]], vocab: [String], a: String, b: String, c: String
    }

    /// The result struct learners return from `sgnsStep`; compiled into the harness.
    static let stepResultType = """
    struct SGNSStepResult: Codable {
        var loss: Double
        var input: [Double]
        var target: [Double]
        var negatives: [[Double]]
    }
    """

    // MARK: specs

    static let skipgramPairs = ExerciseSpec.define(
        id: "word2vec/skipgram-pairs",
        signature: Signature(function: "skipgramPairs",
                             parameters: [.init("ids", "[Int]"), .init("window", "Int")], returns: "[[Int]]"),
        input: PairsCase.self,
        validate: { c in
            if c.window < 0 { return CaseProblem(field: "window", message: "must be >= 0, got \(c.window)") }
            if c.window > 1_000_000 { return CaseProblem(field: "window", message: "must be at most 1000000, got \(c.window)") }
            if let i = c.ids.firstIndex(where: { $0 < 0 }) {
                return CaseProblem(field: "ids[\(i)]", message: "word ids must be >= 0, got \(c.ids[i])")
            }
            return nil
        },
        reference: { Word2Vec.skipgramPairs(ids: $0.ids, window: $0.window) },
        generate: { rng in pairsGroups(&rng) },
        shrink: shrinkPairs)

    static let noiseDistribution = ExerciseSpec.define(
        id: "word2vec/noise-distribution",
        signature: Signature(function: "noiseDistribution",
                             parameters: [.init("counts", "[Int]"), .init("power", "Double")], returns: "[Double]"),
        input: NoiseCase.self,
        validate: { c in
            if let p = validateCounts(c.counts) { return p }
            if !c.power.isFinite || abs(c.power) > 4 {
                return CaseProblem(field: "power", message: "must be a number between -4 and 4, got \(c.power)")
            }
            return nil
        },
        reference: { Word2Vec.noiseDistribution(counts: $0.counts, power: $0.power) },
        generate: { rng in noiseGroups(&rng) },
        shrink: shrinkNoise)

    static let keepProbability = ExerciseSpec.define(
        id: "word2vec/keep-probability",
        signature: Signature(function: "keepProbability",
                             parameters: [.init("counts", "[Int]"), .init("sample", "Double")], returns: "[Double]"),
        input: KeepCase.self,
        validate: { c in
            if let p = validateCounts(c.counts) { return p }
            if !c.sample.isFinite || c.sample <= 0 {
                return CaseProblem(field: "sample", message: "must be a positive number (such as 0.001), got \(c.sample)")
            }
            return nil
        },
        reference: { Word2Vec.keepProbability(counts: $0.counts, sample: $0.sample) },
        generate: { rng in keepGroups(&rng) },
        shrink: shrinkKeep)

    static let sgnsStep = ExerciseSpec.define(
        id: "word2vec/sgns-step",
        signature: Signature(function: "sgnsStep",
                             parameters: [.init("input", "[Double]"), .init("target", "[Double]"),
                                          .init("negatives", "[[Double]]"), .init("lr", "Double")],
                             returns: "SGNSStepResult", supportTypes: stepResultType),
        input: StepCase.self,
        validate: validateStep,
        reference: { Word2Vec.sgnsStep(input: $0.input, target: $0.target, negatives: $0.negatives, lr: $0.lr) },
        generate: { rng in stepGroups(&rng) },
        shrink: shrinkStep)

    static let mostSimilar = ExerciseSpec.define(
        id: "word2vec/most-similar",
        signature: Signature(function: "mostSimilar",
                             parameters: [.init("vectors", "[[Double]]"), .init("vocab", "[String]"),
                                          .init("word", "String"), .init("k", "Int")], returns: "[String]"),
        input: SimilarCase.self,
        validate: validateSimilar,
        reference: { Word2Vec.mostSimilar(vectors: $0.vectors, vocab: $0.vocab, word: $0.word, k: $0.k) ?? [] },
        generate: { rng in similarGroups(&rng) },
        shrink: shrinkSimilar)

    static let analogy = ExerciseSpec.define(
        id: "word2vec/analogy",
        signature: Signature(function: "analogy",
                             parameters: [.init("vectors", "[[Double]]"), .init("vocab", "[String]"),
                                          .init("a", "String"), .init("b", "String"), .init("c", "String")],
                             returns: "String"),
        input: AnalogyCase.self,
        validate: validateAnalogy,
        reference: { Word2Vec.analogy(vectors: $0.vectors, vocab: $0.vocab, a: $0.a, b: $0.b, c: $0.c) ?? "" },
        generate: { rng in analogyGroups(&rng) },
        shrink: shrinkAnalogy)

    // MARK: validation

    static func validateCounts(_ counts: [Int]) -> CaseProblem? {
        if counts.isEmpty { return CaseProblem(field: "counts", message: "must hold at least one count") }
        if let i = counts.firstIndex(where: { $0 < 1 || $0 > 1_000_000_000_000 }) {
            return CaseProblem(field: "counts[\(i)]", message: "every count must be between 1 and 10^12, got \(counts[i])")
        }
        return nil
    }

    @Sendable static func validateStep(_ c: StepCase) -> CaseProblem? {
        let d = c.input.count
        if d == 0 { return CaseProblem(field: "input", message: "must hold at least one value") }
        if c.target.count != d {
            return CaseProblem(field: "target", message: "has \(c.target.count) values but input has \(d)")
        }
        for (k, row) in c.negatives.enumerated() where row.count != d {
            return CaseProblem(field: "negatives[\(k)]", message: "has \(row.count) values but input has \(d)")
        }
        for (name, values) in [("input", c.input), ("target", c.target)] + c.negatives.enumerated().map({ ("negatives[\($0)]", $1) }) {
            if let i = values.firstIndex(where: { !$0.isFinite || abs($0) > 1e6 }) {
                return CaseProblem(field: "\(name)[\(i)]", message: "must be a finite number of size at most 10^6, got \(values[i])")
            }
        }
        if !c.lr.isFinite || c.lr < 0 {
            return CaseProblem(field: "lr", message: "must be a finite number >= 0, got \(c.lr)")
        }
        return nil
    }

    /// Shared checks of an embedding table: rectangular, non-zero rows, unique words.
    static func validateTable(_ vectors: [[Double]], _ vocab: [String]) -> CaseProblem? {
        if vectors.count != vocab.count {
            return CaseProblem(field: "vocab", message: "has \(vocab.count) words but vectors has \(vectors.count) rows")
        }
        guard let d = vectors.first?.count, d > 0 else {
            return CaseProblem(field: "vectors", message: "must hold at least one non-empty row")
        }
        for (i, row) in vectors.enumerated() {
            if row.count != d { return CaseProblem(field: "vectors[\(i)]", message: "has \(row.count) values but vectors[0] has \(d)") }
            if let j = row.firstIndex(where: { !$0.isFinite }) {
                return CaseProblem(field: "vectors[\(i)][\(j)]", message: "must be finite, got \(row[j])")
            }
            if row.allSatisfy({ $0 == 0 }) {
                return CaseProblem(field: "vectors[\(i)]", message: "is the zero vector, whose cosine with anything is undefined")
            }
        }
        var seen: [String: Int] = [:]
        for (i, w) in vocab.enumerated() {
            if let j = seen[w] { return CaseProblem(field: "vocab[\(i)]", message: "'\(w)' repeats vocab[\(j)]") }
            seen[w] = i
        }
        return nil
    }

    @Sendable static func validateSimilar(_ c: SimilarCase) -> CaseProblem? {
        if let p = validateTable(c.vectors, c.vocab) { return p }
        if !c.vocab.contains(c.word) { return CaseProblem(field: "word", message: "'\(c.word)' is not in vocab") }
        if c.k < 1 || c.k > c.vocab.count - 1 {
            return CaseProblem(field: "k", message: "must be between 1 and the number of other words (\(c.vocab.count - 1)), got \(c.k)")
        }
        return nil
    }

    @Sendable static func validateAnalogy(_ c: AnalogyCase) -> CaseProblem? {
        if let p = validateTable(c.vectors, c.vocab) { return p }
        for (field, w) in [("a", c.a), ("b", c.b), ("c", c.c)] where !c.vocab.contains(w) {
            return CaseProblem(field: field, message: "'\(w)' is not in vocab")
        }
        if c.vocab.count <= Set([c.a, c.b, c.c]).count {
            return CaseProblem(field: "vocab", message: "needs at least one word other than a, b and c")
        }
        let index = { (w: String) in c.vocab.firstIndex(of: w)! }
        let q = Word2Vec.analogyQuery(c.vectors[index(c.a)], c.vectors[index(c.b)], c.vectors[index(c.c)])
        if Word2Vec.norm(q) < 1e-9 {
            return CaseProblem(field: "c", message: "unit(b) - unit(a) + unit(c) is the zero vector, so no direction to search")
        }
        return nil
    }

    // MARK: cases

    static func pairsGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<PairsCase>] {
        let examples = [
            PairsCase(ids: [7, 8, 9], window: 1),
            PairsCase(ids: [0, 1, 2, 3], window: 2),
            PairsCase(ids: [3, 0, 1, 4, 2], window: 2),       // "the cat sat on mats" with ids
        ]
        let edges = [
            PairsCase(ids: [], window: 2),                    // empty sentence
            PairsCase(ids: [5], window: 3),                   // one word: nothing to predict
            PairsCase(ids: [1, 2, 3], window: 0),             // window 0
            PairsCase(ids: [4, 4, 4], window: 1),             // repeated words still pair
            PairsCase(ids: [1, 2, 3, 4], window: 10),         // window longer than the sentence
            PairsCase(ids: [9, 8], window: 1),
        ]
        var hidden: [PairsCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 0...(index < 25 ? 12 : 80))
            hidden.append(PairsCase(ids: (0..<n).map { _ in rng.int(in: 0...(index % 3 == 0 ? 3 : 500)) },
                                    window: rng.int(in: index % 7 == 0 ? 0...15 : 1...6)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomCounts(_ rng: inout SeededRandom, n: Int) -> [Int] {
        // Zipf-like: a few big counts, many small ones.
        (0..<n).map { _ in Int(pow(10, rng.uniform(0, 6))) }
    }

    static func noiseGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<NoiseCase>] {
        let examples = [
            NoiseCase(counts: [16, 1], power: 0.5),
            NoiseCase(counts: [81, 16, 1], power: 0.75),
            NoiseCase(counts: [100, 10, 1], power: 0.75),
        ]
        let edges = [
            NoiseCase(counts: [7], power: 0.75),              // one word gets everything
            NoiseCase(counts: [5, 1, 30], power: 0),          // power 0: uniform
            NoiseCase(counts: [5, 1, 30], power: 1),          // power 1: plain unigram
            NoiseCase(counts: [3, 3, 3, 3], power: 0.75),     // equal counts
            NoiseCase(counts: [1_000_000_000, 1], power: 0.75),
            NoiseCase(counts: [2, 1], power: -1),             // a negative power favours rare words
        ]
        var hidden: [NoiseCase] = []
        for index in 0..<40 {
            let counts = randomCounts(&rng, n: rng.int(in: 1...(index < 25 ? 8 : 200)))
            let power = index % 4 == 0 ? 0.75 : (rng.uniform(0, 1.5) * 1000).rounded() / 1000
            hidden.append(NoiseCase(counts: counts, power: power))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func keepGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<KeepCase>] {
        let examples = [
            KeepCase(counts: [96, 4], sample: 0.01),
            KeepCase(counts: [10_000, 990_000], sample: 1e-6),
        ]
        let edges = [
            KeepCase(counts: [1], sample: 0.001),             // one word: T = c
            KeepCase(counts: [97, 2, 1], sample: 0.01),       // rare words: keep exactly 1
            KeepCase(counts: [50, 50], sample: 1),            // a huge threshold keeps all
            KeepCase(counts: [1_000_000_000_000, 1], sample: 1e-5),
            KeepCase(counts: [1, 1, 1, 1], sample: 1e-9),     // tiny threshold: everything subsampled
        ]
        var hidden: [KeepCase] = []
        for index in 0..<40 {
            let counts = randomCounts(&rng, n: rng.int(in: 1...(index < 25 ? 8 : 200)))
            let sample = pow(10, -rng.uniform(1, 6))
            hidden.append(KeepCase(counts: counts, sample: sample))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomVector(_ rng: inout SeededRandom, _ d: Int, scale: Double = 1) -> [Double] {
        (0..<d).map { _ in (rng.uniform(-scale, scale) * 10_000).rounded() / 10_000 }
    }

    static func stepGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<StepCase>] {
        let examples = [
            StepCase(input: [1, 0], target: [0.5, 0.5], negatives: [[-1, 1]], lr: 0.5),
            StepCase(input: [0.2, -0.1, 0.4], target: [0.3, 0.3, -0.2], negatives: [[0.1, 0.5, 0.1], [-0.4, 0.2, 0.3]], lr: 0.025),
        ]
        let edges = [
            StepCase(input: [0, 0, 0], target: [1, 2, 3], negatives: [], lr: 0.1),          // no negatives; v = 0
            StepCase(input: [1, -1], target: [2, 0], negatives: [[1, 1]], lr: 0),           // lr 0: nothing moves
            StepCase(input: [0.5], target: [0.5], negatives: [[0.5], [0.5]], lr: 1),         // d = 1, repeated negatives
            StepCase(input: [2, 2, 2], target: [2, 2, 2], negatives: [[-2, -2, -2]], lr: 0.05),  // confident and right
            StepCase(input: [2, 2, 2], target: [-2, -2, -2], negatives: [[2, 2, 2]], lr: 0.05),  // confident and wrong
            StepCase(input: [0.3, 0.1], target: [0.3, 0.1], negatives: [[0.3, 0.1]], lr: 0.5),   // negative equals target
        ]
        var hidden: [StepCase] = []
        for index in 0..<40 {
            let d = rng.int(in: 1...(index < 25 ? 4 : 32)), k = rng.int(in: 0...(index < 25 ? 3 : 10))
            let scale = index % 5 == 0 ? 3.0 : 1.0
            hidden.append(StepCase(input: randomVector(&rng, d, scale: scale), target: randomVector(&rng, d, scale: scale),
                                   negatives: (0..<k).map { _ in randomVector(&rng, d, scale: scale) },
                                   lr: [0.025, 0.1, 0.5, 1][rng.int(in: 0...3)]))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// Words for generated vocabularies.
    static let wordPool = ["cat", "kitten", "dog", "puppy", "horse", "foal", "cow", "calf", "king", "queen",
                           "man", "woman", "boy", "girl", "prince", "princess", "iphone", "laptop", "tablet",
                           "screen", "battery", "throne", "crown", "farm", "market", "milk", "bone", "hay",
                           "paris", "france", "rome", "italy", "tokyo", "japan", "red", "green", "blue",
                           "run", "walk", "swim", "apple", "pear", "plum", "river", "lake", "sea"]

    static func randomTable(_ rng: inout SeededRandom, count: Int, d: Int) -> (vectors: [[Double]], vocab: [String]) {
        var words = wordPool
        words.shuffle(using: &rng)
        let vocab = (0..<count).map { $0 < words.count ? words[$0] : "w\($0)" }
        let vectors = (0..<count).map { _ in
            var v = randomVector(&rng, d)
            if v.allSatisfy({ $0 == 0 }) { v[0] = 0.5 }
            return v
        }
        return (vectors, vocab)
    }

    /// True when the ranking the case asks for is unambiguous: cosines that
    /// decide it are equal exactly or differ by more than 1e-9. Different but
    /// correct ways of computing a cosine round apart by about 1e-16, so a
    /// closer pair could come out in either order.
    static func wellSeparated(_ cosines: [Double], upTo k: Int) -> Bool {
        let sorted = cosines.sorted(by: >)
        for i in 0..<min(k, sorted.count - 1) {
            let gap = sorted[i] - sorted[i + 1]
            if gap != 0 && gap < 1e-9 { return false }
        }
        return true
    }

    static func similarCosines(_ c: SimilarCase) -> [Double] {
        let q = c.vocab.firstIndex(of: c.word)!
        return c.vectors.indices.filter { $0 != q }.map { Word2Vec.cosine(c.vectors[$0], c.vectors[q]) }
    }

    static func analogyCosines(_ c: AnalogyCase) -> [Double] {
        let index = { (w: String) in c.vocab.firstIndex(of: w)! }
        let excluded: Set = [index(c.a), index(c.b), index(c.c)]
        let q = Word2Vec.analogyQuery(c.vectors[index(c.a)], c.vectors[index(c.b)], c.vectors[index(c.c)])
        return c.vectors.indices.filter { !excluded.contains($0) }.map { Word2Vec.cosine(c.vectors[$0], q) }
    }

    /// A small model trained on the lesson's synthetic corpus (the same
    /// settings as the Engine test), so cases hold real embeddings. Trained
    /// once per process (about 0.1 s in a release build).
    static let trained: (vectors: [[Double]], vocab: [String]) = trainedTable()

    static func trainedTable() -> (vectors: [[Double]], vocab: [String]) {
        var config = Word2Vec.TrainingConfig()
        config.dimensions = 24; config.window = 3; config.epochs = 10; config.seed = 1
        var trainer = Word2Vec.SkipGramTrainer(sentences: Word2Vec.SyntheticCorpus.sentences(count: 3000, seed: 7),
                                               config: config)
        trainer.trainToEnd()
        // Rounded to 6 decimals so the case reads well; the reference is computed from the rounded values.
        return (trainer.vectors.map { $0.map { ($0 * 1e6).rounded() / 1e6 } }, trainer.vocabulary.words)
    }

    static let lessonTable: (vectors: [[Double]], vocab: [String]) = ([[1, 0], [0.9, 0.1], [0, 1], [-1, 0]], ["a", "b", "c", "d"])

    static func similarGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<SimilarCase>] {
        let examples = [
            SimilarCase(vectors: lessonTable.vectors, vocab: lessonTable.vocab, word: "a", k: 2),
            SimilarCase(vectors: lessonTable.vectors, vocab: lessonTable.vocab, word: "d", k: 3),
            // Cosine, not the dot product: dog's long vector would win a dot-product ranking.
            SimilarCase(vectors: [[1, 0], [10, 10], [0.9, 0.1], [0, 1]], vocab: ["cat", "dog", "kitten", "car"], word: "cat", k: 2),
            SimilarCase(vectors: trained.vectors, vocab: trained.vocab, word: "cat", k: 5),
        ]
        let edges = [
            // Rows 1 and 3 are equal, row 2 is row 1 doubled: exact ties go to the lower index.
            SimilarCase(vectors: [[1, 1], [1, 0], [2, 0], [1, 0], [0, 1]], vocab: ["q", "x", "y", "z", "w"], word: "q", k: 4),
            SimilarCase(vectors: [[1], [2], [-3]], vocab: ["a", "b", "c"], word: "c", k: 2),           // d = 1
            SimilarCase(vectors: [[3, 4], [-3, -4]], vocab: ["up", "down"], word: "up", k: 1),         // two words
            SimilarCase(vectors: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, -1, 0]], vocab: ["x", "y", "z", "v"], word: "x", k: 3),
            SimilarCase(vectors: [[100, 1], [1, 0.01], [0.001, 1]], vocab: ["big", "small", "other"], word: "small", k: 2),
        ]
        var hidden: [SimilarCase] = []
        while hidden.count < 40 {
            let index = hidden.count
            let count = rng.int(in: 2...(index < 25 ? 10 : 46)), d = rng.int(in: 2...(index < 25 ? 4 : 24))
            let table = randomTable(&rng, count: count, d: d)
            let candidate = SimilarCase(vectors: table.vectors, vocab: table.vocab,
                                        word: table.vocab[rng.int(in: 0..<count)], k: rng.int(in: 1...(count - 1)))
            if wellSeparated(similarCosines(candidate), upTo: candidate.k) { hidden.append(candidate) }
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func analogyGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<AnalogyCase>] {
        let handVocab = ["man", "woman", "king", "queen", "apple"]
        let handVectors: [[Double]] = [[0, 1, 0.1], [0, -1, 0.1], [1, 1, 0], [1, -1, 0], [0.2, 0, 1]]
        let examples = [
            AnalogyCase(vectors: handVectors, vocab: handVocab, a: "man", b: "king", c: "woman"),
            // Without excluding a, b and c the answer would be b.
            AnalogyCase(vectors: [[1, 0], [0, 1], [0.9, 0.1], [0.5, 0.5]], vocab: ["a", "b", "c", "d"], a: "a", b: "b", c: "c"),
            AnalogyCase(vectors: trained.vectors, vocab: trained.vocab, a: "man", b: "king", c: "woman"),
            AnalogyCase(vectors: trained.vectors, vocab: trained.vocab, a: "boy", b: "prince", c: "girl"),
        ]
        let edges = [
            // a's long vector would swamp b - a + c without unit(): the answer is "up", not "left".
            AnalogyCase(vectors: [[10, 0], [0, 1], [1, 0], [0.1, 1], [-1, 0.1]], vocab: ["a", "b", "c", "up", "left"], a: "a", b: "b", c: "c"),
            // a = b: the query is c's direction; c is excluded.
            AnalogyCase(vectors: [[1, 0], [0, 1], [0.1, 1], [1, 1]], vocab: ["p", "q", "r", "s"], a: "p", b: "p", c: "q"),
            // Only one word left: it wins whatever its cosine.
            AnalogyCase(vectors: [[1, 0], [0, 1], [1, 1], [-1, -1]], vocab: ["a", "b", "c", "d"], a: "a", b: "b", c: "c"),
            // A tie between equal rows goes to the lower index; lengths do not matter.
            AnalogyCase(vectors: [[1, 0], [0, 1], [5, 0], [2, 2], [1, 1]], vocab: ["a", "b", "c", "e", "f"], a: "a", b: "b", c: "c"),
        ]
        var hidden: [AnalogyCase] = []
        while hidden.count < 40 {
            let index = hidden.count
            let count = rng.int(in: 4...(index < 25 ? 10 : 46)), d = rng.int(in: 2...(index < 25 ? 4 : 24))
            let table = randomTable(&rng, count: count, d: d)
            let pick = { (rng: inout SeededRandom) in table.vocab[rng.int(in: 0..<count)] }
            let candidate = AnalogyCase(vectors: table.vectors, vocab: table.vocab, a: pick(&rng), b: pick(&rng), c: pick(&rng))
            if validateAnalogy(candidate) == nil, wellSeparated(analogyCosines(candidate), upTo: 1) { hidden.append(candidate) }
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    @Sendable static func shrinkPairs(_ c: PairsCase) -> [PairsCase] {
        var out: [PairsCase] = []
        func add(_ v: PairsCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.ids.count
        if n >= 2 { add(PairsCase(ids: Array(c.ids[..<(n / 2)]), window: c.window)); add(PairsCase(ids: Array(c.ids[(n / 2)...]), window: c.window)) }
        for i in 0..<min(n, 24) { var ids = c.ids; ids.remove(at: i); add(PairsCase(ids: ids, window: c.window)) }
        if c.window > 0 { add(PairsCase(ids: c.ids, window: c.window - 1)); add(PairsCase(ids: c.ids, window: c.window / 2)) }
        if c.ids.contains(where: { $0 > 9 }) { add(PairsCase(ids: c.ids.map { $0 % 10 }, window: c.window)) }
        return out
    }

    static func shrinkCounts(_ counts: [Int]) -> [[Int]] {
        var out: [[Int]] = []
        let n = counts.count
        if n >= 2 { out.append(Array(counts[..<(n / 2)])); out.append(Array(counts[(n / 2)...])) }
        for i in 0..<min(n, 24) where n > 1 { var c = counts; c.remove(at: i); out.append(c) }
        if counts.contains(where: { $0 > 1 }) { out.append(counts.map { max(1, $0 / 2) }) }
        if counts.contains(where: { $0 > 9 }) { out.append(counts.map { min($0, 9) }) }
        return out
    }

    @Sendable static func shrinkNoise(_ c: NoiseCase) -> [NoiseCase] {
        var out = shrinkCounts(c.counts).map { NoiseCase(counts: $0, power: c.power) }
        if c.power != 0.75 { out.append(NoiseCase(counts: c.counts, power: 0.75)) }
        if c.power != 1 { out.append(NoiseCase(counts: c.counts, power: 1)) }
        return out.filter { $0 != c }
    }

    @Sendable static func shrinkKeep(_ c: KeepCase) -> [KeepCase] {
        var out = shrinkCounts(c.counts).map { KeepCase(counts: $0, sample: c.sample) }
        for s in [0.1, 0.01, 0.001] where s != c.sample { out.append(KeepCase(counts: c.counts, sample: s)) }
        return out.filter { $0 != c }
    }

    @Sendable static func shrinkStep(_ c: StepCase) -> [StepCase] {
        var out: [StepCase] = []
        func add(_ v: StepCase) { if v != c && !out.contains(v) { out.append(v) } }
        let k = c.negatives.count, d = c.input.count
        if k >= 1 { add(StepCase(input: c.input, target: c.target, negatives: [], lr: c.lr)) }
        for j in 0..<min(k, 12) { var n = c.negatives; n.remove(at: j); add(StepCase(input: c.input, target: c.target, negatives: n, lr: c.lr)) }
        func keepDims(_ r: Range<Int>) -> StepCase {
            StepCase(input: Array(c.input[r]), target: Array(c.target[r]), negatives: c.negatives.map { Array($0[r]) }, lr: c.lr)
        }
        if d >= 2 { add(keepDims(0..<(d / 2))); add(keepDims((d / 2)..<d)) }
        for i in 0..<min(d, 12) where d > 1 {
            add(StepCase(input: dropping(c.input, i), target: dropping(c.target, i),
                         negatives: c.negatives.map { dropping($0, i) }, lr: c.lr))
        }
        let round1 = { (x: Double) in (x * 10).rounded() / 10 }
        add(StepCase(input: c.input.map(round1), target: c.target.map(round1), negatives: c.negatives.map { $0.map(round1) }, lr: c.lr))
        if c.lr != 1 { add(StepCase(input: c.input, target: c.target, negatives: c.negatives, lr: 1)) }
        return out
    }

    static func dropping<T>(_ a: [T], _ i: Int) -> [T] { var a = a; a.remove(at: i); return a }

    @Sendable static func shrinkSimilar(_ c: SimilarCase) -> [SimilarCase] {
        var out: [SimilarCase] = []
        func add(_ v: SimilarCase) {
            guard v != c, !out.contains(v), validateSimilar(v) == nil, wellSeparated(similarCosines(v), upTo: v.k) else { return }
            out.append(v)
        }
        let q = c.vocab.firstIndex(of: c.word)!
        let n = c.vocab.count
        func keepRows(_ rows: [Int]) {
            let v = SimilarCase(vectors: rows.map { c.vectors[$0] }, vocab: rows.map { c.vocab[$0] }, word: c.word,
                                k: max(1, min(c.k, rows.count - 1)))
            add(v)
        }
        let others = (0..<n).filter { $0 != q }
        if others.count >= 2 {
            keepRows(([q] + others.prefix(others.count / 2)).sorted())
            keepRows(([q] + others.suffix(others.count - others.count / 2)).sorted())
        }
        for i in others.prefix(24) where others.count > 1 { keepRows((0..<n).filter { $0 != i }) }
        if c.k > 1 { add(SimilarCase(vectors: c.vectors, vocab: c.vocab, word: c.word, k: c.k - 1)); add(SimilarCase(vectors: c.vectors, vocab: c.vocab, word: c.word, k: 1)) }
        let d = c.vectors[0].count
        for i in 0..<min(d, 12) where d > 1 { add(SimilarCase(vectors: c.vectors.map { dropping($0, i) }, vocab: c.vocab, word: c.word, k: c.k)) }
        let round1 = { (x: Double) in (x * 10).rounded() / 10 }
        add(SimilarCase(vectors: c.vectors.map { $0.map(round1) }, vocab: c.vocab, word: c.word, k: c.k))
        return out
    }

    @Sendable static func shrinkAnalogy(_ c: AnalogyCase) -> [AnalogyCase] {
        var out: [AnalogyCase] = []
        func add(_ v: AnalogyCase) {
            guard v != c, !out.contains(v), validateAnalogy(v) == nil, wellSeparated(analogyCosines(v), upTo: 1) else { return }
            out.append(v)
        }
        let keep: Set = [c.a, c.b, c.c]
        let n = c.vocab.count
        func keepRows(_ rows: [Int]) {
            add(AnalogyCase(vectors: rows.map { c.vectors[$0] }, vocab: rows.map { c.vocab[$0] }, a: c.a, b: c.b, c: c.c))
        }
        let fixed = (0..<n).filter { keep.contains(c.vocab[$0]) }
        let others = (0..<n).filter { !keep.contains(c.vocab[$0]) }
        if others.count >= 2 {
            keepRows((fixed + others.prefix(others.count / 2)).sorted())
            keepRows((fixed + others.suffix(others.count - others.count / 2)).sorted())
        }
        for i in others.prefix(24) { keepRows((0..<n).filter { $0 != i }) }
        let d = c.vectors[0].count
        for i in 0..<min(d, 12) where d > 1 { add(AnalogyCase(vectors: c.vectors.map { dropping($0, i) }, vocab: c.vocab, a: c.a, b: c.b, c: c.c)) }
        let round1 = { (x: Double) in (x * 10).rounded() / 10 }
        add(AnalogyCase(vectors: c.vectors.map { $0.map(round1) }, vocab: c.vocab, a: c.a, b: c.b, c: c.c))
        return out
    }
}
