import Tensor

/// Multi-head self-attention, Vaswani et al. 2017, §3.2.2:
///
/// ```
/// Q = x·W_q + b_q,  K = x·W_k + b_k,  V = x·W_v + b_v          // [n, E] each
/// head_h = Attention(Q[:, h·D ..< (h+1)·D], K[:, same], V[:, same])   // [n, D], D = E / heads
/// MultiHead(x) = concat(head_0, …, head_{H−1})·W_o + b_o          // [n, E]
/// ```
///
/// The paper draws separate projection matrices per head; stacking them side
/// by side as the columns of one E×E matrix is the same thing and is how
/// PyTorch's `nn.MultiheadAttention` stores them. Each head sees a D-wide
/// slice of the projections and is plain scaled dot-product attention with
/// d = D (so the scale is 1/√D, not 1/√E). With heads = 1 this is attention
/// between the three projections, followed by the output projection.
extension Transformer {
    /// The eight parameters of one multi-head attention block, `[in][out]` layout.
    public struct MultiHeadWeights: Sendable, Equatable {
        public var wq: Matrix, wk: Matrix, wv: Matrix, wo: Matrix       // [E, E]
        public var bq: [Double], bk: [Double], bv: [Double], bo: [Double]  // [E]
        public init(wq: Matrix, wk: Matrix, wv: Matrix, wo: Matrix,
                    bq: [Double], bk: [Double], bv: [Double], bo: [Double]) {
            self.wq = wq; self.wk = wk; self.wv = wv; self.wo = wo
            self.bq = bq; self.bk = bk; self.bv = bv; self.bo = bo
        }
    }

    /// Multi-head self-attention of `x` (`[n, E]`) with `heads` heads; E must be a multiple of heads.
    /// - Complexity: O(n · E² + n² · E)
    public static func multiHead(x: Matrix, weights w: MultiHeadWeights, heads: Int, causal: Bool) -> Matrix {
        let width = x.cols
        precondition(heads >= 1 && width % heads == 0, "multiHead: E = \(width) is not a multiple of heads = \(heads)")
        let size = width / heads
        // 1. the three projections.
        let q = dense(x, w.wq, w.bq), k = dense(x, w.wk, w.bk), v = dense(x, w.wv, w.bv)   // [n, E]
        // 2. one attention per column slice, written back into the same columns.
        var concatenated = Matrix(rows: x.rows, cols: width)                            // [n, E]
        for h in 0..<heads {
            let columns = (h * size)..<((h + 1) * size)
            let head = attention(q: q.columns(columns), k: k.columns(columns), v: v.columns(columns),
                                 causal: causal)                                        // [n, D]
            for r in 0..<x.rows {
                for c in 0..<size { concatenated.storage[r * width + h * size + c] = head.storage[r * size + c] }
            }
        }
        // 3. the output projection.
        return dense(concatenated, w.wo, w.bo)
    }
}
