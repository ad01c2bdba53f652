import Foundation

/// Squared-relu attention, the GAU's replacement for softmax.
///
///     A = relu(q·kᵀ / n)²     (n×n; if causal, entries with j > i are 0)
///     output = A·v
///
/// q and k are n×s, v is n×e; return n×e. The rows of A are NOT normalised.
/// See "relu² attention, by hand" in the lesson.
func relu2Attention(q: [[Double]], k: [[Double]], v: [[Double]], causal: Bool) -> [[Double]] {
    // TODO: weight each pair by relu(score / n)², skip j > i when causal, sum the weighted values.
    return []
}
