import Foundation

/// Layer normalisation of each row of x (n×d):
///
///     y_j = gamma_j · (x_j − mean) / sqrt(variance + eps) + beta_j
///
/// with the mean and the biased variance (divide by d) of that row alone.
/// gamma and beta have d values; eps > 0. A constant row gives beta.
/// See "Layer normalisation".
func layerNorm(x: [[Double]], gamma: [Double], beta: [Double], eps: Double) -> [[Double]] {
    // TODO: per row, the mean, then the variance from the centred values, then scale and shift.
    return x
}
