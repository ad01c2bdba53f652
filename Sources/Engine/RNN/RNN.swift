import Tensor

/// Recurrent networks: the vanilla (Elman) RNN with its backward pass through
/// time, the LSTM and GRU cells in PyTorch's layout, gradient clipping, a
/// tiny character-level language model and a study of gradient flow.
///
/// Every weight matrix uses PyTorch's `[out][in]` layout, so a product is
/// `W·x` (a row of `W` per output unit) and the gate blocks of the LSTM
/// (`i, f, g, o`) and GRU (`r, z, n`) are stacked row blocks of `wih`/`whh`.
/// Each algorithm lives in its own file as an extension of this namespace.
public enum RNN {}

extension RNN {
    /// The logistic sigmoid σ(x) = 1 / (1 + e^(-x)), written so that neither
    /// branch can overflow: for x < 0 it uses e^x / (1 + e^x).
    @inline(__always) static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// `w·v` for a matrix in `[out][in]` layout: `out[r] = Σ_c w[r, c]·v[c]`.
    /// - Complexity: O(rows · cols)
    static func matvec(_ w: Matrix, _ v: [Double]) -> [Double] {
        precondition(w.cols == v.count, "matrix \(w.rows)×\(w.cols) times a vector of \(v.count)")
        var out = [Double](repeating: 0, count: w.rows)
        w.storage.withUnsafeBufferPointer { a in
            for r in 0..<w.rows {
                var s = 0.0
                let base = r * w.cols
                for c in 0..<w.cols { s += a[base + c] * v[c] }
                out[r] = s
            }
        }
        return out
    }

    /// `wᵀ·v` for a matrix in `[out][in]` layout: `out[c] = Σ_r w[r, c]·v[r]`.
    /// - Complexity: O(rows · cols)
    static func matvecTransposed(_ w: Matrix, _ v: [Double]) -> [Double] {
        precondition(w.rows == v.count, "transpose of \(w.rows)×\(w.cols) times a vector of \(v.count)")
        var out = [Double](repeating: 0, count: w.cols)
        w.storage.withUnsafeBufferPointer { a in
            for r in 0..<w.rows where v[r] != 0 {
                let base = r * w.cols, vr = v[r]
                for c in 0..<w.cols { out[c] += a[base + c] * vr }
            }
        }
        return out
    }

    /// `m += u·vᵀ` (an outer product accumulated into `m`).
    static func addOuter(_ m: inout Matrix, _ u: [Double], _ v: [Double]) {
        precondition(m.rows == u.count && m.cols == v.count, "outer product shape mismatch")
        let cols = m.cols
        m.storage.withUnsafeMutableBufferPointer { a in
            for r in 0..<u.count where u[r] != 0 {
                let ur = u[r], base = r * cols
                for c in 0..<cols { a[base + c] += ur * v[c] }
            }
        }
    }
}
