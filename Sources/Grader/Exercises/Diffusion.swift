import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 10).
///
/// t is 0-based and ᾱ_{-1} = 1. Every answer is a flat `[Double]`, compared
/// with rtol 1e-5: a learner may build ᾱ_t by a product or from logarithms,
/// or write β_t as 1 − ᾱ_t/ᾱ_{t−1}, and still agree.
enum DiffusionExercises {
    static let all: [ExerciseSpec] = [betas, addNoise, ddpmStep, ddimStep, guidance]

    static let comparison = Comparison.standard(rtol: 1e-5)

    // MARK: case types (property names are the catalog's field names)

    struct BetasCase: Codable, Sendable, Equatable {
        var schedule: String, steps: Int, betaStart: Double, betaEnd: Double
    }
    struct AddNoiseCase: Codable, Sendable, Equatable {
        var x0: [Double], noise: [Double], t: Int, betas: [Double]
    }
    struct DDPMCase: Codable, Sendable, Equatable {
        var sample: [Double], epsilon: [Double], noise: [Double], t: Int, betas: [Double], clipSample: Bool
    }
    struct DDIMCase: Codable, Sendable, Equatable {
        var sample: [Double], epsilon: [Double], t: Int, prevT: Int, betas: [Double]
    }
    struct GuidanceCase: Codable, Sendable, Equatable {
        var uncond: [Double], cond: [Double], scale: Double
    }

    // MARK: specs

    static let betas = ExerciseSpec.define(
        id: "diffusion/betas",
        signature: Signature(function: "betaSchedule",
                             parameters: [.init("schedule", "String"), .init("steps", "Int"),
                                          .init("betaStart", "Double"), .init("betaEnd", "Double")],
                             returns: "[Double]"),
        input: BetasCase.self,
        validate: { validateBetas($0) },
        reference: { c in
            Diffusion.betas(schedule: Diffusion.Schedule(rawValue: c.schedule)!, steps: c.steps,
                            betaStart: c.betaStart, betaEnd: c.betaEnd)
        },
        generate: { rng in betasGroups(&rng) },
        shrink: { shrinkBetas($0) },
        comparison: comparison)

    static let addNoise = ExerciseSpec.define(
        id: "diffusion/add-noise",
        signature: Signature(function: "addNoise",
                             parameters: [.init("x0", "[Double]"), .init("noise", "[Double]"), .init("t", "Int"),
                                          .init("betas", "[Double]")],
                             returns: "[Double]"),
        input: AddNoiseCase.self,
        validate: { c in
            if let p = validateSchedule(c.betas, t: c.t) { return p }
            if let p = validateValues(c.x0, "x0") { return p }
            return validateValues(c.noise, "noise", count: c.x0.count, like: "x0")
        },
        reference: { c in Diffusion.addNoise(x0: c.x0, noise: c.noise, t: c.t, betas: c.betas) },
        generate: { rng in addNoiseGroups(&rng) },
        shrink: { c in
            shrinkVectors(c, count: c.x0.count, t: c.t, betas: c.betas, prevT: nil) { c, keep, t, betas, _ in
                AddNoiseCase(x0: keep(c.x0), noise: keep(c.noise), t: t, betas: betas)
            }
        },
        comparison: comparison)

