/// Intersection over union for every pair of xyxy boxes.
func boxIoU(a: [[Double]], b: [[Double]]) -> [[Double]] {
    func iou(_ p: [Double], _ q: [Double]) -> Double {
        let w = max(0, min(p[2], q[2]) - max(p[0], q[0]))
        let h = max(0, min(p[3], q[3]) - max(p[1], q[1]))
        let inter = w * h
        let union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
        return inter / union
    }
    return a.map { p in b.map { q in iou(p, q) } }
}
