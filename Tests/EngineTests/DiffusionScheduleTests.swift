import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Diffusion: beta schedules and ᾱ")
struct DiffusionScheduleTests {
    static func close(_ a: [Double], _ b: [Double], rtol: Double = 1e-12, atol: Double = 1e-15) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
    }

    /// The lesson's worked values for all three schedules.
    @Test func lessonWorkedSchedules() {
        #expect(Diffusion.betas(schedule: .linear, steps: 2, betaStart: 0.1, betaEnd: 0.3) == [0.1, 0.3])
        let scaled = Diffusion.betas(schedule: .scaledLinear, steps: 3, betaStart: 0.01, betaEnd: 0.09)
        #expect(Self.close(scaled, [0.01, 0.04, 0.09]))
        let cosine = Diffusion.betas(schedule: .squaredcosCapV2, steps: 4, betaStart: 0, betaEnd: 0)
        #expect(Self.close(cosine, [0.1529878386730953, 0.41695808751199426, 0.7078587123971634, 0.999], rtol: 1e-12))
        #expect(Self.close(Diffusion.alphaBars(betas: [0.1, 0.3]), [0.9, 0.63]))
    }

    /// Stable Diffusion's schedule: 0.00085 … 0.012 over 1000 steps, ᾱ_999 ≈ 0.00466.
    @Test func stableDiffusionSchedule() {
        let betas = Diffusion.betas(schedule: .scaledLinear, steps: 1000, betaStart: 0.00085, betaEnd: 0.012)
        #expect(betas.count == 1000)
        #expect(abs(betas[0] - 0.00085) < 1e-15 && abs(betas[999] - 0.012) < 1e-15)
        #expect(abs(Diffusion.alphaBars(betas: betas)[999] - 0.004660098513) < 1e-9)
        // The middle beta is below the linear midpoint (the lesson's quiz).
        #expect(betas[500] < (0.00085 + 0.012) / 2 && abs(betas[500] - 0.0048) < 1e-4)
    }

    /// The linear schedules against a naive twin: start plus i equal increments.
    @Test func linearSchedulesAgainstIncrements() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<200 {
            let steps = rng.int(in: 2...300)
            let a = rng.uniform(0, 0.05), b = rng.uniform(0, 0.5)
            let linear = Diffusion.betas(schedule: .linear, steps: steps, betaStart: a, betaEnd: b)
            let scaled = Diffusion.betas(schedule: .scaledLinear, steps: steps, betaStart: a, betaEnd: b)
            let increment = (b - a) / Double(steps - 1), rootIncrement = (b.squareRoot() - a.squareRoot()) / Double(steps - 1)
            var value = a, root = a.squareRoot()
            for i in 0..<steps {
                #expect(abs(linear[i] - value) <= 1e-12)
                #expect(abs(scaled[i] - root * root) <= 1e-12)
                value += increment; root += rootIncrement
            }
            #expect(abs(linear[0] - a) < 1e-15 && abs(linear[steps - 1] - b) < 1e-15, "both ends included")
        }
    }

    /// squaredcos_cap_v2: every beta in (0, 0.999], increasing, the last one capped, and
    /// ᾱ_t = f(t+1)/f(0) wherever the cap did not act (Nichol & Dhariwal, eq. 17).
    @Test func cosineScheduleIsCappedAndFollowsTheCosine() {
        for steps in [2, 3, 10, 50, 1000, 4000] {
            let betas = Diffusion.betas(schedule: .squaredcosCapV2, steps: steps, betaStart: 0.3, betaEnd: 0.7)
            #expect(betas.allSatisfy { $0 > 0 && $0 <= 0.999 })
            #expect(betas.last == 0.999)
            #expect(betas.dropLast().allSatisfy { $0 < 0.999 })
            #expect(zip(betas, betas.dropFirst()).allSatisfy { $0 <= $1 })
            func f(_ u: Double) -> Double { pow(cos((u + 0.008) / 1.008 * Double.pi / 2), 2) }
            let abar = Diffusion.alphaBars(betas: betas)
            for t in 0..<(steps - 1) { #expect(abs(abar[t] - f(Double(t + 1) / Double(steps)) / f(0)) < 1e-9) }
        }
        // The ends are ignored.
        #expect(Diffusion.betas(schedule: .squaredcosCapV2, steps: 7, betaStart: 0, betaEnd: 0)
                == Diffusion.betas(schedule: .squaredcosCapV2, steps: 7, betaStart: 0.5, betaEnd: 0.1))
    }

    /// ᾱ by running product against ᾱ by a sum of logarithms, on random schedules.
    @Test func alphaBarProductAgainstLogSum() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<100 {
            let betas = (0..<rng.int(in: 1...1200)).map { _ in rng.uniform(1e-5, 0.05) }
            let product = Diffusion.alphaBars(betas: betas)
            var logSum = 0.0
            for t in betas.indices {
                logSum += log1p(-betas[t])
                #expect(abs(product[t] - exp(logSum)) <= 1e-10 * exp(logSum))
            }
            let t = rng.int(in: 0..<betas.count)
            #expect(Diffusion.alphaBar(betas: betas, t: t) == product[t])
            #expect(Diffusion.alphaBar(betas: betas, t: -1) == 1)
        }
    }
}