    static let ddpmStep = ExerciseSpec.define(
        id: "diffusion/ddpm-step",
        signature: Signature(function: "ddpmStep",
                             parameters: [.init("sample", "[Double]"), .init("epsilon", "[Double]"),
                                          .init("noise", "[Double]"), .init("t", "Int"), .init("betas", "[Double]"),
                                          .init("clipSample", "Bool")],
                             returns: "[Double]"),
        input: DDPMCase.self,
        validate: { c in
            if let p = validateSchedule(c.betas, t: c.t) { return p }
            if let p = validateValues(c.sample, "sample") { return p }
            if let p = validateValues(c.epsilon, "epsilon", count: c.sample.count, like: "sample") { return p }
            return validateValues(c.noise, "noise", count: c.sample.count, like: "sample")
        },
        reference: { c in
            Diffusion.ddpmStep(sample: c.sample, epsilon: c.epsilon, noise: c.noise, t: c.t, betas: c.betas,
                               clipSample: c.clipSample)
        },
        generate: { rng in ddpmGroups(&rng) },
        shrink: { c in
            var out = shrinkVectors(c, count: c.sample.count, t: c.t, betas: c.betas, prevT: nil) { c, keep, t, betas, _ in
                DDPMCase(sample: keep(c.sample), epsilon: keep(c.epsilon), noise: keep(c.noise), t: t, betas: betas,
                         clipSample: c.clipSample)
            }
            if c.clipSample { var v = c; v.clipSample = false; out.append(v) }
            return out
        },
        comparison: comparison)

    static let ddimStep = ExerciseSpec.define(
        id: "diffusion/ddim-step",
        signature: Signature(function: "ddimStep",
                             parameters: [.init("sample", "[Double]"), .init("epsilon", "[Double]"),
                                          .init("t", "Int"), .init("prevT", "Int"), .init("betas", "[Double]")],
                             returns: "[Double]"),
        input: DDIMCase.self,
        validate: { c in
            if let p = validateSchedule(c.betas, t: c.t) { return p }
            if c.prevT >= c.t {
                return CaseProblem(field: "prevT", message: "must be below t = \(c.t) (a step goes to an earlier, less noisy timestep; any negative value means the clean sample), got \(c.prevT)")
            }
            if c.prevT < -c.betas.count {
                return CaseProblem(field: "prevT", message: "must be at least -\(c.betas.count) (the number of betas), got \(c.prevT)")
            }
            if let p = validateValues(c.sample, "sample") { return p }
            return validateValues(c.epsilon, "epsilon", count: c.sample.count, like: "sample")
        },
        reference: { c in
            Diffusion.ddimStep(sample: c.sample, epsilon: c.epsilon, t: c.t, prevT: c.prevT, betas: c.betas)
        },
        generate: { rng in ddimGroups(&rng) },
        shrink: { c in
            shrinkVectors(c, count: c.sample.count, t: c.t, betas: c.betas, prevT: c.prevT) { c, keep, t, betas, prevT in
                DDIMCase(sample: keep(c.sample), epsilon: keep(c.epsilon), t: t, prevT: prevT ?? c.prevT, betas: betas)
            }
        },
        comparison: comparison)

    static let guidance = ExerciseSpec.define(
        id: "diffusion/guidance",
        signature: Signature(function: "classifierFreeGuidance",
                             parameters: [.init("uncond", "[Double]"), .init("cond", "[Double]"), .init("scale", "Double")],
                             returns: "[Double]"),
        input: GuidanceCase.self,
        validate: { c in
            if !c.scale.isFinite || abs(c.scale) > 1e6 {
                return CaseProblem(field: "scale", message: "must be a finite number of at most 1e6 in size, got \(c.scale)")
            }
            if let p = validateValues(c.uncond, "uncond") { return p }
            return validateValues(c.cond, "cond", count: c.uncond.count, like: "uncond")
        },
        reference: { c in Diffusion.guidance(uncond: c.uncond, cond: c.cond, scale: c.scale) },
        generate: { rng in guidanceGroups(&rng) },
        shrink: { c in
            var out: [GuidanceCase] = []
            func add(_ v: GuidanceCase) { if v != c && !out.contains(v) { out.append(v) } }
            let n = c.uncond.count
            if n >= 2 { add(GuidanceCase(uncond: Array(c.uncond[..<(n / 2)]), cond: Array(c.cond[..<(n / 2)]), scale: c.scale)) }
            for i in 0..<min(n, 8) where n >= 2 {
                var v = c; v.uncond.remove(at: i); v.cond.remove(at: i); add(v)
            }
            add(GuidanceCase(uncond: c.uncond.map(simpler), cond: c.cond.map(simpler), scale: simpler(c.scale)))
            add(GuidanceCase(uncond: c.uncond, cond: c.cond, scale: c.scale.rounded()))
            return out
        },
        comparison: comparison)

