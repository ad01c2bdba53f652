import Foundation

/// The feature map of linear attention, φ(x) = elu(x) + 1, applied to every
/// entry of x (any number of rows, all of the same length).
///
///     φ(x) = x + 1   for x > 0
///     φ(x) = exp(x)  for x <= 0
///
/// Return a matrix of the same shape. See "The feature map: elu + 1" in the lesson.
func featureMap(x: [[Double]]) -> [[Double]] {
    // TODO: apply φ to each entry.
    return x
}
