import Lessons
import Tensor

/// Everything Lectern knows about one catalog exercise: the Swift signature a
/// learner implements, the Engine reference, how cases are generated, checked,
/// compared and shrunk.
///
/// Specs are built with `ExerciseSpec.define`, which adapts typed Engine
/// functions to `JSONValue`, and listed in `ExerciseRegistry`.
public struct ExerciseSpec: Sendable {
    public var id: String
    public var signature: Signature
    /// Runs the reference on one valid case.
    public var reference: @Sendable (JSONValue) throws(CaseProblem) -> JSONValue
    /// Decodes and checks a case: nil when valid, otherwise what is wrong and where.
    public var check: @Sendable (JSONValue) -> CaseProblem?
    /// The seeded case groups: visible examples, edge cases, hidden random cases.
    public var generate: @Sendable (inout SeededRandom) -> [CaseGroup]
    /// Smaller variants of a case, tried in order while shrinking a failure;
    /// each must still pass `check`.
    public var shrink: @Sendable (JSONValue) -> [JSONValue]
    /// How an answer is judged against the reference.
    public var comparison: Comparison
    /// The performance group, for exercises the catalog marks Perf.
    public var performance: PerformanceSpec?
    /// Sandbox limits that differ from the defaults.
    public var limits: LimitOverrides
    /// The reference with the seconds spent inside the typed Engine call only
    /// (JSON decoding and encoding excluded), for timing the performance
    /// group fairly. Set by `define`; nil for hand-built specs.
    public var timedReference: (@Sendable (JSONValue) throws(CaseProblem) -> (output: JSONValue, seconds: Double))?
    /// The usual causes of a verdict on this exercise, shown with it.
    public var notes: [VerdictNote] = []

    public init(id: String, signature: Signature,
                reference: @escaping @Sendable (JSONValue) throws(CaseProblem) -> JSONValue,
                check: @escaping @Sendable (JSONValue) -> CaseProblem?,
                generate: @escaping @Sendable (inout SeededRandom) -> [CaseGroup],
                shrink: @escaping @Sendable (JSONValue) -> [JSONValue] = { _ in [] },
                comparison: Comparison = .standard(), performance: PerformanceSpec? = nil,
                limits: LimitOverrides = LimitOverrides(),
                timedReference: (@Sendable (JSONValue) throws(CaseProblem) -> (output: JSONValue, seconds: Double))? = nil) {
        self.id = id; self.signature = signature; self.reference = reference; self.check = check
        self.generate = generate; self.shrink = shrink; self.comparison = comparison
        self.performance = performance; self.limits = limits; self.timedReference = timedReference
    }

    /// The lesson part of the id (`sliding-window-max` of `sliding-window-max/deque`).
    public var lessonID: String { ExerciseID.lesson(of: id) }
    /// The exercise part of the id, also the starter and solution file name.
    public var name: String { ExerciseID.name(of: id) }

