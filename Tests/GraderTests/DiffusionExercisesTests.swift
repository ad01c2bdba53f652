import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("Diffusion exercise bindings")
struct DiffusionExercisesTests {
    static func numbers(_ value: JSONValue) -> [[Double]] {
        guard case .array(let cases) = value else { return [] }
        return cases.map { item in
            guard case .array(let xs) = item else { return [] }
            return xs.compactMap { x -> Double? in
                switch x {
                case .double(let d): d
                case .int(let i): Double(i)
                default: nil
                }
            }
        }
    }

    /// The lesson's worked examples through the JSON path.
    @Test func lessonExamplesThroughJSON() throws {
        let betas = Self.numbers(try ExerciseRegistry.runReference("diffusion/betas", cases: try JSONValue.parse(
            #"[{"schedule": "linear", "steps": 2, "betaStart": 0.1, "betaEnd": 0.3}, {"schedule": "scaled_linear", "steps": 3, "betaStart": 0.01, "betaEnd": 0.09}]"#)))
        #expect(betas.count == 2 && betas[0] == [0.1, 0.3])
        #expect(zip(betas[1], [0.01, 0.04, 0.09]).allSatisfy { abs($0 - $1) < 1e-15 })
        let noised = Self.numbers(try ExerciseRegistry.runReference("diffusion/add-noise", cases: try JSONValue.parse(
            #"[{"x0": [1], "noise": [1], "t": 1, "betas": [0.1, 0.3]}]"#)))
        #expect(abs(noised[0][0] - 1.40200165) < 1e-8)
        let ddpm = Self.numbers(try ExerciseRegistry.runReference("diffusion/ddpm-step", cases: try JSONValue.parse(
            #"[{"sample": [1], "epsilon": [1], "noise": [0.5], "t": 1, "betas": [0.1, 0.3], "clipSample": false}]"#)))
        #expect(abs(ddpm[0][0] - 0.74811919) < 1e-8)
        let ddim = Self.numbers(try ExerciseRegistry.runReference("diffusion/ddim-step", cases: try JSONValue.parse(
            #"[{"sample": [1], "epsilon": [1], "t": 1, "prevT": -1, "betas": [0.1, 0.3]}]"#)))
        #expect(abs(ddim[0][0] - 0.49352553) < 1e-8)
        let guided = Self.numbers(try ExerciseRegistry.runReference("diffusion/guidance", cases: try JSONValue.parse(
            #"[{"uncond": [0, 1], "cond": [1, 1], "scale": 7.5}]"#)))
        #expect(guided == [[7.5, 1]])
    }

    /// Bad input names the case and the field.
    @Test(arguments: [
        ("diffusion/betas", #"[{"schedule": "cosine", "steps": 10, "betaStart": 0.1, "betaEnd": 0.2}]"#, "schedule"),
        ("diffusion/betas", #"[{"schedule": "linear", "steps": 1, "betaStart": 0.1, "betaEnd": 0.2}]"#, "steps"),
        ("diffusion/betas", #"[{"schedule": "scaled_linear", "steps": 4, "betaStart": -0.1, "betaEnd": 0.2}]"#, "betaStart"),
        ("diffusion/add-noise", #"[{"x0": [1], "noise": [1], "t": 2, "betas": [0.1, 0.3]}]"#, "t"),
        ("diffusion/add-noise", #"[{"x0": [1], "noise": [1], "t": -1, "betas": [0.1, 0.3]}]"#, "t"),
        ("diffusion/add-noise", #"[{"x0": [1, 2], "noise": [1], "t": 0, "betas": [0.1, 0.3]}]"#, "noise"),
        ("diffusion/add-noise", #"[{"x0": [1], "noise": [1], "t": 0, "betas": [0.1, 1]}]"#, "betas[1]"),
        ("diffusion/ddpm-step", #"[{"sample": [1], "epsilon": [1, 2], "noise": [0], "t": 1, "betas": [0.1, 0.3], "clipSample": false}]"#, "epsilon"),
        ("diffusion/ddpm-step", #"[{"sample": [1], "epsilon": [1], "noise": [], "t": 1, "betas": [0.1, 0.3], "clipSample": false}]"#, "noise"),
        ("diffusion/ddpm-step", #"[{"sample": [1], "epsilon": [1], "noise": [0], "t": 1, "betas": [0.1, 0.3]}]"#, "clipSample"),
        ("diffusion/ddim-step", #"[{"sample": [1], "epsilon": [1], "t": 1, "prevT": 1, "betas": [0.1, 0.3]}]"#, "prevT"),
        ("diffusion/ddim-step", #"[{"sample": [1], "epsilon": [1], "t": 0, "prevT": -1, "betas": []}]"#, "betas"),
        ("diffusion/guidance", #"[{"uncond": [1, 2], "cond": [1], "scale": 7.5}]"#, "cond"),
    ])
    func badCasesNameTheField(id: String, input: String, field: String) throws {
        do {
            _ = try ExerciseRegistry.runReference(id, cases: try JSONValue.parse(input))
            Issue.record("\(id): expected a bad-case error for \(input)")
        } catch let error as ReferenceError {
            guard case .badCase(let index, let problem) = error else { Issue.record("\(error)"); return }
            #expect(index == 0)
            #expect(problem.field == field, "\(problem)")
        }
    }

    /// The messages say what was expected.
    @Test func messagesSayWhatWasExpected() throws {
        let betas = try #require(ExerciseRegistry.spec("diffusion/betas"))
        let unknown = try #require(betas.check(try JSONValue.parse(#"{"schedule": "cosine", "steps": 10, "betaStart": 0, "betaEnd": 0}"#)))
        #expect(unknown.message.contains("squaredcos_cap_v2") && unknown.message.contains("scaled_linear"))
        let ddim = try #require(ExerciseRegistry.spec("diffusion/ddim-step"))
        let late = try #require(ddim.check(try JSONValue.parse(#"{"sample": [1], "epsilon": [1], "t": 1, "prevT": 3, "betas": [0.1, 0.3]}"#)))
        #expect(late.message.contains("below t = 1"))
    }

    /// Comparison is rtol 1e-5: an answer built with β_t = 1 − ᾱ_t/ᾱ_{t−1} passes, a sign slip fails.
    @Test func comparisonToleratesRoundingOnly() throws {
        let spec = try #require(ExerciseRegistry.spec("diffusion/ddpm-step"))
        guard case .standard(let rtol, _) = spec.comparison else { Issue.record("expected a standard comparison"); return }
        #expect(rtol == 1e-5)
    }
}
