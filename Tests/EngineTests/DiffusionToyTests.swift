import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Diffusion: the toy mixture and whole sampling runs")
struct DiffusionToyTests {
    static let linear = Diffusion.betas(schedule: .linear, steps: 1000, betaStart: 1e-4, betaEnd: 0.02)

    /// ε̂ = −sqrt(1 − ᾱ)·∇log p_t, checked against central differences of log p_t.
    @Test func epsilonIsTheScaledNumericScore() {
        var rng = SeededRandom(seed: 4)
        let mixtures = [
            Diffusion.ToyMixture.ring(count: 8),
            Diffusion.ToyMixture(components: [.init(x: -1, y: 0.5, std: 0.3, weight: 2), .init(x: 2, y: -1, std: 0.05, weight: 1),
                                              .init(x: 0, y: 0, std: 1, weight: 0.5)]),
        ]
        for mixture in mixtures {
            for _ in 0..<200 {
                let x = rng.uniform(-3, 3), y = rng.uniform(-3, 3), abar = rng.uniform(0.01, 0.99)
                let h = 1e-5
                let gx = (mixture.logDensity(x: x + h, y: y, alphaBar: abar) - mixture.logDensity(x: x - h, y: y, alphaBar: abar)) / (2 * h)
                let gy = (mixture.logDensity(x: x, y: y + h, alphaBar: abar) - mixture.logDensity(x: x, y: y - h, alphaBar: abar)) / (2 * h)
                let e = mixture.epsilon(x: x, y: y, alphaBar: abar)
                let s = (1 - abar).squareRoot()
                #expect(abs(e.x + s * gx) < 1e-5 * (1 + abs(e.x)) && abs(e.y + s * gy) < 1e-5 * (1 + abs(e.y)),
                        "ᾱ \(abar) at (\(x), \(y)): \(e) vs \((-s * gx, -s * gy))")
            }
        }
    }

    /// A one-component mixture has ε̂ = sqrt(1 − ᾱ)·(x − sqrt(ᾱ)·m)/(ᾱ·s² + 1 − ᾱ);
    /// restricting a mixture to one component gives the same.
    @Test func singleGaussianClosedForm() {
        var rng = SeededRandom(seed: 9)
        let ring = Diffusion.ToyMixture.ring(count: 5, radius: 2, std: 0.2)
        for _ in 0..<100 {
            let k = rng.int(in: 0..<5), c = ring.components[k]
            let x = rng.uniform(-3, 3), y = rng.uniform(-3, 3), abar = rng.uniform(0.001, 0.999)
            let v = abar * c.std * c.std + 1 - abar, s = (1 - abar).squareRoot(), a = abar.squareRoot()
            let e = ring.epsilon(x: x, y: y, alphaBar: abar, component: k)
            #expect(abs(e.x - s * (x - a * c.mean.x) / v) < 1e-12 && abs(e.y - s * (y - a * c.mean.y) / v) < 1e-12)
        }
    }

    static func census(_ sampler: Diffusion.ToySampler) -> (shares: [Double], onTarget: Double) {
        let m = sampler.mixture
        var counts = [Int](repeating: 0, count: m.components.count), near = 0
        for p in sampler.points {
            let k = m.nearest(x: p.x, y: p.y)
            counts[k] += 1
            let c = m.components[k]
            if (p.x - c.mean.x) * (p.x - c.mean.x) + (p.y - c.mean.y) * (p.y - c.mean.y) <= 9 * c.std * c.std { near += 1 }
        }
        let n = Double(sampler.points.count)
        return (counts.map { Double($0) / n }, Double(near) / n)
    }

    /// Both samplers carry pure noise onto the mixture: nearly every point ends
    /// within 3 std of a mean and the eight components get about 1/8 each.
    @Test(arguments: [(Diffusion.ToySampler.Kind.ddim, 50), (.ddpm, 50), (.ddpm, 250)])
    func samplersReachTheMixture(kind: Diffusion.ToySampler.Kind, steps: Int) {
        var sampler = Diffusion.ToySampler(mixture: .ring(count: 8), kind: kind, betas: Self.linear, steps: steps,
                                           points: 1600, seed: 42)
        let before = Self.census(sampler)
        #expect(before.onTarget < 0.25, "pure noise is mostly off target")
        sampler.run()
        #expect(sampler.isFinished && sampler.done == steps && sampler.currentT == nil)
        let after = Self.census(sampler)
        #expect(after.onTarget > 0.9, "\(kind) \(steps): \(after.onTarget)")
        #expect(after.shares.allSatisfy { abs($0 - 0.125) < 0.04 }, "\(after.shares)")
    }

    /// Too few steps leave points between the targets: each step assumes ε
    /// hardly changes over its jump.
    @Test func fewerStepsAreCoarser() {
        func onTarget(_ steps: Int) -> Double {
            var s = Diffusion.ToySampler(mixture: .ring(count: 8), kind: .ddim, betas: Self.linear, steps: steps,
                                         points: 800, seed: 42)
            s.run()
            return Self.census(s).onTarget
        }
        let five = onTarget(5), fifty = onTarget(50)
        #expect(five < 0.5 && fifty > 0.9, "5 steps \(five), 50 steps \(fifty)")
    }

    /// The timesteps follow diffusers' leading spacing: 980, 960, …, 0 for 50 of 1000.
    @Test func leadingTimesteps() {
        let s = Diffusion.ToySampler(mixture: .ring(count: 2), kind: .ddim, betas: Self.linear, steps: 50, points: 1, seed: 1)
        #expect(s.timesteps.first == 980 && s.timesteps.last == 0 && s.timesteps.count == 50 && s.stride == 20)
    }

    /// DDIM is a function of the starting noise; DDPM draws fresh noise, so
    /// the same start ends elsewhere under a different seed.
    @Test func ddimIsDeterministicDDPMIsNot() {
        func run(_ kind: Diffusion.ToySampler.Kind, seed: UInt64) -> [Double] {
            var s = Diffusion.ToySampler(mixture: .ring(count: 8), kind: kind, betas: Self.linear, steps: 20, points: 50, seed: seed)
            s.run()
            return s.flat
        }
        #expect(run(.ddim, seed: 3) == run(.ddim, seed: 3))
        #expect(run(.ddim, seed: 3) != run(.ddim, seed: 4))
        // DDPM and DDIM from the same start disagree: DDPM added noise on the way.
        #expect(run(.ddpm, seed: 3) != run(.ddim, seed: 3))
    }

    /// Guidance towards one component puts nearly every point there.
    @Test func guidanceConcentratesOnTheClass() {
        var s = Diffusion.ToySampler(mixture: .ring(count: 8), kind: .ddim, betas: Self.linear, steps: 50, points: 800,
                                     seed: 7, guide: (component: 2, scale: 3))
        s.run()
        #expect(Self.census(s).shares[2] > 0.95)
    }
}
