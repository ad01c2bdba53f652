/// The n×m matrix of intersection over union between the xyxy boxes of `a`
/// (n×4) and of `b` (m×4): result[i][j] = IoU(a[i], b[j]).
///
/// Every box has positive area. Disjoint or touching boxes have IoU 0.
/// Example: [0, 0, 2, 2] against [1, 1, 3, 3] gives 1/7.
func boxIoU(a: [[Double]], b: [[Double]]) -> [[Double]] {
    // TODO: intersection (clamped at 0) over union, for every pair.
    return []
}
