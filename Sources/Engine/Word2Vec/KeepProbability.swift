import Tensor

extension Word2Vec {
    /// The probability that subsampling keeps an occurrence of each word,
    /// with the formula of the original C code.
    ///
    /// Mikolov et al. 2013b, §2.3 discard an occurrence of word w with
    /// probability 1 - sqrt(t / f(w)), f(w) = c_w / T the word's frequency
    /// and t (`sample`) a threshold around 1e-5. The released word2vec.c uses
    /// a slightly different curve, which is what this computes:
    ///
    /// ```
    /// keep(w) = min(1, (sqrt(c_w / (t·T)) + 1) · (t·T) / c_w)
    ///         = min(1, sqrt(t / f) + t / f)
    /// ```
    ///
    /// A word is always kept when c ≤ φ²·t·T ≈ 2.618·t·T (where
    /// sqrt(r) + 1 = r); a word with frequency f ≫ t keeps roughly
    /// sqrt(t / f) of its occurrences. Example: `counts = [96, 4],
    /// sample = 0.01` gives T = 100, t·T = 1, so
    /// keep = [(sqrt(96) + 1)/96, (sqrt(4) + 1)/4] ≈ [0.1125, 0.75].
    ///
    /// - Complexity: O(V).
    public static func keepProbability(counts: [Int], sample: Double) -> [Double] {
        var total = 0.0
        for c in counts { total += Double(c) }
        let threshold = sample * total                       // t·T
        return counts.map { c in
            let ratio = Double(c) / threshold                // c / (t·T) = f / t
            return Swift.min(1, (ratio.squareRoot() + 1) / ratio)
        }
    }
}
