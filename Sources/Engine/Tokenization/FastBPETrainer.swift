/// Byte-level BPE training with incremental pair counts and a priority queue.
///
/// It learns exactly the merges of `NaiveBPETrainer` (same counts, same tie
/// rule: most frequent pair, then earliest first occurrence in the current
/// sequence), without recounting the text after every merge.
///
/// The idea (as in Sennrich et al. 2016, §3.2, "we update the pair counts
/// incrementally", and in production tokenizers): merging (a, b) → Z at a
/// position with left neighbour x and right neighbour y changes only four
/// counts,
///
/// ```
/// (x, a) -= w    (b, y) -= w    (a, b) -= w    (x, Z) += w    (Z, y) += w
/// ```
///
/// where w is the weight of the piece (how many times it occurs in the text).
///
/// Data layout. The tokens live on the byte positions of the (unique) pieces
/// laid end to end, as a doubly linked list: a token keeps the position of
/// its first byte forever, so position order is sequence order and "first
/// occurrence" is "smallest position". Each pair keeps a list of the positions
/// where it was created, in increasing order; an entry dies when a merge
/// changes either token, and the first live entry is the pair's first
/// occurrence.
///
/// Why a lazy heap is exact. A pair gains occurrences only in the step that
/// creates its newer id (new adjacencies always touch the new token Z). After
/// that its count only falls and its first position only grows, so an old
/// heap entry overstates its pair. Pop the top; if it matches the pair's
/// current (count, first position) it is the true best; if not, push the
/// current values back and pop again.
///
/// For train-regex, identical pieces are trained once with their multiplicity
/// as weight, laid out in order of first appearance: the first occurrence of a
/// pair while scanning pieces left to right is always inside the first copy of
/// some piece, so this order gives the same tie-breaks as the full text.
///
/// - Complexity: O(n + Σ_k occ_k · log P) for n bytes, occ_k the occurrences
///   merged at step k and P the number of distinct pairs, instead of O(m·n).
public enum FastBPETrainer {
    /// Catalog `tokenization/train`: the whole text as one sequence.
    public static func train(text: String, vocabSize: Int) -> [TokenPair] {
        train(pieces: [Array(text.utf8)], weights: [1], vocabSize: vocabSize)
    }

    /// Catalog `tokenization/train-regex`: GPT-2 pieces, identical pieces trained once.
    public static func trainRegex(text: String, vocabSize: Int) -> [TokenPair] {
        let bytes = Array(text.utf8)
        var index: [ArraySlice<UInt8>: Int] = [:]
        var pieces: [[UInt8]] = []
        var weights: [Int] = []
        for range in GPT2Pretokenizer.byteRanges(text) where range.count >= 2 {
            let slice = bytes[range]
            if let i = index[slice] {
                weights[i] += 1
            } else {
                index[slice] = pieces.count
                pieces.append(Array(slice))
                weights.append(1)
            }
        }
        return train(pieces: pieces, weights: weights, vocabSize: vocabSize)
    }

