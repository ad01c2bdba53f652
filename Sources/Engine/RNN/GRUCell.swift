import Tensor

/// One step of a gated recurrent unit (GRU) in PyTorch's layout.
///
/// Cho et al., "Learning phrase representations using RNN encoder-decoder
/// for statistical machine translation", EMNLP 2014, §2.3. PyTorch's
/// `nn.GRUCell` stacks three gate blocks of H rows, in the order r, z, n, and
/// applies the reset gate to the recurrent term *after* its matrix product
/// and bias (the paper applies it to h before the product):
///
/// ```
/// r  = σ(W_ir·x + b_ir + W_hr·h + b_hr)         // [H] reset gate
/// z  = σ(W_iz·x + b_iz + W_hz·h + b_hz)         // [H] update gate
/// n  = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn)) // [H] candidate
/// h' = (1 − z) ⊙ n + z ⊙ h
/// ```
///
/// The last line is the GRU's additive path: where z ≈ 1 a unit copies its
/// old value and its gradient passes back unchanged.
extension RNN {
    /// One GRU step.
    ///
    /// - Parameters:
    ///   - x: the input, `[I]`; `h`: the previous state, `[H]`.
    ///   - wih: `[3H, I]`, `whh`: `[3H, H]`, `bih`, `bhh`: `[3H]`, gate blocks r, z, n.
    /// - Returns: h', `[H]`.
    /// - Complexity: O(H · (I + H)).
    public static func gruCell(x: [Double], h: [Double], wih: Matrix, whh: Matrix,
                               bih: [Double], bhh: [Double]) -> [Double] {
        let hidden = h.count
        precondition(wih.rows == 3 * hidden && whh.rows == 3 * hidden && whh.cols == hidden
                     && wih.cols == x.count && bih.count == 3 * hidden && bhh.count == 3 * hidden,
                     "GRU weights must be 3H×I and 3H×H with 3H biases (H = \(hidden), I = \(x.count))")
        // 1. input and recurrent terms, kept apart: r must scale the recurrent n-term alone.
        var fromInput = matvec(wih, x), fromState = matvec(whh, h)       // [3H] each
        for k in 0..<(3 * hidden) { fromInput[k] += bih[k]; fromState[k] += bhh[k] }
        var next = [Double](repeating: 0, count: hidden)
        for j in 0..<hidden {
            // 2. the two gates.
            let r = sigmoid(fromInput[j] + fromState[j])
            let z = sigmoid(fromInput[hidden + j] + fromState[hidden + j])
            // 3. the candidate, with r applied to (W_hn·h + b_hn).
            let n = tanh(fromInput[2 * hidden + j] + r * fromState[2 * hidden + j])
            // 4. interpolate between candidate and old state (the old h, not a partly updated one).
            next[j] = (1 - z) * n + z * h[j]
        }
        return next
    }
}
