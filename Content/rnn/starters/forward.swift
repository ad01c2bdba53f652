import Foundation

/// Runs a vanilla RNN over the sequence `xs` (T rows of I inputs) and returns
/// every hidden state h_1…h_T (T rows of H values).
///
///     h_t = tanh(wih·x_t + bih + whh·h_{t-1} + bhh)
///
/// Weights are in PyTorch's [out][in] layout: wih is H×I, whh is H×H, and
/// row j holds the weights *into* hidden unit j. See "The recurrence" in the lesson.
///
/// Edge cases: T ≥ 1, H ≥ 1 and I ≥ 1 (no empty sequence is sent); H and I may
/// differ; h0 is not part of the output, so the result has exactly T rows.
func rnnForward(xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                h0: [Double]) -> [[Double]] {
    // TODO: loop over the steps, carrying h from one step to the next.
    return []
}
