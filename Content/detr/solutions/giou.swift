/// IoU minus the part of the enclosing box that neither box covers.
func boxGIoU(a: [[Double]], b: [[Double]]) -> [[Double]] {
    func giou(_ p: [Double], _ q: [Double]) -> Double {
        let w = max(0, min(p[2], q[2]) - max(p[0], q[0]))
        let h = max(0, min(p[3], q[3]) - max(p[1], q[1]))
        let inter = w * h
        let union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
        let enclosing = (max(p[2], q[2]) - min(p[0], q[0])) * (max(p[3], q[3]) - min(p[1], q[1]))
        return inter / union - (enclosing - union) / enclosing
    }
    return a.map { p in b.map { q in giou(p, q) } }
}
