import Tensor

/// The forward pass of a vanilla (Elman) RNN with a tanh non-linearity.
///
/// Elman, "Finding structure in time", Cognitive Science 14 (1990); the
/// two-bias form is PyTorch's `nn.RNN`:
///
/// ```
/// a_t = W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh      // [H]
/// h_t = tanh(a_t)                                   // [H]
/// ```
///
/// for t = 1…T, starting from `h0`. The same weights are used at every
/// step, which is what lets one network read sequences of any length.
/// Worked example from the lesson (H = I = 1, W_ih = 0.5, W_hh = 1, no bias,
/// h0 = 0, xs = [1, 2]): h_1 = tanh(0.5) ≈ 0.4621, h_2 = tanh(1 + 0.4621) ≈ 0.8981.
extension RNN {
    /// The shapes of a vanilla RNN problem, read from its weights.
    public struct Dimensions: Sendable, Equatable {
        /// Sequence length T.
        public var steps: Int
        /// Input size I.
        public var input: Int
        /// Hidden size H.
        public var hidden: Int
    }

    /// Every hidden state h_1…h_T, one row per step.
    ///
    /// - Parameters:
    ///   - xs: the inputs, `[T, I]`.
    ///   - wih: input-to-hidden weights, `[H, I]`.
    ///   - whh: hidden-to-hidden weights, `[H, H]`.
    ///   - bih, bhh: the two biases, `[H]` each.
    ///   - h0: the initial state, `[H]`.
    /// - Returns: `[T, H]`; row t is h_{t+1} (h0 is not repeated).
    /// - Complexity: O(T · H · (I + H)).
    public static func forward(xs: Matrix, wih: Matrix, whh: Matrix,
                               bih: [Double], bhh: [Double], h0: [Double]) -> Matrix {
        let dims = checkShapes(xs: xs, wih: wih, whh: whh, bih: bih, bhh: bhh, h0: h0)
        let (steps, hidden) = (dims.steps, dims.hidden)
        var hs = Matrix(rows: steps, cols: hidden)             // [T, H]
        var h = h0                                             // [H], h_{t-1}
        for t in 0..<steps {
            let fromInput = matvec(wih, xs.row(t))              // [H]
            let fromState = matvec(whh, h)                      // [H]
            for j in 0..<hidden {
                // 1. the pre-activation a_t; 2. squash it.
                h[j] = tanh(fromInput[j] + bih[j] + fromState[j] + bhh[j])
            }
            hs.storage.replaceSubrange((t * hidden)..<((t + 1) * hidden), with: h)
        }
        return hs
    }

    /// Checks that the arrays fit together and returns (T, I, H).
    ///
    /// The grader validates cases before they get here; this precondition
    /// guards direct callers of the Engine.
    static func checkShapes(xs: Matrix, wih: Matrix, whh: Matrix,
                            bih: [Double], bhh: [Double], h0: [Double]) -> Dimensions {
        let hidden = whh.rows, input = wih.cols
        precondition(whh.cols == hidden, "whh must be H×H, got \(whh.rows)×\(whh.cols)")
        precondition(wih.rows == hidden, "wih must have H = \(hidden) rows, got \(wih.rows)")
        precondition(xs.cols == input || xs.rows == 0, "xs rows must have I = \(input) values, got \(xs.cols)")
        precondition(bih.count == hidden && bhh.count == hidden && h0.count == hidden,
                     "bih, bhh and h0 must have H = \(hidden) values")
        return Dimensions(steps: xs.rows, input: input, hidden: hidden)
    }
}