    // MARK: validation

    static let scheduleNames = Diffusion.Schedule.allCases.map(\.rawValue)
    static let maxSteps = 100_000
    static let maxValues = 1_000_000

    static func validateBetas(_ c: BetasCase) -> CaseProblem? {
        guard let schedule = Diffusion.Schedule(rawValue: c.schedule) else {
            return CaseProblem(field: "schedule", message: "must be one of \(scheduleNames.joined(separator: ", ")), got \"\(c.schedule)\"")
        }
        if c.steps < 2 || c.steps > maxSteps {
            return CaseProblem(field: "steps", message: "must be from 2 to \(maxSteps), got \(c.steps)")
        }
        if schedule != .squaredcosCapV2 {
            for (name, v) in [("betaStart", c.betaStart), ("betaEnd", c.betaEnd)] where !(v >= 0 && v <= 1) {
                return CaseProblem(field: name, message: "must be from 0 to 1 for the \(c.schedule) schedule, got \(v)")
            }
        } else {
            for (name, v) in [("betaStart", c.betaStart), ("betaEnd", c.betaEnd)] where !v.isFinite {
                return CaseProblem(field: name, message: "must be a finite number (it is ignored by squaredcos_cap_v2)")
            }
        }
        return nil
    }

    /// betas: 1 ... 100000 values, each strictly between 0 and 1; 0 <= t < betas.count.
    static func validateSchedule(_ betas: [Double], t: Int) -> CaseProblem? {
        if betas.isEmpty { return CaseProblem(field: "betas", message: "must have at least one value (one per timestep)") }
        if betas.count > maxSteps {
            return CaseProblem(field: "betas", message: "at most \(maxSteps) values, got \(betas.count)")
        }
        if let s = betas.firstIndex(where: { !($0 > 0 && $0 < 1) }) {
            return CaseProblem(field: "betas[\(s)]", message: "must be strictly between 0 and 1, got \(betas[s])")
        }
        if t < 0 || t >= betas.count {
            return CaseProblem(field: "t", message: "must be a timestep from 0 to \(betas.count - 1) (0-based, one per beta), got \(t)")
        }
        return nil
    }

    /// Finite values, at most a million of them, and `count` of them when given.
    static func validateValues(_ v: [Double], _ field: String, count: Int? = nil, like other: String = "") -> CaseProblem? {
        if let count, v.count != count {
            return CaseProblem(field: field, message: "must have as many values as \(other) (\(count)), got \(v.count)")
        }
        if v.count > maxValues { return CaseProblem(field: field, message: "at most \(maxValues) values, got \(v.count)") }
        if let i = v.firstIndex(where: { !$0.isFinite || abs($0) > 1e100 }) {
            return CaseProblem(field: "\(field)[\(i)]", message: "must be a finite number of at most 1e100 in size, got \(v[i])")
        }
        return nil
    }

    // MARK: cases

