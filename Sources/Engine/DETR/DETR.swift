/// DETR's box arithmetic, the assignment problem and the set prediction loss.
///
/// Carion et al., "End-to-End Object Detection with Transformers" (ECCV
/// 2020), §3.1: the model predicts a fixed set of Q boxes with class scores;
/// training matches them one-to-one to the T ground-truth objects with the
/// Hungarian algorithm and takes the loss over matched pairs, the unmatched
/// predictions learning the "no object" class. No anchors, no non-maximum
/// suppression.
///
/// Boxes are `[x0, y0, x1, y1]` (corners, "xyxy") or `[cx, cy, w, h]`
/// (centre and size, "cxcywh", what DETR predicts, normalised to 0…1). Each
/// algorithm lives in its own file as an extension of this namespace.
public enum DETR {}

extension DETR {
    /// softmax(v)_k = e^(v_k - max v) / Σ_j e^(v_j - max v): the Transformer
    /// lesson's stable softmax (subtracting the maximum keeps every exponent
    /// <= 0, so nothing overflows).
    static func softmax(_ v: [Double]) -> [Double] { Transformer.softmax(v) }

    /// log softmax(v)_k = v_k - max v - log Σ_j e^(v_j - max v), stable for large logits.
    static func logSoftmax(_ v: [Double]) -> [Double] {
        guard let top = v.max() else { return [] }
        let logSum = log(v.reduce(0) { $0 + exp($1 - top) })
        return v.map { $0 - top - logSum }
    }

    /// Σ_k |a_k - b_k|.
    static func l1(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) }
    }
}
