import Foundation

/// One LSTM step in PyTorch's layout. wih is 4H×I, whh is 4H×H, bih and bhh
/// have 4H values; the rows come in four blocks of H, in the order i, f, g, o.
/// With a = wih·x + bih + whh·h + bhh (4H values):
///
///     i = σ(a[0H..<1H])   f = σ(a[1H..<2H])   g = tanh(a[2H..<3H])   o = σ(a[3H..<4H])
///     c' = f⊙c + i⊙g      h' = o⊙tanh(c')
///
/// Edge cases: H = 1 is a valid cell (each block is one row); I may differ
/// from H; saturated gates (pre-activations of ±50) must give values next to 0
/// or 1, never NaN or infinity.
///
/// Return an `LSTMState` (fields h and c; the grader declares it, see
/// `Support/lstm-cell-types.swift`). See "LSTM" in the lesson.
func lstmCell(x: [Double], h: [Double], c: [Double], wih: [[Double]], whh: [[Double]],
              bih: [Double], bhh: [Double]) -> LSTMState {
    // TODO: compute the 4H pre-activations, read each gate from its block, update c then h.
    return LSTMState(h: [], c: [])
}
