import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("Transformer and OadTR exercise bindings")
struct TransformerExercisesTests {
    static func first(_ id: String, _ json: String) throws -> JSONValue {
        let out = try ExerciseRegistry.runReference(id, cases: try JSONValue.parse(json))
        guard case .array(let items) = out, let item = items.first else { throw CaseProblem(field: nil, message: "no output") }
        return item
    }

    static func numbers(_ v: JSONValue) -> [[Double]] {
        guard case .array(let rows) = v else { return [] }
        return rows.map { row in
            guard case .array(let cells) = row else { return [] }
            return cells.map { cell in
                switch cell { case .double(let d): d; case .int(let i): Double(i); default: .nan }
            }
        }
    }

    /// The lesson's two-token attention example through the JSON path.
    @Test func attentionLessonExampleThroughJSON() throws {
        let out = Self.numbers(try Self.first("transformer/attention",
            #"[{"q": [[1, 0], [0, 1]], "k": [[1, 0], [0, 1]], "v": [[1, 2], [3, 4]], "causal": true}]"#))
        #expect(out[0] == [1, 2])
        #expect(abs(out[1][0] - 2.3395231) < 1e-7 && abs(out[1][1] - 3.3395231) < 1e-7)
    }

    @Test func softmaxOfHugeValuesIsFinite() throws {
        let out = Self.numbers(try Self.first("transformer/softmax", #"[{"x": [[10000, -10000, 9999]]}]"#))
        #expect(out[0].allSatisfy { $0.isFinite })
        #expect(abs(out[0].reduce(0, +) - 1) < 1e-12)
    }

    /// The stream's lesson example: eight rows of two probabilities; the action changes at frame 4.
    @Test func streamLessonExampleThroughJSON() throws {
        let spec = try #require(ExerciseRegistry.spec("online-action-detection/stream"))
        var rng = SeededRandom(seed: 1)
        let example = try #require(spec.generate(&rng).first?.cases.first)
        let out = Self.numbers(try Self.first(spec.id, JSONValue.array([example]).compactText))
        #expect(out.count == 8 && out.allSatisfy { $0.count == 2 && abs($0.reduce(0, +) - 1) < 1e-12 })
        #expect(out[3][0] > 0.9 && out[4][1] > 0.5 && out[7][1] > 0.9)
    }

    /// Bad cases name the field and what was expected.
    @Test(arguments: [
        ("transformer/attention", #"{"q": [[1, 0]], "k": [[1, 0, 3]], "v": [[1]], "causal": true}"#, "k[0]"),
        ("transformer/attention", #"{"q": [[1, 0]], "k": [[1, 0]], "v": [[1], [2]], "causal": true}"#, "v"),
        ("transformer/attention", #"{"q": [], "k": [[1]], "v": [[1]], "causal": false}"#, "q"),
        ("transformer/softmax", #"{"x": [[1, 2], [3]]}"#, "x[1]"),
        ("transformer/positional-encoding", #"{"length": 4, "dModel": 5}"#, "dModel"),
        ("transformer/positional-encoding", #"{"length": 0, "dModel": 4}"#, "length"),
        ("transformer/layer-norm", #"{"x": [[1, 2]], "gamma": [1], "beta": [0, 0], "eps": 1e-5}"#, "gamma"),
        ("transformer/layer-norm", #"{"x": [[1, 2]], "gamma": [1, 1], "beta": [0, 0], "eps": 0}"#, "eps"),
        ("online-action-detection/window", #"{"frames": [[1], [2]], "t": 2, "window": 2}"#, "t"),
        ("online-action-detection/window", #"{"frames": [[1], [2]], "t": 1, "window": 0}"#, "window"),
        ("online-action-detection/encoder-input", #"{"window": [[1, 1]], "taskToken": [5, 6], "positions": [[0, 1]]}"#, "positions"),
        ("online-action-detection/encoder-input", #"{"window": [[1, 1]], "taskToken": [5], "positions": [[0, 1], [1, 1]]}"#, "taskToken"),
    ])
    func badCasesNameTheField(id: String, json: String, field: String) throws {
        let spec = try #require(ExerciseRegistry.spec(id))
        let problem = try #require(spec.check(try JSONValue.parse(json)))
        #expect(problem.field == field, "\(problem)")
    }

    /// heads must divide E, in multi-head, encoder-layer and inside the stream's layer object.
    @Test func headsMustDivideTheWidth() throws {
        var rng = SeededRandom(seed: 3)
        for (id, field) in [("transformer/multi-head", "heads"), ("transformer/encoder-layer", "heads"),
                            ("online-action-detection/stream", "layer.heads")] {
            let spec = try #require(ExerciseRegistry.spec(id))
            guard case .object(var fields) = try #require(spec.generate(&rng).first?.cases.first) else {
                Issue.record("not an object"); continue
            }
            if id.hasSuffix("stream") {
                let i = try #require(fields.firstIndex { $0.0 == "layer" })
                guard case .object(var layer) = fields[i].1 else { Issue.record("layer"); continue }
                let h = try #require(layer.firstIndex { $0.0 == "heads" })
                layer[h].1 = .int(3)
                fields[i].1 = .object(layer)
            } else {
                let h = try #require(fields.firstIndex { $0.0 == "heads" })
                fields[h].1 = .int(3)
            }
            let problem = try #require(spec.check(.object(fields)), "\(id)")
            #expect(problem.field == field, "\(problem)")
            #expect(problem.message.contains("divide"))
        }
    }

    /// A bad matrix inside the stream's layer is named with its path.
    @Test func streamNamesNestedLayerFields() throws {
        let spec = try #require(ExerciseRegistry.spec("online-action-detection/stream"))
        var rng = SeededRandom(seed: 4)
        guard case .object(var fields) = try #require(spec.generate(&rng).first?.cases.first),
              let i = fields.firstIndex(where: { $0.0 == "layer" }), case .object(var layer) = fields[i].1,
              let w = layer.firstIndex(where: { $0.0 == "w2" }) else { Issue.record("unexpected case"); return }
        layer[w].1 = .array([.array([.double(1)])])
        fields[i].1 = .object(layer)
        let problem = try #require(spec.check(.object(fields)))
        #expect(problem.field?.hasPrefix("layer.w2") == true, "\(problem)")
    }

    /// The performance group is at n = 1024, d = e = 64, and its ladder doubles n.
    @Test func attentionPerformanceGroupIsTheBenchmarkSize() throws {
        let perf = try #require(ExerciseRegistry.spec("transformer/attention")?.performance)
        var rng = SeededRandom(seed: 5)
        let cases = perf.cases(&rng)
        #expect(cases.count == 2)
        for c in cases {
            let q = Self.numbers(try #require(c["q"])), v = Self.numbers(try #require(c["v"]))
            #expect(q.count == 1024 && q[0].count == 64 && v[0].count == 64)
        }
        var r2 = SeededRandom(seed: 6)
        #expect(perf.ladder(&r2).map(\.n) == [128, 256, 512, 1024])
    }

    /// The learner's side of `layer` is generated from the case type: every field, in catalog order.
    @Test func layerSupportTypeDeclaresEveryField() {
        let text = OnlineActionDetectionExercises.layerType
        #expect(text.hasPrefix("struct EncoderLayerWeights: Codable {"))
        for field in ["wq", "wk", "wv", "wo", "bq", "bk", "bv", "bo", "heads", "w1", "b1", "w2", "b2",
                      "gamma1", "beta1", "gamma2", "beta2", "normFirst"] {
            #expect(text.contains("    var \(field): "), "\(field)")
        }
        #expect(text.contains("var heads: Int") && text.contains("var normFirst: Bool") && text.contains("var wq: [[Double]]"))
    }

    /// The harness reads the `layer` object into the generated struct: the
    /// course's solution passes end to end and the starter does not.
    @Test func streamSolutionPassesThroughTheHarness() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content/online-action-detection")
            .standardizedFileURL
        var checker = Checker(cacheDirectory: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lectern-oadtr-tests-cache"))
        checker.reuseReports = false
        let spec = try #require(ExerciseRegistry.spec("online-action-detection/stream"))
        let solved = checker.check(spec, file: root.appendingPathComponent("solutions/stream.swift"), points: 3)
        #expect(solved.verdict == .passed, "\(solved.humanText(color: false))")
        let starter = checker.check(spec, file: root.appendingPathComponent("starters/stream.swift"), points: 3)
        #expect(starter.verdict == .wrongAnswer, "\(starter.humanText(color: false))")
    }
}
