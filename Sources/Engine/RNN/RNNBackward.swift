import Tensor

/// Backpropagation through time (BPTT) for the vanilla RNN of `RNNForward.swift`.
///
/// Rumelhart, Hinton and Williams, "Learning internal representations by
/// error propagation" (1986), §"Recurrent nets"; Werbos, "Backpropagation
/// through time: what it does and how to do it", Proc. IEEE 78 (1990).
///
/// The loss is L = Σ_t dhs_t · h_t, so `dhs` is exactly ∂L/∂h_t as seen from
/// outside the recurrence (from an output layer, say). Inside, h_t also feeds
/// h_{t+1}, so the total gradient reaching h_t is
///
/// ```
/// g_T = dhs_T
/// g_t = dhs_t + W_hhᵀ·δ_{t+1}          // [H]
/// δ_t = g_t ⊙ (1 − h_t²)               // [H], tanh'(a_t) = 1 − tanh²(a_t)
/// ```
///
/// and each δ_t adds to the weight gradients:
///
/// ```
/// dW_ih += δ_t·x_tᵀ   dW_hh += δ_t·h_{t-1}ᵀ   db_ih += δ_t   db_hh += δ_t
/// dx_t   = W_ihᵀ·δ_t   dh0 = W_hhᵀ·δ_1
/// ```
///
/// Unrolled, ∂h_T/∂h_k = Π_{t=k+1..T} diag(1 − h_t²)·W_hh: the product of
/// Jacobians whose norm shrinks or grows geometrically (Bengio, Simard and
/// Frasconi 1994; Pascanu, Mikolov and Bengio 2013, §2).
extension RNN {
    /// The gradients of L = Σ_t dhs_t · h_t with respect to every input of
    /// `RNN.forward`. Field names are those of the catalog (`rnn/bptt`).
    public struct Gradients: Sendable, Equatable, Codable {
        public var dwih: Matrix        // [H, I]
        public var dwhh: Matrix        // [H, H]
        public var dbih: [Double]      // [H]
        public var dbhh: [Double]      // [H]
        public var dh0: [Double]       // [H]
        public var dxs: Matrix         // [T, I]

        public init(dwih: Matrix, dwhh: Matrix, dbih: [Double], dbhh: [Double], dh0: [Double], dxs: Matrix) {
            self.dwih = dwih; self.dwhh = dwhh; self.dbih = dbih; self.dbhh = dbhh
            self.dh0 = dh0; self.dxs = dxs
        }
    }

    /// Runs the forward pass, then walks back from t = T to 1.
    ///
    /// - Parameters: as `forward`, plus `dhs`, `[T, H]`, the outside gradient on each h_t.
    /// - Returns: every gradient, shaped like the value it belongs to.
    /// - Complexity: O(T · H · (I + H)) time, O(T · H) memory for the stored states.
    public static func backward(xs: Matrix, wih: Matrix, whh: Matrix, bih: [Double], bhh: [Double],
                                h0: [Double], dhs: Matrix) -> Gradients {
        let dims = checkShapes(xs: xs, wih: wih, whh: whh, bih: bih, bhh: bhh, h0: h0)
        let (steps, input, hidden) = (dims.steps, dims.input, dims.hidden)
        precondition(dhs.rows == steps && (dhs.cols == hidden || steps == 0),
                     "dhs must be T×H = \(steps)×\(hidden), got \(dhs.rows)×\(dhs.cols)")
        let hs = forward(xs: xs, wih: wih, whh: whh, bih: bih, bhh: bhh, h0: h0)   // [T, H]

        var grads = Gradients(dwih: Matrix(rows: hidden, cols: input), dwhh: Matrix(rows: hidden, cols: hidden),
                              dbih: Array(repeating: 0, count: hidden), dbhh: Array(repeating: 0, count: hidden),
                              dh0: Array(repeating: 0, count: hidden), dxs: Matrix(rows: steps, cols: input))
        var fromLater = [Double](repeating: 0, count: hidden)   // W_hhᵀ·δ_{t+1}, zero past the end
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let h = hs.row(t)
            let previous = t > 0 ? hs.row(t - 1) : h0
            // 1. total gradient on h_t, 2. through tanh: δ_t = g_t ⊙ (1 − h_t²).
            var delta = [Double](repeating: 0, count: hidden)
            for j in 0..<hidden { delta[j] = (dhs[t, j] + fromLater[j]) * (1 - h[j] * h[j]) }
            // 3. the parameters used at step t collect their share.
            addOuter(&grads.dwih, delta, xs.row(t))
            addOuter(&grads.dwhh, delta, previous)
            for j in 0..<hidden { grads.dbih[j] += delta[j]; grads.dbhh[j] += delta[j] }
            // 4. gradients on this step's inputs: x_t and h_{t-1}.
            let dx = matvecTransposed(wih, delta)
            grads.dxs.storage.replaceSubrange((t * input)..<((t + 1) * input), with: dx)
            fromLater = matvecTransposed(whh, delta)
        }
        grads.dh0 = fromLater
        return grads
    }
}
