import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Diffusion: add-noise, DDPM and DDIM steps, guidance")
struct DiffusionStepTests {
    static let lessonBetas = [0.1, 0.3]

    static func randomSchedule(_ rng: inout SeededRandom) -> [Double] {
        let name = Diffusion.Schedule.allCases[rng.int(in: 0..<3)]
        let steps = [2, 10, 100, 1000][rng.int(in: 0..<4)]
        return Diffusion.betas(schedule: name, steps: steps, betaStart: 1e-4 * 1000 / Double(steps),
                               betaEnd: min(0.5, 0.02 * 1000 / Double(steps)))
    }
    static func vector(_ rng: inout SeededRandom, _ n: Int) -> [Double] { (0..<n).map { _ in rng.normal() } }
    static func close(_ a: [Double], _ b: [Double], rtol: Double = 1e-10, atol: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
    }

    @Test func lessonWorkedExamples() {
        let noised = Diffusion.addNoise(x0: [1], noise: [1], t: 1, betas: Self.lessonBetas)
        #expect(abs(noised[0] - 1.4020016463) < 1e-9)
        let mean = Diffusion.ddpmStep(sample: [1], epsilon: [1], noise: [0], t: 1, betas: Self.lessonBetas, clipSample: false)
        #expect(abs(mean[0] - 0.6057454904) < 1e-9)
        let noisy = Diffusion.ddpmStep(sample: [1], epsilon: [1], noise: [0.5], t: 1, betas: Self.lessonBetas, clipSample: false)
        #expect(abs(noisy[0] - 0.7481191898) < 1e-9)
        let clean = Diffusion.ddimStep(sample: [1], epsilon: [1], t: 1, prevT: -1, betas: Self.lessonBetas)
        #expect(abs(clean[0] - 0.4935255320) < 1e-9)
        let half = Diffusion.ddimStep(sample: [1], epsilon: [1], t: 1, prevT: 0, betas: Self.lessonBetas)
        #expect(abs(half[0] - 0.7844271954) < 1e-9)
        #expect(Diffusion.guidance(uncond: [0, 1], cond: [1, 1], scale: 7.5) == [7.5, 1])
    }

    /// add-noise against a twin that builds ᾱ from logarithms.
    @Test func addNoiseAgainstLogTwin() {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<200 {
            let betas = Self.randomSchedule(&rng), n = rng.int(in: 0...12), t = rng.int(in: 0..<betas.count)
            let x0 = Self.vector(&rng, n), noise = Self.vector(&rng, n)
            let abar = exp(betas[...t].reduce(0) { $0 + log1p(-$1) })
            let twin = zip(x0, noise).map { abar.squareRoot() * $0 + (1 - abar).squareRoot() * $1 }
            #expect(Self.close(Diffusion.addNoise(x0: x0, noise: noise, t: t, betas: betas), twin, rtol: 1e-9))
        }
    }