    /// The merges learned over `pieces` in the given order, piece i counted
    /// `weights[i]` times; pairs never cross pieces.
    public static func train(pieces: [[UInt8]], weights: [Int], vocabSize: Int) -> [TokenPair] {
        precondition(pieces.count == weights.count, "one weight per piece")
        let total = pieces.reduce(0) { $0 + $1.count }
        precondition(total < Int(Int32.max) / 4, "text too large for 32-bit positions")

        // Tokens on positions 0..<total.                                  all [total]
        var id = [Int32](repeating: -1, count: total)     // -1: absorbed into its left neighbour
        var next = [Int32](repeating: -1, count: total)   // -1: end of piece
        var prev = [Int32](repeating: -1, count: total)   // -1: start of piece
        var weight = [Int](repeating: 0, count: total)

        // Pairs: ids, weighted count, and a singly linked list of creation positions.
        var pairFirst: [Int32] = [], pairSecond: [Int32] = []
        var pairCount: [Int] = []
        var head: [Int32] = [], tail: [Int32] = []        // into the occurrence pool
        var occPosition: [Int32] = [], occNext: [Int32] = []
        occPosition.reserveCapacity(2 * total)
        occNext.reserveCapacity(2 * total)
        var table = PairTable(capacity: 1 << 14)

        /// The pair (a, b), created with no occurrences if new.
        func pairIndex(_ a: Int32, _ b: Int32) -> Int {
            Int(table.findOrInsert(PairTable.key(a, b)) {
                pairFirst.append(a); pairSecond.append(b); pairCount.append(0)
                head.append(-1); tail.append(-1)
                return Int32(pairCount.count - 1)
            })
        }
        /// Records an occurrence of pair `p` at position `pos` (positions arrive in increasing order).
        func addOccurrence(_ p: Int, _ pos: Int32, _ w: Int) {
            pairCount[p] += w
            let o = Int32(occPosition.count)
            occPosition.append(pos)
            occNext.append(-1)
            if tail[p] < 0 { head[p] = o } else { occNext[Int(tail[p])] = o }
            tail[p] = o
        }
        /// True when the pair `p` still sits at `pos`.
        func isLive(_ p: Int, _ pos: Int32) -> Bool {
            let i = Int(pos)
            guard id[i] == pairFirst[p], next[i] >= 0 else { return false }
            return id[Int(next[i])] == pairSecond[p]
        }
        /// The current first occurrence of `p` (dropping dead entries from the front), or -1.
        func firstPosition(_ p: Int) -> Int32 {
            var o = head[p]
            while o >= 0 && !isLive(p, occPosition[Int(o)]) { o = occNext[Int(o)] }
            head[p] = o
            if o < 0 { tail[p] = -1 }
            return o >= 0 ? occPosition[Int(o)] : -1
        }

        // Lay out the pieces and count the initial byte pairs, left to right.
        var pos = 0
        for (piece, w) in zip(pieces, weights) {
            for (j, byte) in piece.enumerated() {
                id[pos + j] = Int32(byte)
                weight[pos + j] = w
                if j > 0 { prev[pos + j] = Int32(pos + j - 1) }
                if j + 1 < piece.count { next[pos + j] = Int32(pos + j + 1) }
            }
            for j in 0..<max(0, piece.count - 1) {
                addOccurrence(pairIndex(Int32(piece[j]), Int32(piece[j + 1])), Int32(pos + j), w)
            }
            pos += piece.count
        }
        var heap = PairHeap()
        for p in 0..<pairCount.count {
            heap.push(.init(count: pairCount[p], position: occPosition[Int(head[p])], pair: Int32(p)))
        }

        var merges: [TokenPair] = []
        var created: [Int] = []            // pairs that gained occurrences in this step
        while merges.count < vocabSize - 256 {
            // Pop until an entry is current.
            var chosen = -1
            while let top = heap.pop() {
                let p = Int(top.pair)
                let count = pairCount[p]
                if count <= 0 { continue }
                let first = firstPosition(p)
                if count == top.count && first == top.position { chosen = p; break }
                heap.push(.init(count: count, position: first, pair: top.pair))
            }
            guard chosen >= 0 else { break }                      // no pair left anywhere
            let a = pairFirst[chosen], b = pairSecond[chosen]
            let z = Int32(256 + merges.count)
            merges.append(TokenPair(Int(a), Int(b)))

            // Replace every live occurrence, left to right; overlaps die as we go.
            created.removeAll(keepingCapacity: true)
            var o = head[chosen]
            while o >= 0 {
                let p = occPosition[Int(o)]
                o = occNext[Int(o)]
                guard isLive(chosen, p) else { continue }
                let pi = Int(p), q = Int(next[pi]), w = weight[pi]
                let left = prev[pi], right = next[q]
                pairCount[chosen] -= w
                if left >= 0 {
                    let x = id[Int(left)]
                    pairCount[pairIndex(x, a)] -= w
                    let np = pairIndex(x, z)
                    if pairCount[np] == 0 && head[np] < 0 { created.append(np) }
                    addOccurrence(np, left, w)
                }
                if right >= 0 {
                    let y = id[Int(right)]
                    pairCount[pairIndex(b, y)] -= w
                    let np = pairIndex(z, y)
                    if pairCount[np] == 0 && head[np] < 0 { created.append(np) }
                    addOccurrence(np, p, w)
                }
                id[pi] = z
                id[q] = -1
                next[pi] = right
                if right >= 0 { prev[Int(right)] = p }
            }
            head[chosen] = -1; tail[chosen] = -1
            assert(pairCount[chosen] == 0, "merged pair \(a),\(b) still counted \(pairCount[chosen])")

            for p in created where pairCount[p] > 0 {
                heap.push(.init(count: pairCount[p], position: firstPosition(p), pair: Int32(p)))
            }
        }
        return merges
    }
}
