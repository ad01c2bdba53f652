import Tensor

extension Word2Vec {
    /// The `k` words whose vectors have the largest cosine similarity with
    /// `word`'s vector, the word itself excluded, best first.
    ///
    /// ```
    /// cos(a, b) = a·b / (‖a‖ ‖b‖)
    /// ```
    ///
    /// Cosine ignores length, which in a trained model mostly tracks word
    /// frequency, and keeps direction, which tracks meaning. A tie in cosine
    /// goes to the word with the lower index in `vocab`. Example: vectors
    /// `[[1,0], [0.9,0.1], [0,1], [-1,0]]`, vocab `[a, b, c, d]`, word a,
    /// k = 2 gives `[b, c]` (cosines 0.994, 0, -1).
    ///
    /// Instead of sorting all V words this keeps the best k in a small sorted
    /// buffer: O(V·d + V·k), which beats O(V log V) for the small k people ask for.
    ///
    /// - Returns: nil when `word` is not in `vocab`.
    /// - Complexity: O(V·d + V·k).
    public static func mostSimilar(vectors: [[Double]], vocab: [String],
                                   word: String, k: Int) -> [String]? {
        guard let query = vocab.firstIndex(of: word) else { return nil }
        let q = unit(vectors[query])                               // [d]
        let ranked = topK(vectors: vectors, query: q, k: k, excluding: [query])
        return ranked.map { vocab[$0.index] }
    }

    /// The indices and cosines of the `k` rows most similar to `query`
    /// (already a unit vector), skipping `excluding`; ties to the lower index.
    ///
    /// - Complexity: O(V·d + V·k).
    public static func topK(vectors: [[Double]], query: [Double], k: Int,
                            excluding: Set<Int>) -> [(index: Int, cosine: Double)] {
        guard k > 0 else { return [] }
        var best: [(index: Int, cosine: Double)] = []              // sorted, best first
        best.reserveCapacity(k + 1)
        for (i, v) in vectors.enumerated() where !excluding.contains(i) {
            let n = norm(v)
            let c = n == 0 ? 0 : dot(v, query) / n
            // Rows arrive in index order, so a strictly greater cosine is
            // needed to pass an entry: equal cosines keep the lower index first.
            if best.count == k, let last = best.last, !(c > last.cosine) { continue }
            var position = best.count
            while position > 0 && c > best[position - 1].cosine { position -= 1 }
            best.insert((i, c), at: position)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}
