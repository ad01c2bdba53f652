import Tensor

extension Word2Vec {
    /// Solves "a is to b as c is to ?" by vector arithmetic: the word w,
    /// other than a, b and c, maximising
    ///
    /// ```
    /// cos(w, unit(b) - unit(a) + unit(c))
    /// ```
    ///
    /// Mikolov et al. 2013a, §4.1 ("vector(biggest) - vector(big) +
    /// vector(small)"); the vectors are normalised first, as in the
    /// `compute-accuracy` tool and gensim's `most_similar(positive, negative)`,
    /// so that a frequent word's long vector does not dominate the sum. Ties
    /// go to the lower index.
    /// Example: man→king as woman→queen when king - man ≈ queen - woman.
    ///
    /// - Returns: nil when a word is missing or no other word exists.
    /// - Complexity: O(V·d).
    public static func analogy(vectors: [[Double]], vocab: [String],
                               a: String, b: String, c: String) -> String? {
        guard let ia = vocab.firstIndex(of: a), let ib = vocab.firstIndex(of: b),
              let ic = vocab.firstIndex(of: c) else { return nil }
        let query = analogyQuery(vectors[ia], vectors[ib], vectors[ic])   // [d]
        let best = topK(vectors: vectors, query: unit(query), k: 1, excluding: [ia, ib, ic])
        return best.first.map { vocab[$0.index] }
    }

    /// The query vector unit(b) - unit(a) + unit(c).
    public static func analogyQuery(_ a: [Double], _ b: [Double], _ c: [Double]) -> [Double] {
        let ua = unit(a), ub = unit(b), uc = unit(c)
        return (0..<ua.count).map { ub[$0] - ua[$0] + uc[$0] }
    }
}
