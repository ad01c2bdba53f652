/// Generalized intersection over union.
///
/// Rezatofighi et al., "Generalized Intersection over Union: A Metric and A
/// Loss for Bounding Box Regression" (CVPR 2019), Algorithm 1:
///
/// ```
/// C    = area of the smallest box enclosing a and b
/// GIoU = IoU - (C - U) / C                      // in (-1, 1]
/// ```
///
/// Unlike IoU it keeps falling as disjoint boxes move apart, so 1 - GIoU is
/// a loss with a useful gradient even without overlap; DETR uses it as one
/// of its box losses (Carion et al. 2020, §3.1). Example from the lesson:
/// a = [0, 0, 1, 1], b = [2, 0, 3, 1]: IoU = 0, U = 2, C = 3, GIoU = -1/3.
extension DETR {
    /// GIoU of two xyxy boxes with positive area.
    public static func giou(_ a: [Double], _ b: [Double]) -> Double {
        let (i, u) = intersectionAndUnion(a, b)
        let c = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
        return i / u - (c - u) / c
    }

    /// The n×m matrix GIoU(a_i, b_j) of two lists of xyxy boxes.
    /// - Complexity: O(n·m).
    public static func giouMatrix(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { x in b.map { y in giou(x, y) } }
    }
}
