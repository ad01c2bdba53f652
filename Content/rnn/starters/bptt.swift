import Foundation

/// Backpropagation through time for the vanilla RNN of `rnn/forward`: the
/// gradients of L = Σ_t dhs_t · h_t with respect to every input.
///
/// Return a `BPTTGradients`: the grader declares it (fields dwih, dwhh, dbih,
/// dbhh, dh0, dxs), and `lectern init` writes the same declaration to
/// `Support/bptt-types.swift` for your editor; do not declare it again.
///
/// Edge cases: T ≥ 1; T = 1 means dh0 = whhᵀ·δ_1 and dwhh pairs δ_1 with h0;
/// dhs all zeros gives all-zero gradients of the right shapes (dwih H×I, dwhh
/// H×H, dbih and dbhh H values, dh0 H values, dxs T×I).
///
/// See "Backpropagation through time" in the lesson.
func rnnBackward(xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                 h0: [Double], dhs: [[Double]]) -> BPTTGradients {
    // TODO: run the forward pass keeping every h_t, then walk back from t = T to 1.
    return BPTTGradients(dwih: [], dwhh: [], dbih: [], dbhh: [], dh0: [], dxs: [])
}
