import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 7).
///
/// q and k are n×d, v is n×e, all arrays of rows. Values are limited to
/// |x| <= 100 so φ(x) = e^x stays far from underflow and the denominator
/// (which has no epsilon, as the catalog says) stays positive.
enum LinearAttentionExercises {
    static let all: [ExerciseSpec] = [featureMap, global, causal, rnnStep]

    // MARK: case types (property names are the catalog's field names)

    struct MapCase: Codable, Sendable, Equatable { var x: [[Double]] }
    struct AttentionCase: Codable, Sendable, Equatable { var q: [[Double]], k: [[Double]], v: [[Double]] }
    struct StepCase: Codable, Sendable, Equatable {
        var state: [[Double]], normalizer: [Double], q: [Double], k: [Double], v: [Double]
    }

    /// The learner-side result of `rnn-step`, generated from the Engine's type.
    static let stepType = LearnerType.declaration(
        of: LinearAttention.StepResult(state: Matrix(rows: 0, cols: 0), normalizer: [], output: []),
        named: "LinearAttentionStep",
        notes: ["state": "d×e, after adding φ(k)vᵀ", "normalizer": "d, after adding φ(k)", "output": "e"])

    static let attentionParameters: [Signature.Parameter] = [
        .init("q", "[[Double]]"), .init("k", "[[Double]]"), .init("v", "[[Double]]"),
    ]

    // MARK: specs

    static let featureMap = ExerciseSpec.define(
        id: "linear-attention/feature-map",
        signature: Signature(function: "featureMap", parameters: [.init("x", "[[Double]]")], returns: "[[Double]]"),
        input: MapCase.self,
        validate: { c in
            guard let width = c.x.first?.count, width > 0 else {
                return CaseProblem(field: "x", message: "must have at least one row of at least one value")
            }
            return validateRows(c.x, "x", rows: c.x.count, cols: width, meaning: "a matrix")
        },
        reference: { c in LinearAttention.featureMap(matrix(c.x)) },
        generate: { rng in mapGroups(&rng) },
        shrink: { c in shrinkAttention(AttentionCase(q: c.x, k: c.x, v: c.x)).map { MapCase(x: $0.q) }.filter { $0 != c } })

    static let global = ExerciseSpec.define(
        id: "linear-attention/global",
        signature: Signature(function: "linearAttention", parameters: attentionParameters, returns: "[[Double]]"),
        input: AttentionCase.self,
        validate: validateAttention,
        reference: { c in LinearAttention.global(q: matrix(c.q), k: matrix(c.k), v: matrix(c.v)) },
        generate: { rng in attentionGroups(&rng, causal: false) },
        shrink: shrinkAttention)

    static let causal = ExerciseSpec.define(
        id: "linear-attention/causal",
        signature: Signature(function: "causalLinearAttention", parameters: attentionParameters, returns: "[[Double]]"),
        input: AttentionCase.self,
        validate: validateAttention,
        reference: { c in LinearAttention.causal(q: matrix(c.q), k: matrix(c.k), v: matrix(c.v)) },
        generate: { rng in attentionGroups(&rng, causal: true) },
        shrink: shrinkAttention,
        performance: PerformanceSpec(
            // n = 8192, d = e = 32: the running state does 2·n·d·e ≈ 1.7·10⁷
            // multiply-adds; the masked quadratic form n²/2·(d + e) ≈ 2.1·10⁹.
            cases: { rng in [encode(randomAttention(&rng, n: 8192, d: 32, e: 32))] },
            // Doubling n doubles the running-state time and quadruples the quadratic form's.
            ladder: { rng in
                [1024, 2048, 4096, 8192].map { n in (n: n, input: encode(randomAttention(&rng, n: n, d: 32, e: 32))) }
            },
            slack: 10, sizeName: "n"))

