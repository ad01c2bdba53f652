/// Byte-level BPE training by full recount: the obviously correct twin of
/// `FastBPETrainer`.
///
/// Start from the UTF-8 bytes of the text (ids 0-255). Merge k (0-based)
/// creates id 256 + k:
///
/// ```
/// repeat vocabSize - 256 times:
///     counts ← every adjacent pair of the current ids, with its count
///     (a, b) ← the most frequent pair; a tie goes to the pair whose first
///              occurrence in the current ids is earliest
///     ids    ← ids with (a, b) replaced by 256 + k, left to right, no overlap
/// ```
///
/// This is Sennrich et al. 2016, §3.2, applied to bytes instead of characters
/// as GPT-2 does (Radford et al. 2019, §2.2). With `pieces` (train-regex) the
/// text is first split by `GPT2Pretokenizer`; pairs are counted inside pieces
/// only and summed, ties go to the first occurrence scanning the pieces left
/// to right, and a merge never joins two pieces.
///
/// Worked example of the lesson, "aaabdaaabac" with vocabSize 259:
///
/// ```
/// a a a b d a a a b a c     (a a) occurs 4 times     → 256 = (97, 97)
/// Z a b d Z a b a c         (Z a), (a b) both twice; (Z a) comes first → 257 = (256, 97)
/// Y b d Y b a c             (Y b) twice               → 258 = (257, 98)
/// X d X a c
/// ```
///
/// It leaves out everything but correctness: each merge recounts the whole
/// sequence.
///
/// - Complexity: O(m·n) for m merges over n bytes.
public enum NaiveBPETrainer {
    /// The merges learned from the whole text as one sequence (catalog `tokenization/train`).
    public static func train(text: String, vocabSize: Int) -> [TokenPair] {
        train(pieces: [Array(text.utf8).map(Int.init)], vocabSize: vocabSize)
    }

    /// The merges learned within the GPT-2 pieces of the text (catalog `tokenization/train-regex`).
    public static func trainRegex(text: String, vocabSize: Int) -> [TokenPair] {
        let bytes = Array(text.utf8).map(Int.init)
        let pieces = GPT2Pretokenizer.byteRanges(text).map { Array(bytes[$0]) }
        return train(pieces: pieces, vocabSize: vocabSize)
    }

    /// The merges learned over `pieces` (each a list of ids below 256) in text order.
    public static func train(pieces: [[Int]], vocabSize: Int) -> [TokenPair] {
        var pieces = pieces
        var merges: [TokenPair] = []
        for k in 0..<max(0, vocabSize - 256) {
            var order: [BytePairs.Count] = []
            var slot: [TokenPair: Int] = [:]
            for piece in pieces { BytePairs.addCounts(piece, weight: 1, into: &order, slot: &slot) }
            guard let pair = BytePairs.best(order) else { break }   // every piece has < 2 ids
            merges.append(pair)
            for i in pieces.indices where pieces[i].count >= 2 {
                pieces[i] = BytePairs.merge(pieces[i], pair: pair, newId: 256 + k)
            }
        }
        return merges
    }
}
