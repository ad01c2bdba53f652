import Tensor

/// One step of a long short-term memory (LSTM) cell in PyTorch's layout.
///
/// Hochreiter and Schmidhuber, "Long short-term memory", Neural Computation 9
/// (1997), §3 (the constant error carousel) and §4 (memory cells and gates);
/// the forget gate is from Gers, Schmidhuber and Cummins, "Learning to
/// forget: continual prediction with LSTM", Neural Computation 12 (2000).
/// PyTorch's `nn.LSTMCell` stacks four gate blocks
/// of H rows each, in the order i, f, g, o:
///
/// ```
/// a = W_ih·x + b_ih + W_hh·h + b_hh          // [4H] = [a_i; a_f; a_g; a_o]
/// i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)
/// c' = f ⊙ c + i ⊙ g                         // [H] the additive cell path
/// h' = o ⊙ tanh(c')                          // [H]
/// ```
///
/// Because c' depends on c through f ⊙ c (no squashing, no matrix), the
/// gradient along the cell path is multiplied by f at each step, which the
/// network can hold near 1; that is why an LSTM remembers longer than a
/// vanilla RNN, whose path goes through W_hh and tanh' every step.
extension RNN {
    /// An LSTM's recurrent state; also the output of `rnn/lstm-cell`.
    public struct LSTMState: Sendable, Equatable, Codable {
        public var h: [Double]     // [H]
        public var c: [Double]     // [H]
        public init(h: [Double], c: [Double]) { self.h = h; self.c = c }
    }

    /// The four gate activations of one LSTM step, kept for backward passes.
    struct LSTMGates {
        var i: [Double], f: [Double], g: [Double], o: [Double]   // [H] each
    }

    /// One LSTM step.
    ///
    /// - Parameters:
    ///   - x: the input, `[I]`; `h`, `c`: the previous state, `[H]` each.
    ///   - wih: `[4H, I]`, `whh`: `[4H, H]`, `bih`, `bhh`: `[4H]`, gate blocks i, f, g, o.
    /// - Returns: the new (h', c').
    /// - Complexity: O(H · (I + H)).
    public static func lstmCell(x: [Double], h: [Double], c: [Double], wih: Matrix, whh: Matrix,
                                bih: [Double], bhh: [Double]) -> LSTMState {
        lstmStep(x: x, h: h, c: c, wih: wih, whh: whh, bih: bih, bhh: bhh).state
    }

    /// One LSTM step that also returns its gates.
    static func lstmStep(x: [Double], h: [Double], c: [Double], wih: Matrix, whh: Matrix,
                         bih: [Double], bhh: [Double]) -> (state: LSTMState, gates: LSTMGates) {
        let hidden = h.count
        precondition(c.count == hidden, "c has \(c.count) values, h has \(hidden)")
        precondition(wih.rows == 4 * hidden && whh.rows == 4 * hidden && whh.cols == hidden
                     && wih.cols == x.count && bih.count == 4 * hidden && bhh.count == 4 * hidden,
                     "LSTM weights must be 4H×I and 4H×H with 4H biases (H = \(hidden), I = \(x.count))")
        // 1. all four pre-activations at once: [4H].
        let fromInput = matvec(wih, x), fromState = matvec(whh, h)
        var a = [Double](repeating: 0, count: 4 * hidden)
        for k in 0..<(4 * hidden) { a[k] = fromInput[k] + bih[k] + fromState[k] + bhh[k] }
        // 2. the gates, read from their row blocks in the order i, f, g, o.
        var gates = LSTMGates(i: [], f: [], g: [], o: [])
        gates.i = (0..<hidden).map { sigmoid(a[$0]) }
        gates.f = (0..<hidden).map { sigmoid(a[hidden + $0]) }
        gates.g = (0..<hidden).map { tanh(a[2 * hidden + $0]) }
        gates.o = (0..<hidden).map { sigmoid(a[3 * hidden + $0]) }
        // 3. the cell keeps a gated share of the old cell and adds the gated candidate.
        var next = LSTMState(h: h, c: c)
        for j in 0..<hidden {
            next.c[j] = gates.f[j] * c[j] + gates.i[j] * gates.g[j]
            // 4. the output gate decides how much of the squashed cell is shown.
            next.h[j] = gates.o[j] * tanh(next.c[j])
        }
        return (next, gates)
    }

    /// The Jacobian of one LSTM step's new state (h', c') with respect to its
    /// old state (h, c), as a `[2H, 2H]` matrix with blocks
    /// `[[∂h'/∂h, ∂h'/∂c], [∂c'/∂h, ∂c'/∂c]]`.
    ///
    /// With σ' = s(1 − s) and tanh' = 1 − t², and W_hh's row blocks W_i, W_f, W_g, W_o:
    ///
    /// ```
    /// ∂c'/∂c = diag(f)
    /// ∂c'/∂h = diag(c ⊙ f(1−f))·W_f + diag(g ⊙ i(1−i))·W_i + diag(i ⊙ (1−g²))·W_g
    /// ∂h'/∂c = diag(o ⊙ (1 − tanh²c'))·∂c'/∂c
    /// ∂h'/∂h = diag(tanh c' ⊙ o(1−o))·W_o + diag(o ⊙ (1 − tanh²c'))·∂c'/∂h
    /// ```
    /// - Complexity: O(H²).
    static func lstmStateJacobian(c: [Double], next: LSTMState, gates: LSTMGates, whh: Matrix) -> Matrix {
        let hidden = c.count
        var jac = Matrix(rows: 2 * hidden, cols: 2 * hidden)       // [2H, 2H]
        for j in 0..<hidden {
            let (i, f, g, o) = (gates.i[j], gates.f[j], gates.g[j], gates.o[j])
            let tc = tanh(next.c[j])
            let throughCell = o * (1 - tc * tc)           // ∂h'_j/∂c'_j
            let fRow = hidden + j, iRow = j, gRow = 2 * hidden + j, oRow = 3 * hidden + j
            for k in 0..<hidden {
                let dcdh = c[j] * f * (1 - f) * whh[fRow, k] + g * i * (1 - i) * whh[iRow, k]
                    + i * (1 - g * g) * whh[gRow, k]
                jac[hidden + j, k] = dcdh
                jac[j, k] = tc * o * (1 - o) * whh[oRow, k] + throughCell * dcdh
            }
            jac[hidden + j, hidden + j] = f
            jac[j, hidden + j] = throughCell * f
        }
        return jac
    }
}
