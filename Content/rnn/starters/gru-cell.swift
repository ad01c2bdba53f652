import Foundation

/// One GRU step in PyTorch's layout. wih is 3H×I, whh is 3H×H, bih and bhh
/// have 3H values; the rows come in three blocks of H, in the order r, z, n.
///
///     n  = tanh(W_in·x + b_in + r⊙(W_hn·h + b_hn))
///     h' = (1 − z)⊙n + z⊙h
///
/// See "GRU" in the lesson.
func gruCell(x: [Double], h: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]) -> [Double] {
    // TODO: keep the input and recurrent parts apart: r scales only the recurrent part of n.
    return []
}