    /// Without clipping, the DDPM mean is Ho et al.'s eq. 11,
    /// (1/sqrt(α_t))·(x_t − β_t/sqrt(1 − ᾱ_t)·ε), and the noise enters with
    /// standard deviation sqrt(β_t(1 − ᾱ_{t−1})/(1 − ᾱ_t)).
    @Test func ddpmMeanIsEquationEleven() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<300 {
            let betas = Self.randomSchedule(&rng), n = rng.int(in: 1...10), t = rng.int(in: 0..<betas.count)
            let x = Self.vector(&rng, n), eps = Self.vector(&rng, n), z = Self.vector(&rng, n)
            let abar = Diffusion.alphaBar(betas: betas, t: t), abarPrev = Diffusion.alphaBar(betas: betas, t: t - 1)
            let beta = betas[t]
            let eq11 = zip(x, eps).map { (1 / (1 - beta).squareRoot()) * ($0 - beta / (1 - abar).squareRoot() * $1) }
            let mean = Diffusion.ddpmStep(sample: x, epsilon: eps, noise: z.map { _ in 0 }, t: t, betas: betas, clipSample: false)
            #expect(Self.close(mean, eq11, rtol: 1e-8, atol: 1e-10))
            let sigma = t == 0 ? 0 : max(beta * (1 - abarPrev) / (1 - abar), 1e-20).squareRoot()
            let stepped = Diffusion.ddpmStep(sample: x, epsilon: eps, noise: z, t: t, betas: betas, clipSample: false)
            #expect(Self.close(stepped, zip(eq11, z).map { $0 + sigma * $1 }, rtol: 1e-8, atol: 1e-10))
        }
    }

    /// Clipping acts on x̂0 before the mean: with ε = 0 and x_t = ±3 the guess
    /// is ±3/sqrt(ᾱ_t), clipped to ±1.
    @Test func ddpmClipsTheCleanGuess() {
        let betas = Self.lessonBetas
        let clipped = Diffusion.ddpmStep(sample: [3, -3, 0.5], epsilon: [0, 0, 0], noise: [0, 0, 0], t: 1, betas: betas, clipSample: true)
        let x0Weight = 0.9.squareRoot() * 0.3 / 0.37, xWeight = 0.7.squareRoot() * 0.1 / 0.37
        let expected = [x0Weight * 1 + xWeight * 3, x0Weight * -1 + xWeight * -3, x0Weight * 0.5 / 0.63.squareRoot() + xWeight * 0.5]
        #expect(Self.close(clipped, expected))
        let free = Diffusion.ddpmStep(sample: [3], epsilon: [0], noise: [0], t: 1, betas: betas, clipSample: false)
        #expect(free[0] > clipped[0] + 1)
    }

    /// At t = 0 DDPM returns x̂0 and ignores the noise; a 1-step DDIM to prevT = −1 returns the same.
    @Test func lastStepIsTheCleanGuess() {
        var rng = SeededRandom(seed: 8)
        for _ in 0..<100 {
            let betas = Self.randomSchedule(&rng), n = rng.int(in: 1...6)
            let x = Self.vector(&rng, n), eps = Self.vector(&rng, n), z = Self.vector(&rng, n)
            let ddpm = Diffusion.ddpmStep(sample: x, epsilon: eps, noise: z, t: 0, betas: betas, clipSample: false)
            let ddim = Diffusion.ddimStep(sample: x, epsilon: eps, t: 0, prevT: -1, betas: betas)
            let abar = 1 - betas[0]
            let guess = zip(x, eps).map { ($0 - (1 - abar).squareRoot() * $1) / abar.squareRoot() }
            #expect(Self.close(ddpm, guess, rtol: 1e-9) && Self.close(ddim, guess, rtol: 1e-9))
        }
    }

    /// With the true noise, one DDIM step lands on the forward-noised sample at
    /// prevT (and on x0 itself for prevT < 0), and two steps equal one.
    @Test func ddimWithTheTrueNoiseRetracesTheForwardProcess() {
        var rng = SeededRandom(seed: 13)
        for _ in 0..<200 {
            let betas = Self.randomSchedule(&rng), n = rng.int(in: 1...8)
            let x0 = Self.vector(&rng, n), eps = Self.vector(&rng, n)
            let t = rng.int(in: 0..<betas.count), prevT = rng.int(in: -3...(t - 1))
            let xt = Diffusion.addNoise(x0: x0, noise: eps, t: t, betas: betas)
            let back = Diffusion.ddimStep(sample: xt, epsilon: eps, t: t, prevT: prevT, betas: betas)
            let target = prevT < 0 ? x0 : Diffusion.addNoise(x0: x0, noise: eps, t: prevT, betas: betas)
            // Recovering x0 divides by sqrt(ᾱ_t), which can be ~1e-4: the tolerance grows with it.
            let slack = 1e-12 / Diffusion.alphaBar(betas: betas, t: t).squareRoot()
            #expect(Self.close(back, target, rtol: 1e-9, atol: slack))
            if prevT >= 1 {
                let mid = rng.int(in: 0..<prevT)
                let twoHops = Diffusion.ddimStep(sample: Diffusion.ddimStep(sample: xt, epsilon: eps, t: t, prevT: prevT, betas: betas),
                                                 epsilon: eps, t: prevT, prevT: mid, betas: betas)
                #expect(Self.close(twoHops, Diffusion.ddimStep(sample: xt, epsilon: eps, t: t, prevT: mid, betas: betas),
                                   rtol: 1e-9, atol: slack))
            }
        }
    }

    /// Any negative prevT means ᾱ_prev = 1.
    @Test func ddimNegativePrevTAllMeanClean() {
        let betas = Diffusion.betas(schedule: .scaledLinear, steps: 1000, betaStart: 0.00085, betaEnd: 0.012)
        let a = Diffusion.ddimStep(sample: [0.4, -1.3], epsilon: [0.2, 0.9], t: 19, prevT: -1, betas: betas)
        let b = Diffusion.ddimStep(sample: [0.4, -1.3], epsilon: [0.2, 0.9], t: 19, prevT: -20, betas: betas)
        #expect(a == b)
    }

    /// The strided forms (ᾱ and β given directly) agree with the one-step exercise forms.
    @Test func stridedFormsAgreeWithTheExerciseForms() {
        var rng = SeededRandom(seed: 17)
        for _ in 0..<100 {
            let betas = Self.randomSchedule(&rng), n = rng.int(in: 1...6), t = rng.int(in: 1..<max(2, betas.count))
            guard t < betas.count else { continue }
            let x = Self.vector(&rng, n), eps = Self.vector(&rng, n), z = Self.vector(&rng, n)
            let abar = Diffusion.alphaBar(betas: betas, t: t), prev = Diffusion.alphaBar(betas: betas, t: t - 1)
            let strided = Diffusion.ddpmStep(sample: x, epsilon: eps, noise: z, alphaBar: abar, alphaBarPrev: prev,
                                             beta: 1 - abar / prev, clipSample: true)
            let exercise = Diffusion.ddpmStep(sample: x, epsilon: eps, noise: z, t: t, betas: betas, clipSample: true)
            #expect(Self.close(strided, exercise, rtol: 1e-7, atol: 1e-9))
        }
    }

    /// Guidance against the paper's form (1 + w')·ε_cond − w'·ε_uncond with w = 1 + w'.
    @Test func guidanceAgainstThePapersForm() {
        var rng = SeededRandom(seed: 2)
        for _ in 0..<200 {
            let n = rng.int(in: 0...20), u = Self.vector(&rng, n), c = Self.vector(&rng, n), w = rng.uniform(-2, 15)
            let paper = zip(u, c).map { w * $1 - (w - 1) * $0 }
            #expect(Self.close(Diffusion.guidance(uncond: u, cond: c, scale: w), paper, rtol: 1e-12, atol: 1e-12))
        }
        #expect(Diffusion.guidance(uncond: [0.2, -0.4], cond: [0.5, 0.1], scale: 0) == [0.2, -0.4])
        #expect(Self.close(Diffusion.guidance(uncond: [0.2, -0.4], cond: [0.5, 0.1], scale: 1), [0.5, 0.1], rtol: 1e-15, atol: 1e-15))
    }
}
