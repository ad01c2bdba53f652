import Foundation

/// One GRU step in PyTorch's layout. wih is 3H×I, whh is 3H×H, bih and bhh
/// have 3H values; the rows come in three blocks of H, in the order r, z, n.
///
///     r  = σ(W_ir·x + b_ir + W_hr·h + b_hr)       z = σ(W_iz·x + b_iz + W_hz·h + b_hz)
///     n  = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn))
///     h' = (1 − z)⊙n + z⊙h
///
/// Edge cases: z near 1 (a huge update-gate input) returns the old h and z near
/// 0 returns n; H = 1 is a valid cell; I may differ from H.
///
/// See "GRU" in the lesson.
func gruCell(x: [Double], h: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]) -> [Double] {
    // TODO: keep the input and recurrent parts apart: r scales only the recurrent part of n.
    return []
}
