import Tensor

extension Word2Vec {
    /// The noise distribution from which negative samples are drawn: the
    /// unigram counts raised to `power`, normalised.
    ///
    /// ```
    /// P_n(w) = c_w^power / Σ_v c_v^power
    /// ```
    ///
    /// Mikolov et al. 2013b, §2.2: "the unigram distribution U(w) raised to
    /// the 3/4rd power (i.e., U(w)^{3/4}/Z) outperformed significantly the
    /// unigram and the uniform distributions". The power flattens the
    /// distribution: frequent words are still drawn more often, rare words
    /// more often than their share. Example: `counts = [16, 1], power = 0.5`
    /// gives `[4, 1] / 5 = [0.8, 0.2]`.
    ///
    /// - Complexity: O(V).
    public static func noiseDistribution(counts: [Int], power: Double) -> [Double] {
        let weights = counts.map { pow(Double($0), power) }   // [V]
        var total = 0.0
        for w in weights { total += w }
        return weights.map { $0 / total }
    }

    /// A sampler for a discrete distribution built the way the C code does:
    /// a long table in which word w fills a share of the slots equal to its
    /// probability, so a draw is one uniform index into the table.
    ///
    /// The C code uses 10^8 slots; the trainer here sizes the table to the
    /// vocabulary. A word with a tiny probability may get no slot at all,
    /// the price of O(1) draws; `probabilities` keeps the exact values.
    public struct NoiseTable: Sendable {
        /// Word ids, each repeated in proportion to its probability.
        public let table: [Int32]
        /// The distribution the table approximates.
        public let probabilities: [Double]

        /// Fills `size` slots from the cumulative distribution, as
        /// `InitUnigramTable` in word2vec.c: slot i holds the first word whose
        /// cumulative probability exceeds i / size.
        public init(probabilities: [Double], size: Int) {
            precondition(!probabilities.isEmpty && size >= 1, "a noise table needs words and slots")
            self.probabilities = probabilities
            var table = [Int32](repeating: 0, count: size)
            var word = 0
            var cumulative = probabilities[0]
            for slot in 0..<size {
                table[slot] = Int32(word)
                if Double(slot + 1) / Double(size) > cumulative, word < probabilities.count - 1 {
                    word += 1
                    cumulative += probabilities[word]
                }
            }
            self.table = table
        }

        /// One draw.
        @inline(__always) public func sample(_ rng: inout SeededRandom) -> Int {
            Int(table[Int(rng.next() % UInt64(table.count))])
        }
    }
}