    static let rnnStep = ExerciseSpec.define(
        id: "linear-attention/rnn-step",
        signature: Signature(function: "linearAttentionStep",
                             parameters: [.init("state", "[[Double]]"), .init("normalizer", "[Double]"),
                                          .init("q", "[Double]"), .init("k", "[Double]"), .init("v", "[Double]")],
                             returns: "LinearAttentionStep", supportTypes: stepType),
        input: StepCase.self,
        validate: validateStep,
        reference: { c in
            LinearAttention.rnnStep(state: matrix(c.state), normalizer: c.normalizer, q: c.q, k: c.k, v: c.v)
        },
        generate: { rng in stepGroups(&rng) },
        shrink: shrinkStep)

    // MARK: validation

    static let limit = 100.0

    static func matrix(_ rows: [[Double]]) -> Matrix { (try? Matrix(rows)) ?? Matrix(rows: 0, cols: 0) }

    /// A rectangular rows×cols matrix of finite values with |x| <= 100.
    static func validateRows(_ m: [[Double]], _ field: String, rows: Int, cols: Int, meaning: String) -> CaseProblem? {
        if let p = RNNExercises.validateMatrix(m, field, rows: rows, cols: cols, meaning: meaning) { return p }
        for (r, row) in m.enumerated() {
            if let j = row.firstIndex(where: { abs($0) > limit }) {
                return CaseProblem(field: "\(field)[\(r)][\(j)]", message: "must be between -100 and 100, got \(row[j])")
            }
        }
        return nil
    }

    static func validateValues(_ v: [Double], _ field: String, count: Int, meaning: String) -> CaseProblem? {
        if v.count != count { return CaseProblem(field: field, message: "must have \(meaning) = \(count) values, got \(v.count)") }
        if let j = v.firstIndex(where: { !$0.isFinite || abs($0) > limit }) {
            return CaseProblem(field: "\(field)[\(j)]", message: "must be a finite number between -100 and 100, got \(v[j])")
        }
        return nil
    }

    /// q: n×d, k: n×d, v: n×e with n, d, e >= 1; n from q, d from q's rows, e from v's rows.
    @Sendable static func validateAttention(_ c: AttentionCase) -> CaseProblem? {
        let n = c.q.count
        if n == 0 { return CaseProblem(field: "q", message: "must have at least one row (n >= 1)") }
        if n > 20_000 { return CaseProblem(field: "q", message: "at most 20000 rows, got \(n)") }
        let d = c.q[0].count
        if d == 0 { return CaseProblem(field: "q[0]", message: "must have d >= 1 values") }
        if let p = validateRows(c.q, "q", rows: n, cols: d, meaning: "n×d") { return p }
        if let p = validateRows(c.k, "k", rows: n, cols: d, meaning: "n×d, like q") { return p }
        guard let e = c.v.first?.count, e > 0 else {
            return CaseProblem(field: c.v.isEmpty ? "v" : "v[0]", message: "must be n×e = \(n)×e with e >= 1")
        }
        return validateRows(c.v, "v", rows: n, cols: e, meaning: "n×e")
    }

    /// d from normalizer, e from v; state d×e; the normaliser, a sum of φ values, is >= 0.
    @Sendable static func validateStep(_ c: StepCase) -> CaseProblem? {
        let d = c.normalizer.count, e = c.v.count
        if d == 0 { return CaseProblem(field: "normalizer", message: "must have d >= 1 values") }
        if e == 0 { return CaseProblem(field: "v", message: "must have e >= 1 values") }
        if let p = validateRows(c.state, "state", rows: d, cols: e, meaning: "d×e, with d from normalizer and e from v") { return p }
        if let j = c.normalizer.firstIndex(where: { !$0.isFinite || $0 < 0 || $0 > 1e6 }) {
            return CaseProblem(field: "normalizer[\(j)]", message: "is a sum of φ values, so it must be between 0 and 1e6, got \(c.normalizer[j])")
        }
        if let p = validateValues(c.q, "q", count: d, meaning: "d") { return p }
        if let p = validateValues(c.k, "k", count: d, meaning: "d") { return p }
        return validateValues(c.v, "v", count: e, meaning: "e")
    }

    // MARK: cases

    /// Values rounded to 3 decimals, so shown cases stay readable.
    static func rows(_ rng: inout SeededRandom, _ r: Int, _ c: Int, _ scale: Double = 1.5) -> [[Double]] {
        RNNExercises.rows(&rng, r, c, scale)
    }

