#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// e^x from the C library (wrapped so the other files need no import).
    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    @inline(__always) static func sqrt(_ x: Double) -> Double { x.squareRoot() }

    @inline(__always) static func sin(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.sin(x)
        #else
        Darwin.sin(x)
        #endif
    }

    @inline(__always) static func cos(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.cos(x)
        #else
        Darwin.cos(x)
        #endif
    }

    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        Glibc.pow(x, y)
        #else
        Darwin.pow(x, y)
        #endif
    }

    /// A dense layer `x·w + b`: x is n×in, w is in×out, b has out values.
    /// - Complexity: O(n · in · out)
    public static func dense(_ x: Matrix, _ w: Matrix, _ b: [Double]) -> Matrix {
        precondition(x.cols == w.rows && b.count == w.cols,
                     "dense: \(x.rows)×\(x.cols) · \(w.rows)×\(w.cols) + [\(b.count)]")
        return x.matmul(w).addingRow(b)
    }
}
