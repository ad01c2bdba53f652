/// Corners to centre-and-size and back, one box at a time.
func boxConvert(boxes: [[Double]], from: String, to: String) -> [[Double]] {
    if from == to { return boxes }
    if from == "xyxy" {
        return boxes.map { b in [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, b[2] - b[0], b[3] - b[1]] }
    }
    return boxes.map { b in [b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2] }
}