    /// Values rounded to 3 decimals, so shown cases stay readable.
    static func value(_ rng: inout SeededRandom, _ scale: Double) -> Double {
        (rng.uniform(-scale, scale) * 1000).rounded() / 1000
    }
    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        (0..<n).map { _ in value(&rng, scale) }
    }
    /// Gaussian-looking noise rounded to 3 decimals.
    static func noise(_ rng: inout SeededRandom, _ n: Int) -> [Double] {
        (0..<n).map { _ in (rng.normal() * 1000).rounded() / 1000 }
    }
    static func schedule(_ name: Diffusion.Schedule, _ steps: Int) -> [Double] {
        switch name {
        case .linear: Diffusion.betas(schedule: .linear, steps: steps, betaStart: 1e-4 * 1000 / Double(steps), betaEnd: min(0.5, 0.02 * 1000 / Double(steps)))
        case .scaledLinear: Diffusion.betas(schedule: .scaledLinear, steps: steps, betaStart: min(0.5, 0.00085 * 1000 / Double(steps)), betaEnd: min(0.6, 0.012 * 1000 / Double(steps)))
        case .squaredcosCapV2: Diffusion.betas(schedule: .squaredcosCapV2, steps: steps, betaStart: 0, betaEnd: 0)
        }
    }
    /// A schedule of one of the three kinds (betas scaled so short ones still end noisy).
    static func randomSchedule(_ rng: inout SeededRandom, big: Bool) -> [Double] {
        let name = Diffusion.Schedule.allCases[rng.int(in: 0..<3)]
        return schedule(name, big ? [1000, 200, 50][rng.int(in: 0..<3)] : rng.int(in: 2...12))
    }
    /// The lesson's hand-worked schedule: linear, 2 steps, 0.1 … 0.3.
    static let lessonBetas: [Double] = [0.1, 0.3]

    static func betasGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<BetasCase>] {
        let examples = [
            BetasCase(schedule: "linear", steps: 2, betaStart: 0.1, betaEnd: 0.3),
            BetasCase(schedule: "scaled_linear", steps: 3, betaStart: 0.01, betaEnd: 0.09),
            BetasCase(schedule: "squaredcos_cap_v2", steps: 4, betaStart: 0, betaEnd: 0),
        ]
        let edges = [
            BetasCase(schedule: "linear", steps: 1000, betaStart: 0.0001, betaEnd: 0.02),              // DDPM
            BetasCase(schedule: "scaled_linear", steps: 1000, betaStart: 0.00085, betaEnd: 0.012),    // Stable Diffusion
            BetasCase(schedule: "squaredcos_cap_v2", steps: 1000, betaStart: 0.0001, betaEnd: 0.02),  // ends ignored
            BetasCase(schedule: "squaredcos_cap_v2", steps: 2, betaStart: 0, betaEnd: 0),            // cap 0.999 hit
            BetasCase(schedule: "linear", steps: 5, betaStart: 0.02, betaEnd: 0.02),                  // constant
            BetasCase(schedule: "linear", steps: 4, betaStart: 0.3, betaEnd: 0.0),                    // falling
            BetasCase(schedule: "scaled_linear", steps: 2, betaStart: 0, betaEnd: 1),
        ]
        var hidden: [BetasCase] = []
        for index in 0..<40 {
            let name = scheduleNames[index % 3]
            let steps = index >= 30 ? rng.int(in: 100...2000) : rng.int(in: 2...20)
            let a = (rng.uniform(0, 0.01) * 1e5).rounded() / 1e5, b = (rng.uniform(0.01, 0.2) * 1e4).rounded() / 1e4
            hidden.append(BetasCase(schedule: name, steps: steps, betaStart: a, betaEnd: b))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func addNoiseGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<AddNoiseCase>] {
        let examples = [
            AddNoiseCase(x0: [1], noise: [1], t: 1, betas: lessonBetas),
            AddNoiseCase(x0: [1, -0.5], noise: [0, 2], t: 0, betas: lessonBetas),
        ]
        let sd = schedule(.scaledLinear, 1000), cosine = schedule(.squaredcosCapV2, 1000)
        let edges = [
            AddNoiseCase(x0: [], noise: [], t: 0, betas: lessonBetas),                       // nothing to noise
            AddNoiseCase(x0: [0.5, -0.25], noise: [0, 0], t: 999, betas: sd),                // zero noise: only scaled
            AddNoiseCase(x0: [0.8, 0.1, -0.3], noise: [1.5, -0.2, 0.7], t: 999, betas: cosine), // last step, β = 0.999
            AddNoiseCase(x0: [3], noise: [-3], t: 0, betas: [0.5]),
        ]
        var hidden: [AddNoiseCase] = []
        for index in 0..<40 {
            let betas = randomSchedule(&rng, big: index % 3 == 0)
            let n = rng.int(in: 0...(index >= 30 ? 64 : 6))
            hidden.append(AddNoiseCase(x0: vector(&rng, n, 1.5), noise: noise(&rng, n), t: rng.int(in: 0..<betas.count),
                                       betas: betas))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func ddpmGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<DDPMCase>] {
        let examples = [
            DDPMCase(sample: [1], epsilon: [1], noise: [0], t: 1, betas: lessonBetas, clipSample: false),
            DDPMCase(sample: [1], epsilon: [1], noise: [0.5], t: 1, betas: lessonBetas, clipSample: false),
            DDPMCase(sample: [1, 0.2], epsilon: [0.3, -0.4], noise: [2, 2], t: 0, betas: lessonBetas, clipSample: false),
        ]
        let sd = schedule(.scaledLinear, 1000), cosine = schedule(.squaredcosCapV2, 1000)
        let edges = [
            DDPMCase(sample: [3, -3, 0.5], epsilon: [0, 0, 0], noise: [0, 0, 0], t: 1, betas: lessonBetas, clipSample: true),   // x̂0 clipped both ways
            DDPMCase(sample: [3, -3, 0.5], epsilon: [0, 0, 0], noise: [0, 0, 0], t: 1, betas: lessonBetas, clipSample: false),
            DDPMCase(sample: [0.7, -1.2], epsilon: [0.1, -0.9], noise: [1, 1], t: 0, betas: sd, clipSample: true),              // t = 0: no noise
            DDPMCase(sample: [1.1, -0.4], epsilon: [0.8, 0.3], noise: [-0.6, 1.4], t: 999, betas: sd, clipSample: false),        // pure noise end
            DDPMCase(sample: [1.1, -0.4], epsilon: [0.8, 0.3], noise: [-0.6, 1.4], t: 999, betas: cosine, clipSample: true),
            DDPMCase(sample: [], epsilon: [], noise: [], t: 0, betas: [0.2], clipSample: false),
        ]
        var hidden: [DDPMCase] = []
        for index in 0..<40 {
            let betas = randomSchedule(&rng, big: index % 3 == 0)
            let n = rng.int(in: 1...(index >= 30 ? 64 : 6))
            let t = index % 8 == 0 ? 0 : rng.int(in: 0..<betas.count)
            hidden.append(DDPMCase(sample: vector(&rng, n, 2), epsilon: noise(&rng, n), noise: noise(&rng, n), t: t,
                                   betas: betas, clipSample: index % 2 == 1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func ddimGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<DDIMCase>] {
        let examples = [
            DDIMCase(sample: [1], epsilon: [1], t: 1, prevT: -1, betas: lessonBetas),
            DDIMCase(sample: [1], epsilon: [1], t: 1, prevT: 0, betas: lessonBetas),
        ]
        let sd = schedule(.scaledLinear, 1000), cosine = schedule(.squaredcosCapV2, 1000)
        let edges = [
            DDIMCase(sample: [0.4, -1.3], epsilon: [0.2, 0.9], t: 999, prevT: 979, betas: sd),    // SD's 50-step stride
            DDIMCase(sample: [0.4, -1.3], epsilon: [0.2, 0.9], t: 19, prevT: -1, betas: sd),      // last step of such a run
            DDIMCase(sample: [0.4, -1.3], epsilon: [0.2, 0.9], t: 19, prevT: -20, betas: sd),     // "leading" spacing goes below 0
            DDIMCase(sample: [1.2, 0.3], epsilon: [-0.5, 1.5], t: 999, prevT: 0, betas: cosine),  // one giant jump
            DDIMCase(sample: [0.3], epsilon: [0.3], t: 0, prevT: -1, betas: [0.25]),
            DDIMCase(sample: [], epsilon: [], t: 1, prevT: 0, betas: lessonBetas),
        ]
        var hidden: [DDIMCase] = []
        for index in 0..<40 {
            let betas = randomSchedule(&rng, big: index % 3 == 0)
            let n = rng.int(in: 1...(index >= 30 ? 64 : 6))
            let t = rng.int(in: 0..<betas.count)
            let prevT = index % 5 == 0 ? -1 : rng.int(in: -1...(t - 1))
            hidden.append(DDIMCase(sample: vector(&rng, n, 2), epsilon: noise(&rng, n), t: t, prevT: prevT, betas: betas))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func guidanceGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<GuidanceCase>] {
        let examples = [
            GuidanceCase(uncond: [0, 1], cond: [1, 1], scale: 7.5),
            GuidanceCase(uncond: [0.2, -0.4, 1], cond: [0.5, 0.1, 0.9], scale: 1),
        ]
        let edges = [
            GuidanceCase(uncond: [0.2, -0.4], cond: [0.5, 0.1], scale: 0),      // prompt ignored
            GuidanceCase(uncond: [0.3, 0.3], cond: [0.3, 0.3], scale: 20),      // agreeing predictions: no push
            GuidanceCase(uncond: [], cond: [], scale: 7.5),
            GuidanceCase(uncond: [1, -2], cond: [-1, 2], scale: -1),            // negative: away from the prompt
        ]
        var hidden: [GuidanceCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 0...(index >= 30 ? 256 : 6))
            let scale = index % 4 == 0 ? 7.5 : (rng.uniform(0, 15) * 100).rounded() / 100
            hidden.append(GuidanceCase(uncond: noise(&rng, n), cond: noise(&rng, n), scale: scale))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    static func simpler(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    static func shrinkBetas(_ c: BetasCase) -> [BetasCase] {
        var out: [BetasCase] = []
        func add(_ v: BetasCase) { if v != c && !out.contains(v) { out.append(v) } }
        for steps in [2, 3, c.steps / 2, c.steps - 1] where steps >= 2 && steps < c.steps {
            var v = c; v.steps = steps; add(v)
        }
        var rounded = c; rounded.betaStart = (c.betaStart * 100).rounded() / 100; rounded.betaEnd = (c.betaEnd * 100).rounded() / 100
        add(rounded)
        return out
    }

    /// Shorter variants of a case made of same-length vectors plus a
    /// schedule: half the values, one value dropped, the schedule cut just
    /// after t (prevT kept), t moved to the start, values rounded.
    static func shrinkVectors<C: Equatable>(_ c: C, count n: Int, t: Int, betas: [Double], prevT: Int?,
                                           _ make: (C, ([Double]) -> [Double], Int, [Double], Int?) -> C) -> [C] {
        var out: [C] = []
        func add(_ v: C) { if v != c && !out.contains(v) { out.append(v) } }
        if n >= 2 { add(make(c, { Array($0[..<(n / 2)]) }, t, betas, prevT)) }
        for i in 0..<min(n, 8) where n >= 2 {
            add(make(c, { v in var v = v; v.remove(at: i); return v }, t, betas, prevT))
        }
        if betas.count > t + 1 { add(make(c, { $0 }, t, Array(betas[...t]), prevT)) }
        if let prevT {
            if prevT != -1 { add(make(c, { $0 }, t, betas, -1)) }
            if prevT >= 0, t > 1 {      // drop everything between prevT and t
                var cut = Array(betas[...prevT]); cut.append(betas[t]); add(make(c, { $0 }, prevT + 1, cut, prevT))
            }
        } else if t > 0 {
            add(make(c, { $0 }, 1, [betas[t - 1], betas[t]], nil))
        }
        add(make(c, { $0.map(simpler) }, t, betas, prevT))
        return out
    }
}
