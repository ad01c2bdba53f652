import Tensor

extension Word2Vec {
    /// The (center, context) training pairs of skip-gram over one sentence.
    ///
    /// Skip-gram (Mikolov et al. 2013a, §3.2; 2013b, §2) predicts each word
    /// within `window` positions of a center word:
    ///
    /// ```
    /// pairs = [(w_i, w_j) for i in 0..<n, for j in i-window ... i+window, 0 <= j < n, j != i]
    /// ```
    ///
    /// Pairs come in the order of i, then ascending j. Example:
    /// `ids = [7, 8, 9], window = 1 -> [[7, 8], [8, 7], [8, 9], [9, 8]]`.
    ///
    /// This is the full window the catalog asks for; real trainers shrink it at
    /// random per center word, see `shrunkWindowPairs`.
    ///
    /// - Complexity: O(n · window) time and output.
    public static func skipgramPairs(ids: [Int], window: Int) -> [[Int]] {
        precondition(window >= 0, "window must be >= 0, got \(window)")
        let n = ids.count
        var pairs: [[Int]] = []
        pairs.reserveCapacity(n * Swift.min(2 * window, Swift.max(n - 1, 0)))
        for i in 0..<n {
            // Clip the window [i - window, i + window] to the sentence.
            let lo = Swift.max(0, i - window), hi = Swift.min(n - 1, i + window)
            guard lo <= hi else { continue }
            for j in lo...hi where j != i {
                pairs.append([ids[i], ids[j]])
            }
        }
        return pairs
    }

    /// The skip-gram pairs with the window shrunk at random for every center
    /// word, as the original C code does.
    ///
    /// For each center i the C code draws b uniformly from 0..<window and uses
    /// the window `window - b`, so the effective window is uniform in
    /// 1...window. A context word at distance δ is then used with probability
    /// (window - δ + 1) / window: near words count more than far ones, which
    /// is the weighting Mikolov et al. 2013a (§3.2) describe ("we give less
    /// weight to the distant words by sampling less from those words").
    ///
    /// - Complexity: O(n · window).
    public static func shrunkWindowPairs(ids: [Int], window: Int,
                                         rng: inout SeededRandom) -> [[Int]] {
        precondition(window >= 1, "window must be >= 1, got \(window)")
        let n = ids.count
        var pairs: [[Int]] = []
        for i in 0..<n {
            let effective = effectiveWindow(window, rng: &rng)
            let lo = Swift.max(0, i - effective), hi = Swift.min(n - 1, i + effective)
            guard lo <= hi else { continue }
            for j in lo...hi where j != i { pairs.append([ids[i], ids[j]]) }
        }
        return pairs
    }

    /// One draw of the shrunk window: `window - b` with b uniform in 0..<window.
    @inline(__always)
    public static func effectiveWindow(_ window: Int, rng: inout SeededRandom) -> Int {
        window - rng.int(in: 0..<window)
    }
}