    static func randomAttention(_ rng: inout SeededRandom, n: Int, d: Int, e: Int, scale: Double = 1.5) -> AttentionCase {
        AttentionCase(q: rows(&rng, n, d, scale), k: rows(&rng, n, d, scale), v: rows(&rng, n, e, 2))
    }

    /// The lesson's worked example: n = 2, d = 2, e = 1.
    static let lessonAttention = AttentionCase(q: [[1, 0], [0, 1]], k: [[0, 0], [1, -1]], v: [[1], [3]])
    /// d = 1: the query cancels out of the global form.
    static let oneFeature = AttentionCase(q: [[0], [1]], k: [[0], [1]], v: [[1], [3]])

    static func mapGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<MapCase>] {
        let examples = [MapCase(x: [[-1, 0, 2]]), MapCase(x: [[0.5, -2], [3, -0.1]])]
        let edges = [
            MapCase(x: [[0]]),                                   // the kink: φ(0) = 1 from both sides
            MapCase(x: [[1e-9, -1e-9]]),                         // just either side of 0
            MapCase(x: [[-100, 100]]),                           // the limits: e^-100 is tiny but positive
            MapCase(x: [[-30], [-5], [5], [30]]),                // one column
        ]
        var hidden: [MapCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(MapCase(x: rows(&rng, rng.int(in: 1...(big ? 20 : 4)), rng.int(in: 1...(big ? 20 : 4)),
                                      index % 4 == 0 ? 8 : 2)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func attentionGroups(_ rng: inout SeededRandom, causal: Bool) -> [TypedCaseGroup<AttentionCase>] {
        let examples = [lessonAttention, oneFeature]
        let edges = [
            AttentionCase(q: [[0.3, -0.7]], k: [[2, 1]], v: [[4, -5, 6]]),            // n = 1: the output is v_0
            AttentionCase(q: [[1], [1], [1]], k: [[0.5], [0.5], [0.5]], v: [[1], [2], [6]]),   // equal keys: plain (prefix) means
            AttentionCase(q: [[-40, 2], [3, -40]], k: [[-40, 1], [2, -40]], v: [[1, 0], [0, 1]]),  // φ tiny in one dimension
            AttentionCase(q: [[100], [-100]], k: [[-100], [100]], v: [[-1], [1]]),      // the value limits
            AttentionCase(q: [[0, 0, 0], [0, 0, 0]], k: [[0, 0, 0], [0, 0, 0]], v: [[2], [4]]),    // all zero: φ = 1
            AttentionCase(q: [[1, 2], [3, 4], [5, 6], [7, 8]], k: [[1, 0], [0, 1], [1, 1], [-1, -1]],
                          v: [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0]]),   // e > d
        ]
        var hidden: [AttentionCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomAttention(&rng, n: rng.int(in: 1...(big ? 40 : 6)), d: rng.int(in: 1...(big ? 8 : 3)),
                                          e: rng.int(in: 1...(big ? 8 : 3)), scale: index % 4 == 0 ? 5 : 1.5))
        }
        _ = causal   // the same cases serve both forms; their answers differ
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func stepGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<StepCase>] {
        let examples = [
            StepCase(state: [[2]], normalizer: [1], q: [0], k: [0], v: [3]),              // the lesson's step: output 2.5
            StepCase(state: [[0, 0], [0, 0]], normalizer: [0, 0], q: [1, -1], k: [0, 1], v: [4, -2]),  // the first token
        ]
        let edges = [
            StepCase(state: [[0]], normalizer: [0], q: [5], k: [-5], v: [7]),             // an empty state: output = v
            StepCase(state: [[1, 2, 3]], normalizer: [0.5], q: [0], k: [0], v: [0, 0, 0]),  // a zero value still adds φ(k)
            StepCase(state: [[10], [-10]], normalizer: [1e3, 1e3], q: [-100, 100], k: [100, -100], v: [1]),
            StepCase(state: [[0, 0], [0, 0], [0, 0]], normalizer: [0, 0, 0], q: [0, 0, 0], k: [1, 2, 3], v: [1, -1]),
        ]
        var hidden: [StepCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let d = rng.int(in: 1...(big ? 10 : 3)), e = rng.int(in: 1...(big ? 10 : 3))
            // A state that came from earlier tokens: Σ φ(k_j) v_jᵀ and Σ φ(k_j) over a few of them.
            var state = [[Double]](repeating: [Double](repeating: 0, count: e), count: d)
            var normalizer = [Double](repeating: 0, count: d)
            for _ in 0..<rng.int(in: 0...(big ? 20 : 4)) {
                let k = RNNExercises.vector(&rng, d, 1.5), v = RNNExercises.vector(&rng, e, 2)
                for a in 0..<d {
                    let w = LinearAttention.phi(k[a])
                    normalizer[a] += w
                    for b in 0..<e { state[a][b] += w * v[b] }
                }
            }
            let round = { (x: Double) in (x * 1000).rounded() / 1000 }
            hidden.append(StepCase(state: state.map { $0.map(round) }, normalizer: normalizer.map(round),
                                   q: RNNExercises.vector(&rng, d, index % 4 == 0 ? 5 : 1.5),
                                   k: RNNExercises.vector(&rng, d, 1.5), v: RNNExercises.vector(&rng, e, 2)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    /// Fewer tokens, fewer features, fewer value columns, rounder values.
    @Sendable static func shrinkAttention(_ c: AttentionCase) -> [AttentionCase] {
        var out: [AttentionCase] = []
        func add(_ v: AttentionCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.q.count, d = c.q.first?.count ?? 0, e = c.v.first?.count ?? 0
        if n >= 2 {
            for range in [0..<(n / 2), 0..<(n - 1), 1..<n] {
                add(AttentionCase(q: Array(c.q[range]), k: Array(c.k[range]), v: Array(c.v[range])))
            }
        }
        if d >= 2 {
            for j in 0..<min(d, 8) {
                add(AttentionCase(q: RNNExercises.dropColumn(c.q, j), k: RNNExercises.dropColumn(c.k, j), v: c.v))
            }
        }
        if e >= 2 { for j in 0..<min(e, 8) { add(AttentionCase(q: c.q, k: c.k, v: RNNExercises.dropColumn(c.v, j))) } }
        let simpler = { (m: [[Double]]) in m.map { $0.map(RNNExercises.simpler) } }
        add(AttentionCase(q: simpler(c.q), k: simpler(c.k), v: simpler(c.v)))
        return out
    }

    @Sendable static func shrinkStep(_ c: StepCase) -> [StepCase] {
        var out: [StepCase] = []
        func add(_ v: StepCase) { if v != c && !out.contains(v) { out.append(v) } }
        let d = c.normalizer.count, e = c.v.count
        if d >= 2 {
            for a in 0..<min(d, 8) {
                var v = c
                v.state.remove(at: a); v.normalizer.remove(at: a); v.q.remove(at: a); v.k.remove(at: a)
                add(v)
            }
        }
        if e >= 2 {
            for b in 0..<min(e, 8) { var v = c; v.state = RNNExercises.dropColumn(c.state, b); v.v.remove(at: b); add(v) }
        }
        var empty = c
        empty.state = c.state.map { $0.map { _ in 0 } }; empty.normalizer = c.normalizer.map { _ in 0 }
        add(empty)
        var rounded = c
        rounded.q = c.q.map(RNNExercises.simpler); rounded.k = c.k.map(RNNExercises.simpler)
        rounded.v = c.v.map(RNNExercises.simpler)
        add(rounded)
        return out
    }

    // Performance cases are built as JSON directly: JSONEncoder is slow on
    // hundreds of thousands of numbers, and the keys keep their order.
    static func encode(_ c: AttentionCase) -> JSONValue {
        .object([("q", rowsJSON(c.q)), ("k", rowsJSON(c.k)), ("v", rowsJSON(c.v))])
    }

    static func rowsJSON(_ m: [[Double]]) -> JSONValue {
        .array(m.map { .array($0.map(JSONValue.double)) })
    }
}
