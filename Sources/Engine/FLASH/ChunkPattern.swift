/// Which mechanism connects query i to key j in mixed-chunk attention: the
/// picture behind Hua et al. 2022, §3.2, Figure 4 (the `flash-chunks` demo).
///
/// For chunk size c, position i lies in chunk ⌊i/c⌋. Non-causal: pairs in
/// the same chunk get the quadratic local term and also the linear global
/// term (the global summary covers every key); other pairs get the global
/// term only. Causal: pairs in the same chunk with j <= i get the local term
/// only; pairs whose key lies in an earlier chunk get the global term (the
/// exclusive prefix); everything else is masked.
extension FLASH {
    /// How a query–key pair is connected.
    public enum Link: Sendable, Equatable {
        /// Masked: the key does not reach the query.
        case none
        /// Only the quadratic, within-chunk term.
        case local
        /// Only the linear, across-chunk term.
        case global
        /// Both terms (non-causal, same chunk).
        case both
    }

    /// The link between query `i` and key `j` for sequence chunks of `chunk`.
    public static func link(query i: Int, key j: Int, chunk c: Int, causal: Bool) -> Link {
        precondition(c >= 1, "chunk must be >= 1")
        let same = i / c == j / c
        if !causal { return same ? .both : .global }
        if same { return j <= i ? .local : .none }
        return j / c < i / c ? .global : .none
    }

    /// The n×n grid of links, row i for query i.
    /// - Complexity: O(n²).
    public static func chunkPattern(n: Int, chunk c: Int, causal: Bool) -> [[Link]] {
        (0..<n).map { i in (0..<n).map { j in link(query: i, key: j, chunk: c, causal: causal) } }
    }
}
