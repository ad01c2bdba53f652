extension Word2Vec {
    /// The words a model knows, with their corpus counts, most frequent first.
    ///
    /// Built as `LearnVocabFromTrainFile` and `SortVocab` in word2vec.c do:
    /// count every token, drop words seen fewer than `minCount` times, sort by
    /// count (descending). Ties keep the order of first appearance, so the ids
    /// are a pure function of the corpus. Dropped words vanish from the
    /// training text, which brings the surviving neighbours closer together.
    ///
    /// Example: `[["a","b","a"],["c","a","b"]]`, minCount 2 gives
    /// words `[a, b]`, counts `[3, 2]`, and `c` is dropped.
    ///
    /// - Complexity: O(N + V log V) for N tokens.
    public struct Vocabulary: Sendable, Equatable {
        /// Words by id.
        public let words: [String]
        /// Corpus count of each word.
        public let counts: [Int]
        /// The id of each word.
        public let index: [String: Int]

        public init(sentences: [[String]], minCount: Int = 1) {
            var counts: [String: Int] = [:]
            var firstSeen: [String: Int] = [:]
            for sentence in sentences {
                for word in sentence {
                    counts[word, default: 0] += 1
                    if firstSeen[word] == nil { firstSeen[word] = firstSeen.count }
                }
            }
            let kept = counts.filter { $0.value >= minCount }.keys.sorted { x, y in
                let cx = counts[x]!, cy = counts[y]!
                return cx != cy ? cx > cy : firstSeen[x]! < firstSeen[y]!
            }
            words = kept
            self.counts = kept.map { counts[$0]! }
            index = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        }

        /// Number of words.
        public var count: Int { words.count }

        /// Total count of the kept words (T in the subsampling formula).
        public var totalCount: Int { counts.reduce(0, +) }

        /// Each sentence as ids, out-of-vocabulary words removed.
        public func encode(_ sentences: [[String]]) -> [[Int]] {
            sentences.map { $0.compactMap { index[$0] } }
        }
    }
}
