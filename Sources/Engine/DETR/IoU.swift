/// Intersection over union of axis-aligned boxes.
///
/// ```
/// I   = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) · max(0, min(a.y1, b.y1) - max(a.y0, b.y0))
/// U   = area(a) + area(b) - I
/// IoU = I / U
/// ```
///
/// Example from the lesson: a = [0, 0, 2, 2], b = [1, 1, 3, 3]: I = 1,
/// U = 4 + 4 - 1 = 7, IoU = 1/7. Disjoint boxes all score 0, however far
/// apart, which is why DETR adds GIoU (`GIoU.swift`).
extension DETR {
    /// Intersection and union of two xyxy boxes.
    static func intersectionAndUnion(_ a: [Double], _ b: [Double]) -> (intersection: Double, union: Double) {
        let w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
        let h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
        let inter = w * h
        let areaA = (a[2] - a[0]) * (a[3] - a[1]), areaB = (b[2] - b[0]) * (b[3] - b[1])
        return (inter, areaA + areaB - inter)
    }

    /// IoU of two xyxy boxes with positive area.
    public static func iou(_ a: [Double], _ b: [Double]) -> Double {
        let (i, u) = intersectionAndUnion(a, b)
        return i / u
    }

    /// The n×m matrix IoU(a_i, b_j) of two lists of xyxy boxes.
    /// - Complexity: O(n·m).
    public static func iouMatrix(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { x in b.map { y in iou(x, y) } }
    }
}
