/// The two primitive steps of byte-pair encoding: counting adjacent pairs and
/// replacing one pair by a new id.
///
/// BPE (Sennrich, Haddow and Birch 2016, "Neural Machine Translation of Rare
/// Words with Subword Units", §3.2; originally Gage 1994 for compression)
/// repeats two steps: count every adjacent pair of ids, then replace the most
/// frequent pair by a fresh id. These are the plain versions, used by the
/// naive trainer, the encoder and the lesson's exercises.
///
/// Examples (from the lesson):
///
/// ```
/// counts([1, 2, 3, 1, 2])          = [(1, 2, 2), (2, 3, 1), (3, 1, 1)]
/// counts([97, 97, 97])             = [(97, 97, 2)]          overlapping pairs count
/// merge([1, 2, 3, 1, 2], (1, 2), 4) = [4, 3, 4]
/// merge([97, 97, 97], (97, 97), 256) = [256, 97]             left to right, no overlap
/// ```
///
/// - Complexity: both O(n) for n ids (hash-map expected time for the counts).
public enum BytePairs {
    /// One adjacent pair and how often it occurs.
    public struct Count: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var count: Int
        public init(_ first: Int, _ second: Int, _ count: Int) {
            self.first = first; self.second = second; self.count = count
        }
    }

    /// Every adjacent pair of `ids` with its count, ordered by the pair's
    /// first occurrence. Overlapping pairs count: `[a, a, a]` has `(a, a)` twice.
    public static func counts(_ ids: [Int]) -> [Count] {
        var order: [Count] = []
        var slot: [TokenPair: Int] = [:]        // pair → index in `order`
        addCounts(ids, weight: 1, into: &order, slot: &slot)
        return order
    }

    /// Adds the pairs of `ids`, each counted `weight` times, to a running
    /// first-occurrence-ordered tally. Calling it piece after piece gives the
    /// counts of `train-regex`, where pairs never cross pieces.
    public static func addCounts(_ ids: [Int], weight: Int, into order: inout [Count],
                                 slot: inout [TokenPair: Int]) {
        guard ids.count >= 2 else { return }
        for i in 0..<(ids.count - 1) {
            let pair = TokenPair(ids[i], ids[i + 1])
            if let s = slot[pair] {
                order[s].count += weight
            } else {
                slot[pair] = order.count
                order.append(Count(pair.first, pair.second, weight))
            }
        }
    }

    /// The most frequent pair of a first-occurrence-ordered tally; a tie goes
    /// to the pair seen first. Nil when the tally is empty.
    public static func best(_ order: [Count]) -> TokenPair? {
        var best: Count? = nil
        for c in order where best == nil || c.count > best!.count { best = c }
        return best.map { TokenPair($0.first, $0.second) }
    }

    /// `ids` with every occurrence of `pair`, scanned left to right without
    /// overlap, replaced by `newId`.
    public static func merge(_ ids: [Int], pair: TokenPair, newId: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(ids.count)
        var i = 0
        while i < ids.count {
            if i + 1 < ids.count && ids[i] == pair.first && ids[i + 1] == pair.second {
                out.append(newId)
                i += 2
            } else {
                out.append(ids[i])
                i += 1
            }
        }
        return out
    }
}

/// An ordered pair of token ids: `first` directly followed by `second`.
public struct TokenPair: Hashable, Sendable, CustomStringConvertible {
    public var first: Int
    public var second: Int
    public init(_ first: Int, _ second: Int) { self.first = first; self.second = second }
    public var description: String { "(\(first), \(second))" }
}
