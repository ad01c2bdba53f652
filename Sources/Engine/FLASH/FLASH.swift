import Tensor

/// FLASH, from Hua, Dai, Liu and Le, "Transformer Quality in Linear Time",
/// ICML 2022.
///
/// §2 builds the gated attention unit (GAU): one layer that replaces both
/// the attention block and the feed-forward block of a Transformer, with a
/// single head, a shared low-dimensional z for queries and keys, and relu²
/// scores instead of softmax. §3 makes it linear in n with mixed-chunk
/// attention: exact quadratic attention inside chunks of c tokens plus a
/// linear (kernel-free) attention across chunks.
///
/// Dense layers use the catalog's `[in][out]` layout, applied as `x·W + b`.
/// Each algorithm lives in its own file as an extension of this namespace.
public enum FLASH {}

extension FLASH {
    /// silu(x) = x·σ(x) (also called swish), the GAU's activation (§2).
    @inline(__always) public static func silu(_ x: Double) -> Double {
        x >= 0 ? x / (1 + exp(-x)) : x * exp(x) / (1 + exp(x))
    }

    /// relu(x)², the GAU's attention kernel (§2, found by So et al.'s Primer search).
    @inline(__always) public static func relu2(_ x: Double) -> Double {
        x > 0 ? x * x : 0
    }

    /// A dense layer `x·w + b` followed by silu: `[n, in]·[in, out] → [n, out]`.
    /// - Complexity: O(n · in · out).
    static func siluDense(_ x: Matrix, _ w: Matrix, _ b: [Double]) -> Matrix {
        x.matmul(w).addingRow(b).map(silu)
    }
}
