import Tensor

/// Sinusoidal positional encoding, Vaswani et al. 2017, §3.5:
///
/// ```
/// PE[p][2i]   = sin(p / 10000^(2i / dModel))
/// PE[p][2i+1] = cos(p / 10000^(2i / dModel))
/// ```
///
/// Attention is blind to order (permuting the tokens permutes the output
/// rows and nothing else), so the position is added to each token's vector.
/// Column pair i is a sine/cosine at wavelength 2π·10000^(2i/dModel), from
/// 2π for i = 0 up to almost 2π·10000: fast clocks for nearby positions, slow
/// ones for far positions. Because sin(a + b) and cos(a + b) are linear in
/// sin(a), cos(a), the encoding of p + k is a fixed rotation of the encoding
/// of p in every column pair, which the paper gives as the reason for choosing it.
///
/// Example: position 0 is `[0, 1, 0, 1, …]`; with dModel = 4, position 1 is
/// `[sin 1, cos 1, sin 0.01, cos 0.01]`.
extension Transformer {
    /// The `length`×`dModel` table of positions 0..<length; dModel must be even.
    /// - Complexity: O(length · dModel)
    public static func positionalEncoding(length: Int, dModel: Int) -> Matrix {
        precondition(length >= 0 && dModel >= 2 && dModel % 2 == 0, "positionalEncoding: dModel must be even and >= 2")
        var pe = Matrix(rows: length, cols: dModel)
        for i in 0..<(dModel / 2) {
            let frequency = 1 / pow(10000, Double(2 * i) / Double(dModel))
            for p in 0..<length {
                let angle = Double(p) * frequency
                pe.storage[p * dModel + 2 * i] = sin(angle)
                pe.storage[p * dModel + 2 * i + 1] = cos(angle)
            }
        }
        return pe
    }
}
