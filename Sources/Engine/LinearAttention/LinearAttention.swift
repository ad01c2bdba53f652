import Tensor

/// Linear attention as in Katharopoulos, Vyas, Pappas and Fleuret,
/// "Transformers are RNNs: Fast Autoregressive Transformers with Linear
/// Attention", ICML 2020.
///
/// Softmax attention weighs value j for query i by exp(q_i·k_j/√d). §3.2
/// replaces that similarity with a kernel φ(q_i)·φ(k_j); then associativity
/// lets the n×n weight matrix disappear:
///
/// ```
/// out_i = Σ_j (φ(q_i)·φ(k_j)) v_j / Σ_j φ(q_i)·φ(k_j)
///       = φ(q_i)ᵀ (Σ_j φ(k_j) v_jᵀ) / φ(q_i)ᵀ (Σ_j φ(k_j))      // §3.2, eq. 5
/// ```
///
/// The sums over j are a d×e matrix S and a d-vector z, computed once
/// (global form) or as running prefix sums (causal form, §3.3, which is an
/// RNN whose state is (S, z)). Every function here follows the catalog: no
/// epsilon in the denominator, which φ = elu + 1 > 0 keeps positive.
/// Each algorithm lives in its own file as an extension of this namespace.
public enum LinearAttention {}

extension LinearAttention {
    /// φ(x) = elu(x) + 1: x + 1 for x > 0, e^x otherwise (§3.2.1). Always > 0.
    @inline(__always) public static func phi(_ x: Double) -> Double {
        x > 0 ? x + 1 : exp(x)
    }

    /// Checks the shapes q: n×d, k: n×d, v: n×e and returns (n, d, e).
    ///
    /// The grader validates cases before they get here; this precondition
    /// guards direct callers of the Engine.
    static func checkShapes(q: Matrix, k: Matrix, v: Matrix) -> (n: Int, d: Int, e: Int) {
        precondition(q.rows == k.rows && k.rows == v.rows,
                     "q, k and v must have the same number of rows, got \(q.rows), \(k.rows), \(v.rows)")
        precondition(q.cols == k.cols, "q and k must have the same width d, got \(q.cols) and \(k.cols)")
        return (q.rows, q.cols, v.cols)
    }
}
