/// Encoding text with learned merges, and expanding ids back to bytes.
///
/// Encoding replays the training merges in the order they were learned. For
/// each piece (the whole text when `regex` is false, otherwise each GPT-2
/// piece):
///
/// ```
/// ids ← the UTF-8 bytes of the piece
/// loop:
///     among the adjacent pairs of ids, pick the one with the lowest merge
///     index k (the one learned first); stop when none was learned
///     ids ← merge(ids, that pair, 256 + k)
/// ```
///
/// This is the encoding of minbpe and, up to its byte-to-unicode remapping,
/// of GPT-2's `encoder.py` (Radford et al. 2019, §2.2): the rank of a merge is
/// its position in the merges list. The merge with the lowest rank must go
/// first because a later merge may consume one of its tokens.
///
/// Example: with merges [(97, 97), (256, 97), (257, 98)] ("aaabdaaabac" in the
/// lesson), "aaab" → [97, 97, 97, 98] → [256, 97, 98] → [257, 98] → [258].
///
/// Decoding is the inverse map id → bytes: bytes(256 + k) = bytes(a) + bytes(b)
/// for merge k = (a, b). Turning those bytes into text is `UTF8Repair`'s job.
///
/// - Complexity: O(L²) per piece of L bytes in the worst case (each round scans
///   the piece); pieces are short, and identical pieces are encoded once.
public enum BPEEncoder {
    /// The ids of `text` under `merges` (catalog `tokenization/encode`).
    public static func encode(_ text: String, merges: [TokenPair], regex: Bool) -> [Int] {
        var rank: [TokenPair: Int] = [:]
        rank.reserveCapacity(merges.count)
        for (k, pair) in merges.enumerated() where rank[pair] == nil { rank[pair] = k }

        let bytes = Array(text.utf8)
        guard regex else { return encodePiece(bytes.map(Int.init), rank: rank) }
        var cache: [ArraySlice<UInt8>: [Int]] = [:]
        var out: [Int] = []
        out.reserveCapacity(bytes.count)
        for range in GPT2Pretokenizer.byteRanges(text) {
            let slice = bytes[range]
            if let ids = cache[slice] { out += ids; continue }
            let ids = encodePiece(slice.map(Int.init), rank: rank)
            cache[slice] = ids
            out += ids
        }
        return out
    }

    /// One piece: merge the lowest-ranked present pair until none is ranked.
    static func encodePiece(_ piece: [Int], rank: [TokenPair: Int]) -> [Int] {
        var ids = piece
        while ids.count >= 2 {
            var best = Int.max
            for i in 0..<(ids.count - 1) {
                if let k = rank[TokenPair(ids[i], ids[i + 1])], k < best { best = k }
            }
            guard best != Int.max else { break }
            let pair = rankPair(best, rank: rank, ids: ids)
            ids = BytePairs.merge(ids, pair: pair, newId: 256 + best)
        }
        return ids
    }

    /// The pair of `ids` whose rank is `k` (found again to avoid storing both maps).
    private static func rankPair(_ k: Int, rank: [TokenPair: Int], ids: [Int]) -> TokenPair {
        for i in 0..<(ids.count - 1) {
            let pair = TokenPair(ids[i], ids[i + 1])
            if rank[pair] == k { return pair }
        }
        preconditionFailure("rank \(k) vanished")
    }

    /// The bytes of every id below 256 + merges.count: 0-255 themselves, then
    /// each merge the concatenation of its two parts.
    ///
    /// - Precondition: merge k only uses ids below 256 + k.
    public static func vocabulary(merges: [TokenPair]) -> [[UInt8]] {
        var vocab: [[UInt8]] = (0..<256).map { [UInt8($0)] }
        for (k, pair) in merges.enumerated() {
            precondition(pair.first < 256 + k && pair.second < 256 + k && pair.first >= 0 && pair.second >= 0,
                         "merge \(k) uses an id that does not exist yet")
            vocab.append(vocab[pair.first] + vocab[pair.second])
        }
        return vocab
    }

    /// The bytes of `ids`.
    public static func bytes(_ ids: [Int], merges: [TokenPair]) -> [UInt8] {
        let vocab = vocabulary(merges: merges)
        var out: [UInt8] = []
        for i in ids { out += vocab[i] }
        return out
    }

    /// The text of `ids` (catalog `tokenization/decode`): bytes, then UTF-8
    /// with one U+FFFD per maximal invalid subpart.
    public static func decode(_ ids: [Int], merges: [TokenPair]) -> String {
        UTF8Repair.decode(bytes(ids, merges: merges))
    }
}
