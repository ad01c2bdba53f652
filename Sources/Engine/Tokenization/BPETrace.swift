/// Encoding as a sequence of visible steps, for the tokenization demo.
///
/// `BPEEncoder` merges a piece until no learned pair is left; this replays the
/// same process over several texts at once and records each merge that fires:
/// at every step the present pair with the lowest merge index in any of the
/// texts is merged everywhere. Because a merge never brings back an earlier
/// pair, this global order gives each text exactly its `BPEEncoder.encode`
/// result (a test checks it), and a student sees the tokens fuse one learned
/// merge at a time: "l" + "l" → "ll", then "He" + "ll" → "Hell", …
///
/// Example: merges [(108, 108), (72, 101), (256, 111)] on "Hello":
///
/// ```
/// start     [H][e][l][l][o]
/// step 1    [H][e][ll][o]        merge 0: (108, 108) → 256
/// step 2    [He][ll][o]          merge 1: (72, 101)  → 257
/// step 3    [He][llo]            merge 2: (256, 111) → 258
/// ```
///
/// - Complexity: O(steps · n) for n bytes over all texts.
public struct BPETrace: Sendable {
    /// One merge that fired.
    public struct Step: Sendable, Equatable {
        /// Index of the merge in the learned list; the new id is 256 + rank.
        public var rank: Int
        public var pair: TokenPair
        /// How many times it fired over all texts.
        public var occurrences: Int
        /// The tokens of every text after this step: [text][piece][token].
        public var pieces: [[[Int]]]
        public var newId: Int { 256 + rank }
    }

    /// The bytes of every text, split into pieces: [text][piece][byte].
    public let initial: [[[Int]]]
    public let steps: [Step]
    /// The bytes of every id, for display.
    public let vocabulary: [[UInt8]]

    /// Replays `merges` on `texts` for at most `maxSteps` merges that fire.
    public init(texts: [String], merges: [TokenPair], regex: Bool, maxSteps: Int) {
        vocabulary = BPEEncoder.vocabulary(merges: merges)
        var rank: [TokenPair: Int] = [:]
        for (k, pair) in merges.enumerated() where rank[pair] == nil { rank[pair] = k }

        var state: [[[Int]]] = texts.map { text in
            let bytes = Array(text.utf8).map(Int.init)
            return regex ? GPT2Pretokenizer.byteRanges(text).map { Array(bytes[$0]) } : [bytes]
        }
        initial = state
        var steps: [Step] = []
        while steps.count < maxSteps {
            // The lowest-ranked pair present anywhere.
            var best = Int.max
            for pieces in state {
                for piece in pieces where piece.count >= 2 {
                    for i in 0..<(piece.count - 1) {
                        if let k = rank[TokenPair(piece[i], piece[i + 1])], k < best { best = k }
                    }
                }
            }
            guard best != Int.max else { break }
            let pair = merges[best]
            var fired = 0
            for t in state.indices {
                for p in state[t].indices {
                    let before = state[t][p].count
                    state[t][p] = BytePairs.merge(state[t][p], pair: pair, newId: 256 + best)
                    fired += before - state[t][p].count
                }
            }
            steps.append(Step(rank: best, pair: pair, occurrences: fired, pieces: state))
        }
        self.steps = steps
    }

    /// The tokens of text `t` after `step` steps (0: the raw bytes), flattened.
    public func tokens(text t: Int, after step: Int) -> [Int] {
        (step == 0 ? initial[t] : steps[step - 1].pieces[t]).flatMap { $0 }
    }
}
