import Foundation

/// The sinusoidal positional encoding table, length×dModel (dModel is even):
///
///     PE[p][2i]   = sin(p / 10000^(2i / dModel))
///     PE[p][2i+1] = cos(p / 10000^(2i / dModel))
///
/// Row p is the vector added to the token at position p (0-based).
/// See "Where am I? Positional encodings".
func positionalEncoding(length: Int, dModel: Int) -> [[Double]] {
    // TODO: fill both columns of each pair from the same angle.
    return [[Double]](repeating: [Double](repeating: 0, count: dModel), count: length)
}
