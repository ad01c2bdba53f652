import Foundation

/// One LSTM step in PyTorch's layout. wih is 4H×I, whh is 4H×H, bih and bhh
/// have 4H values; the rows come in four blocks of H, in the order i, f, g, o.
///
///     c' = σ(f)⊙c + σ(i)⊙tanh(g)      h' = σ(o)⊙tanh(c')
///
/// Return an `LSTMState` (fields h and c; the grader declares it, see
/// `Support/lstm-cell-types.swift`). See "LSTM" in the lesson.
func lstmCell(x: [Double], h: [Double], c: [Double], wih: [[Double]], whh: [[Double]],
              bih: [Double], bhh: [Double]) -> LSTMState {
    // TODO: compute the 4H pre-activations, read each gate from its block, update c then h.
    return LSTMState(h: [], c: [])
}
