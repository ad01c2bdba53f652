import Foundation

/// Backpropagation through time for the vanilla RNN of `rnn/forward`: the
/// gradients of L = Σ_t dhs_t · h_t with respect to every input.
///
/// Return a `BPTTGradients` (the grader declares it; do not redeclare it):
///
///     struct BPTTGradients: Codable {
///         var dwih: [[Double]]   // H×I
///         var dwhh: [[Double]]   // H×H
///         var dbih: [Double]     // H
///         var dbhh: [Double]     // H
///         var dh0: [Double]      // H
///         var dxs: [[Double]]    // T×I
///     }
///
/// See "Backpropagation through time" in the lesson.
func rnnBackward(xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                 h0: [Double], dhs: [[Double]]) -> BPTTGradients {
    // TODO: run the forward pass keeping every h_t, then walk back from t = T to 1.
    return BPTTGradients(dwih: [], dwhh: [], dbih: [], dbhh: [], dh0: [], dxs: [])
}
