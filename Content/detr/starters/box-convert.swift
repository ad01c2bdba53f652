/// Converts every box of `boxes` (n×4) from the format `from` to the format
/// `to`, each "xyxy" ([x0, y0, x1, y1]) or "cxcywh" ([cx, cy, w, h]).
///
/// Example: [[2, 1, 6, 4]] from "xyxy" to "cxcywh" is [[4, 2.5, 4, 3]]. When
/// `from == to` the boxes come back unchanged; an empty list stays empty.
func boxConvert(boxes: [[Double]], from: String, to: String) -> [[Double]] {
    // TODO: one formula each way.
    return []
}