    /// Builds a spec from typed pieces.
    ///
    /// - Parameters:
    ///   - input: the `Codable` case type; its coding keys are the catalog's field names.
    ///   - validate: returns what is wrong with a decoded case, naming the field.
    ///   - reference: the Engine function.
    ///   - generate: typed case groups.
    ///   - shrink: smaller typed variants of a case.
    public static func define<Input: Codable & Sendable, Output: Codable & SendableMetatype>(
        id: String, signature: Signature, input: Input.Type,
        validate: @escaping @Sendable (Input) -> CaseProblem? = { _ in nil },
        reference: @escaping @Sendable (Input) -> Output,
        generate: @escaping @Sendable (inout SeededRandom) -> [TypedCaseGroup<Input>],
        shrink: @escaping @Sendable (Input) -> [Input] = { _ in [] },
        comparison: Comparison = .standard(), performance: PerformanceSpec? = nil,
        limits: LimitOverrides = LimitOverrides(), notes: [VerdictNote] = []
    ) -> ExerciseSpec {
        @Sendable func encode<T: Encodable & SendableMetatype>(_ value: T) -> JSONValue {
            if let direct = JSONValue.directEncoding(value) { return direct }
            do { return try JSONValue(encoding: value) } catch {
                preconditionFailure("\(id): a value did not encode: \(error)")
            }
        }
        var spec = ExerciseSpec(
            id: id, signature: signature,
            reference: { (json) throws(CaseProblem) -> JSONValue in
                let typed = try json.decode(Input.self)
                if let problem = validate(typed) { throw problem }
                return encode(reference(typed))
            },
            check: { json in
                do throws(CaseProblem) {
                    let typed = try json.decode(Input.self)
                    return validate(typed)
                } catch { return error }
            },
            generate: { rng in
                generate(&rng).map { group in
                    CaseGroup(kind: group.kind, cases: group.cases.map(encode))
                }
            },
            shrink: { json in
                guard let typed = try? json.decode(Input.self) else { return [] }
                return shrink(typed).filter { validate($0) == nil }.map(encode)
            },
            comparison: comparison, performance: performance, limits: limits,
            timedReference: { (json) throws(CaseProblem) -> (output: JSONValue, seconds: Double) in
                // The direct decoder avoids a text round trip on million-element cases;
                // `decode` still gives the field-naming message when a case does not fit.
                let typed: Input
                if let fast = try? JSONValueDecoder.decode(Input.self, from: json) { typed = fast } else {
                    typed = try json.decode(Input.self)
                }
                if let problem = validate(typed) { throw problem }
                let start = ContinuousClock.now
                let output = reference(typed)
                let d = ContinuousClock.now - start
                return (encode(output), Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
            })
        spec.notes = notes
        return spec
    }
}

/// The Swift function a learner writes. Argument labels are the JSON field names.
public struct Signature: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var label: String
        /// A Swift type spelled as in source: `[Int]`, `Int`, `Matrix`, `[[Double]]`, `Bool`, `String`.
        public var type: String
        public init(_ label: String, _ type: String) { self.label = label; self.type = type }
    }
    public var function: String
    public var parameters: [Parameter]
    /// The Swift return type; may name a type from `supportTypes`.
    public var returns: String
    /// Swift declarations the harness and the starter share, such as a result
    /// struct with several fields (`struct StepResult: Codable { ... }`).
    /// Empty for most exercises.
    public var supportTypes: String

    public init(function: String, parameters: [Parameter], returns: String, supportTypes: String = "") {
        self.function = function; self.parameters = parameters; self.returns = returns
        self.supportTypes = supportTypes
    }

    /// The declaration line, e.g. `func maxSlidingWindow(nums: [Int], k: Int) -> [Int]`.
    public var declaration: String {
        "func \(function)(" + parameters.map { "\($0.label): \($0.type)" }.joined(separator: ", ") + ") -> \(returns)"
    }
}

/// Which group a case belongs to; visible cases may be shown in full.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    /// The lesson's own worked examples.
    case example
    /// Boundaries: smallest sizes, equal values, extremes.
    case edge
    /// Seeded random cases, shrunk before they are shown.
    case hidden
    /// Large cases timed against the reference.
    case performance
}

public struct CaseGroup: Sendable {
    public var kind: CaseKind
    public var cases: [JSONValue]
    public init(kind: CaseKind, cases: [JSONValue]) { self.kind = kind; self.cases = cases }
}

public struct TypedCaseGroup<Input>: Sendable where Input: Sendable {
    public var kind: CaseKind
    public var cases: [Input]
    public init(_ kind: CaseKind, _ cases: [Input]) { self.kind = kind; self.cases = cases }
}

/// How a learner's answer is judged.
public enum Comparison: Sendable {
    /// Integers, strings and booleans exactly; reals with |a-b| <= atol + rtol·|b|;
    /// shapes exactly; NaN only matches NaN.
    case standard(rtol: Double = 1e-6, atol: Double = 1e-9)
    /// Several right answers: `judge(input, expected, got)` returns nil when
    /// `got` is valid and as good as `expected`, otherwise a message.
    case custom(@Sendable (_ input: JSONValue, _ expected: JSONValue, _ got: JSONValue) -> String?)
}

/// A performance group: cases built at growing sizes so growth can be measured.
public struct PerformanceSpec: Sendable {
    /// The large cases that must run within `slack` × the reference time.
    public var cases: @Sendable (inout SeededRandom) -> [JSONValue]
    /// Cases at sizes n₁ < n₂ < … used to estimate the growth exponent when a
    /// solution is too slow; each pair is (n, case).
    public var ladder: @Sendable (inout SeededRandom) -> [(n: Int, input: JSONValue)]
    /// How many times slower than the reference a solution may be.
    public var slack: Double
    /// The name of the size variable in messages ("n").
    public var sizeName: String

    public init(cases: @escaping @Sendable (inout SeededRandom) -> [JSONValue],
                ladder: @escaping @Sendable (inout SeededRandom) -> [(n: Int, input: JSONValue)],
                slack: Double = 10, sizeName: String = "n") {
        self.cases = cases; self.ladder = ladder; self.slack = slack; self.sizeName = sizeName
    }
}

/// Per-exercise changes to the sandbox defaults; nil keeps the default.
public struct LimitOverrides: Sendable {
    public var cpuSeconds: Double?
    public var wallSeconds: Double?
    public var memoryBytes: Int?
    public init(cpuSeconds: Double? = nil, wallSeconds: Double? = nil, memoryBytes: Int? = nil) {
        self.cpuSeconds = cpuSeconds; self.wallSeconds = wallSeconds; self.memoryBytes = memoryBytes
    }
}
