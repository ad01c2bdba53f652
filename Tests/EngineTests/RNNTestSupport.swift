import Foundation
import Tensor
@testable import Engine

/// Shared helpers for the RNN tests: random problems and tolerant comparison.
enum RNNFixtures {
    struct Problem {
        var xs: Matrix, wih: Matrix, whh: Matrix, bih: [Double], bhh: [Double], h0: [Double], dhs: Matrix
    }

    /// A random vanilla-RNN problem with T, I, H drawn from the given ranges.
    static func problem(_ rng: inout SeededRandom, steps: ClosedRange<Int> = 1...6,
                        input: ClosedRange<Int> = 1...4, hidden: ClosedRange<Int> = 1...5,
                        scale: Double = 0.8) -> Problem {
        let t = rng.int(in: steps), i = rng.int(in: input), h = rng.int(in: hidden)
        func vec(_ n: Int) -> [Double] { (0..<n).map { _ in rng.uniform(-scale, scale) } }
        return Problem(xs: rng.uniformMatrix(rows: t, cols: i), wih: rng.uniformMatrix(rows: h, cols: i, -scale, scale),
                       whh: rng.uniformMatrix(rows: h, cols: h, -scale, scale), bih: vec(h), bhh: vec(h), h0: vec(h),
                       dhs: rng.uniformMatrix(rows: t, cols: h))
    }

    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        (0..<n).map { _ in rng.uniform(-scale, scale) }
    }

    static func close(_ a: Double, _ b: Double, rtol: Double = 1e-6, atol: Double = 1e-9) -> Bool {
        abs(a - b) <= atol + rtol * abs(b)
    }

    static func close(_ a: [Double], _ b: [Double], rtol: Double = 1e-6, atol: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, rtol: rtol, atol: atol) }
    }

    static func close(_ a: Matrix, _ b: Matrix, rtol: Double = 1e-6, atol: Double = 1e-9) -> Bool {
        a.rows == b.rows && a.cols == b.cols && close(a.storage, b.storage, rtol: rtol, atol: atol)
    }
}
