import Tensor

/// The feature map of linear attention: φ(x) = elu(x) + 1, element by element.
///
/// Katharopoulos et al. 2020, §3.2.1. A kernel φ(q)·φ(k) used as an attention
/// weight must never be negative (a weighted average with negative weights
/// can leave the range of the values, and the normaliser could reach 0).
/// elu(x) + 1 is positive everywhere, equal to x + 1 for x > 0 (so large
/// scores still grow) and to e^x for x <= 0 (so it never reaches 0, and its
/// gradient never dies the way relu's does):
///
/// ```
/// φ(x) = x + 1     for x > 0
/// φ(x) = e^x       for x <= 0
/// ```
///
/// Worked example from the lesson: φ([-1, 0, 2]) = [0.3679, 1, 3].
extension LinearAttention {
    /// φ applied to every entry of `x`.
    /// - Complexity: O(rows · cols).
    public static func featureMap(_ x: Matrix) -> Matrix {
        x.map(phi)
    }
}
