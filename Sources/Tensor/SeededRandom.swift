/// A seeded pseudo-random generator that gives the same numbers on every
/// platform: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014).
///
/// The state advances by the odd constant 0x9E3779B97F4A7C15 and each output
/// is that state passed through a 64-bit finaliser. Every derived draw below
/// uses only integer arithmetic and IEEE double operations whose results are
/// fixed by the standard, so a seed means the same cases on Linux and macOS.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1), from the top 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A uniform integer in `range`, without modulo bias (Lemire's method).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }   // the full 64-bit range
        var m = next().multipliedFullWidth(by: span)
        if m.low < span {
            let threshold = (0 &- span) % span
            while m.low < threshold { m = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound &+ Int(truncatingIfNeeded: m.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "int(in:) needs a non-empty range")
        return int(in: range.lowerBound...(range.upperBound - 1))
    }

    /// A standard normal draw (Box–Muller, the cosine branch only, so each
    /// call consumes exactly two uniforms and no hidden state is kept).
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        let u1 = 1 - uniform()                      // in (0, 1], safe for log
        let u2 = uniform()
        return mean + std * (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A fair coin.
    public mutating func bool() -> Bool { next() >> 63 == 1 }

    /// A matrix of uniform draws in [low, high).
    public mutating func uniformMatrix(rows: Int, cols: Int, _ low: Double = -1, _ high: Double = 1) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for i in m.storage.indices { m.storage[i] = uniform(low, high) }
        return m
    }

    /// A matrix of normal draws.
    public mutating func normalMatrix(rows: Int, cols: Int, mean: Double = 0, std: Double = 1) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        for i in m.storage.indices { m.storage[i] = normal(mean: mean, std: std) }
        return m
    }
}
