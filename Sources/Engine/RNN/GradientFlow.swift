import Tensor

/// How far back a gradient reaches: ‖∂h_T/∂h_{T-k}‖ for k = 0…T, for a
/// vanilla RNN and for an LSTM run over the same inputs.
///
/// Bengio, Simard and Frasconi, "Learning long-term dependencies with
/// gradient descent is difficult", IEEE Trans. Neural Networks 5 (1994);
/// Pascanu, Mikolov and Bengio (ICML 2013), §2.1. For the vanilla RNN
///
/// ```
/// ∂h_T/∂h_{T-k} = Π_{t=T-k+1..T} diag(1 − h_t²)·W_hh        // [H, H]
/// ```
///
/// a product of k Jacobians, so its norm behaves like ρ^k for some typical
/// per-step gain ρ: it vanishes when ρ < 1 and explodes when ρ > 1. For the
/// LSTM the state is the pair s_t = (h_t, c_t); we report the Frobenius norm
/// of ∂h_T/∂s_{T-k} (`[H, 2H]`), the product of the step Jacobians of
/// `RNN.lstmStateJacobian`. Along the cell path each step contributes
/// diag(f_t), so with forget gates near 1 the norm decays slowly.
///
/// Both norms are Frobenius norms; at k = 0 the vanilla one is √H (the identity).
extension RNN {
    /// ‖∂h_T/∂h_{T-k}‖_F for k = 0…T (index k), for the vanilla RNN of `RNN.forward`.
    ///
    /// - Complexity: O(T · H³) (one H×H product per step back).
    public static func vanillaGradientNorms(xs: Matrix, wih: Matrix, whh: Matrix,
                                            bih: [Double], bhh: [Double], h0: [Double]) -> [Double] {
        let hs = forward(xs: xs, wih: wih, whh: whh, bih: bih, bhh: bhh, h0: h0)   // [T, H]
        let hidden = whh.rows
        var back = Matrix.identity(hidden)            // ∂h_T/∂h_t, starting at t = T
        var norms = [frobenius(back)]
        for t in stride(from: hs.rows - 1, through: 0, by: -1) {
            // ∂h_T/∂h_{t-1} = ∂h_T/∂h_t · diag(1 − h_t²) · W_hh
            var step = whh                            // [H, H], rows scaled by tanh'
            for r in 0..<hidden {
                let d = 1 - hs[t, r] * hs[t, r]
                for c in 0..<hidden { step[r, c] *= d }
            }
            back = back.matmul(step)
            norms.append(frobenius(back))
        }
        return norms
    }

    /// ‖∂h_T/∂(h_{T-k}, c_{T-k})‖_F for k = 0…T (index k), for an LSTM run
    /// over `xs` from (h0, c0) with the weights of `RNN.lstmCell`.
    ///
    /// - Complexity: O(T · H³).
    public static func lstmGradientNorms(xs: Matrix, wih: Matrix, whh: Matrix, bih: [Double], bhh: [Double],
                                         h0: [Double], c0: [Double]) -> [Double] {
        let hidden = h0.count
        // 1. forward, keeping each step's Jacobian.
        var state = LSTMState(h: h0, c: c0)
        var jacobians: [Matrix] = []                  // [2H, 2H] each
        for t in 0..<xs.rows {
            let (next, gates) = lstmStep(x: xs.row(t), h: state.h, c: state.c, wih: wih, whh: whh, bih: bih, bhh: bhh)
            jacobians.append(lstmStateJacobian(c: state.c, next: next, gates: gates, whh: whh))
            state = next
        }
        // 2. backward: ∂h_T/∂s_T = [I, 0], then multiply by each Jacobian in turn.
        var back = Matrix(rows: hidden, cols: 2 * hidden)      // [H, 2H]
        for j in 0..<hidden { back[j, j] = 1 }
        var norms = [frobenius(back)]
        for jac in jacobians.reversed() {
            back = back.matmul(jac)
            norms.append(frobenius(back))
        }
        return norms
    }

    /// The settings of the gradient-flow comparison the lesson's demo plots.
    public struct GradientFlowSetup: Sendable, Equatable {
        public var hidden = 16
        public var input = 4
        public var steps = 60
        /// Weights are drawn from U(−scale/√H, scale/√H): scale 1 is PyTorch's default init.
        public var scale = 1.0
        /// Added to the forget-gate biases (Gers et al. 2000 and later practice use 1 or more).
        public var forgetBias = 2.0
        public var seed: UInt64 = 1
        public init() {}
    }

    /// Norms for k = 0…steps for a vanilla RNN and an LSTM with random
    /// weights and random inputs drawn from `setup.seed`.
    public static func gradientFlow(_ setup: GradientFlowSetup) -> (vanilla: [Double], lstm: [Double]) {
        var rng = SeededRandom(seed: setup.seed)
        let (h, i) = (setup.hidden, setup.input)
        let bound = setup.scale / Double(h).squareRoot()
        let xs = rng.uniformMatrix(rows: setup.steps, cols: i)                  // [T, I]
        func vector(_ n: Int) -> [Double] { (0..<n).map { _ in rng.uniform(-bound, bound) } }
        let vanilla = vanillaGradientNorms(
            xs: xs, wih: rng.uniformMatrix(rows: h, cols: i, -bound, bound),
            whh: rng.uniformMatrix(rows: h, cols: h, -bound, bound),
            bih: vector(h), bhh: vector(h), h0: Array(repeating: 0, count: h))
        var bih = vector(4 * h)
        for j in h..<(2 * h) { bih[j] += setup.forgetBias }      // the f block
        let lstm = lstmGradientNorms(
            xs: xs, wih: rng.uniformMatrix(rows: 4 * h, cols: i, -bound, bound),
            whh: rng.uniformMatrix(rows: 4 * h, cols: h, -bound, bound),
            bih: bih, bhh: vector(4 * h),
            h0: Array(repeating: 0, count: h), c0: Array(repeating: 0, count: h))
        return (vanilla, lstm)
    }

    static func frobenius(_ m: Matrix) -> Double {
        var s = 0.0
        for v in m.storage { s += v * v }
        return s.squareRoot()
    }
}
