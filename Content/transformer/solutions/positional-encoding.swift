import Foundation

/// Sinusoidal positions: column pair i turns at frequency 1 / 10000^(2i/dModel).
func positionalEncoding(length: Int, dModel: Int) -> [[Double]] {
    (0..<length).map { p in
        var row = [Double](repeating: 0, count: dModel)
        for i in 0..<(dModel / 2) {
            let angle = Double(p) / pow(10000, Double(2 * i) / Double(dModel))
            row[2 * i] = sin(angle)
            row[2 * i + 1] = cos(angle)
        }
        return row
    }
}
