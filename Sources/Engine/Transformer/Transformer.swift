import Tensor

/// The pieces of a Transformer encoder (Vaswani et al., "Attention is all you
/// need", NeurIPS 2017): a stable row softmax, scaled dot-product attention,
/// multi-head self-attention, sinusoidal positions, layer normalisation and
/// the encoder layer that composes them.
///
/// Dense layers use the `[in][out]` layout applied as `x·W + b`, so a
/// projection of an n×E input is one `matmul`. Each algorithm lives in its own
/// file as an extension of this namespace.
public enum Transformer {}

extension Transformer {
    /// A dense layer `x·w + b`: x is n×in, w is in×out, b has out values.
    /// - Complexity: O(n · in · out)
    public static func dense(_ x: Matrix, _ w: Matrix, _ b: [Double]) -> Matrix {
        precondition(x.cols == w.rows && b.count == w.cols,
                     "dense: \(x.rows)×\(x.cols) · \(w.rows)×\(w.cols) + [\(b.count)]")
        return x.matmul(w).addingRow(b)
    }
}
