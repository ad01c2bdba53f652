/// Conversion between the two box formats DETR uses (§3.1: the model
/// predicts normalised centre coordinates, height and width).
///
/// ```
/// xyxy → cxcywh:  cx = (x0 + x1)/2, cy = (y0 + y1)/2, w = x1 - x0, h = y1 - y0
/// cxcywh → xyxy:  x0 = cx - w/2, y0 = cy - h/2, x1 = cx + w/2, y1 = cy + h/2
/// ```
///
/// Example from the lesson: `[2, 1, 6, 4]` (xyxy) is `[4, 2.5, 4, 3]` (cxcywh).
extension DETR {
    /// The two formats, spelled as in the catalog.
    public enum BoxFormat: String, Sendable, CaseIterable {
        case xyxy, cxcywh
    }

    /// One box, `[x0, y0, x1, y1]`, from `[cx, cy, w, h]`.
    public static func xyxy(fromCenter b: [Double]) -> [Double] {
        [b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2]
    }

    /// One box, `[cx, cy, w, h]`, from `[x0, y0, x1, y1]`.
    public static func center(fromXYXY b: [Double]) -> [Double] {
        [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, b[2] - b[0], b[3] - b[1]]
    }

    /// Every box of `boxes` (n×4) converted from `from` to `to`; unchanged when they agree.
    /// - Complexity: O(n).
    public static func convert(_ boxes: [[Double]], from: BoxFormat, to: BoxFormat) -> [[Double]] {
        switch (from, to) {
        case (.xyxy, .cxcywh): boxes.map(center(fromXYXY:))
        case (.cxcywh, .xyxy): boxes.map(xyxy(fromCenter:))
        default: boxes
        }
    }
}
