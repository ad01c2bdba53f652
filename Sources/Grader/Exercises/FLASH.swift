import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 8).
///
/// Dense layers are `[in][out]`, applied as `x·W + b`. Values are limited to
/// |x| <= 1000 so relu² of a score cannot overflow.
enum FLASHExercises {
    static let all: [ExerciseSpec] = [relu2Attention, gau, mixedChunk]

    // MARK: case types (property names are the catalog's field names)

    struct ReLU2Case: Codable, Sendable, Equatable {
        var q: [[Double]], k: [[Double]], v: [[Double]], causal: Bool
    }
    struct GAUCase: Codable, Sendable, Equatable {
        var x: [[Double]]
        var wu: [[Double]], bu: [Double], wv: [[Double]], bv: [Double], wz: [[Double]], bz: [Double]
        var gammaQ: [Double], betaQ: [Double], gammaK: [Double], betaK: [Double]
        var wo: [[Double]], bo: [Double]
        var causal: Bool
    }
    struct ChunkCase: Codable, Sendable, Equatable {
        var quadQ: [[Double]], quadK: [[Double]], linQ: [[Double]], linK: [[Double]], v: [[Double]]
        var chunk: Int
        var causal: Bool
    }

    // MARK: specs

    static let relu2Attention = ExerciseSpec.define(
        id: "flash/relu2-attention",
        signature: Signature(function: "relu2Attention",
                             parameters: [.init("q", "[[Double]]"), .init("k", "[[Double]]"), .init("v", "[[Double]]"),
                                          .init("causal", "Bool")],
                             returns: "[[Double]]"),
        input: ReLU2Case.self,
        validate: { c in validateQKV(q: [("q", c.q), ("k", c.k)], v: c.v) },
        reference: { c in FLASH.relu2Attention(q: matrix(c.q), k: matrix(c.k), v: matrix(c.v), causal: c.causal) },
        generate: { rng in relu2Groups(&rng) },
        shrink: shrinkReLU2)

    static let gau = ExerciseSpec.define(
        id: "flash/gau",
        signature: Signature(function: "gatedAttentionUnit",
                             parameters: [.init("x", "[[Double]]"),
                                          .init("wu", "[[Double]]"), .init("bu", "[Double]"),
                                          .init("wv", "[[Double]]"), .init("bv", "[Double]"),
                                          .init("wz", "[[Double]]"), .init("bz", "[Double]"),
                                          .init("gammaQ", "[Double]"), .init("betaQ", "[Double]"),
                                          .init("gammaK", "[Double]"), .init("betaK", "[Double]"),
                                          .init("wo", "[[Double]]"), .init("bo", "[Double]"), .init("causal", "Bool")],
                             returns: "[[Double]]"),
        input: GAUCase.self,
        validate: validateGAU,
        reference: { c in FLASH.gau(x: matrix(c.x), weights: weights(c), causal: c.causal) },
        generate: { rng in gauGroups(&rng) },
        shrink: shrinkGAU)

    static let mixedChunk = ExerciseSpec.define(
        id: "flash/mixed-chunk",
        signature: Signature(function: "mixedChunkAttention",
                             parameters: [.init("quadQ", "[[Double]]"), .init("quadK", "[[Double]]"),
                                          .init("linQ", "[[Double]]"), .init("linK", "[[Double]]"),
                                          .init("v", "[[Double]]"), .init("chunk", "Int"), .init("causal", "Bool")],
                             returns: "[[Double]]"),
        input: ChunkCase.self,
        validate: validateChunk,
        reference: { c in
            FLASH.mixedChunk(quadQ: matrix(c.quadQ), quadK: matrix(c.quadK), linQ: matrix(c.linQ), linK: matrix(c.linK),
                             v: matrix(c.v), chunk: c.chunk, causal: c.causal)
        },
        generate: { rng in chunkGroups(&rng) },
        shrink: shrinkChunk,
        performance: PerformanceSpec(
            // n = 8192, c = 128, s = e = 64, causal and not: about 2·10⁸
            // multiply-adds each. Full relu² attention, or a global term
            // recomputed per row or per chunk, does n/c = 64 times more or worse.
            cases: { rng in
                [true, false].map { causal in encode(randomChunk(&rng, n: 8192, s: 64, e: 64, chunk: 128, causal: causal)) }
            },
            // Fixed c: doubling n should double the time.
            ladder: { rng in
                [1024, 2048, 4096, 8192].map { n in
                    (n: n, input: encode(randomChunk(&rng, n: n, s: 64, e: 64, chunk: 128, causal: false)))
                }
            },
            // The lesson's plain-Swift solution takes about 12 times the reference's
            // vectorised kernel; full relu² attention, about 200 times. 40 separates them.
            slack: 40, sizeName: "n"))

    // MARK: validation

    static let limit = 1000.0

    static func matrix(_ rows: [[Double]]) -> Matrix { (try? Matrix(rows)) ?? Matrix(rows: 0, cols: 0) }

    static func validateRows(_ m: [[Double]], _ field: String, rows: Int, cols: Int, meaning: String) -> CaseProblem? {
        if let p = RNNExercises.validateMatrix(m, field, rows: rows, cols: cols, meaning: meaning) { return p }
        for (r, row) in m.enumerated() {
            if let j = row.firstIndex(where: { abs($0) > limit }) {
                return CaseProblem(field: "\(field)[\(r)][\(j)]", message: "must be between -1000 and 1000, got \(row[j])")
            }
        }
        return nil
    }

    static func validateValues(_ v: [Double], _ field: String, count: Int, meaning: String) -> CaseProblem? {
        if v.count != count { return CaseProblem(field: field, message: "must have \(meaning) = \(count) values, got \(v.count)") }
        if let j = v.firstIndex(where: { !$0.isFinite || abs($0) > limit }) {
            return CaseProblem(field: "\(field)[\(j)]", message: "must be a finite number between -1000 and 1000, got \(v[j])")
        }
        return nil
    }

    /// Every matrix of `q` is n×s (n and s from the first), v is n×e; n, s, e >= 1.
    static func validateQKV(q: [(String, [[Double]])], v: [[Double]]) -> CaseProblem? {
        let (firstName, first) = q[0]
        let n = first.count
        if n == 0 { return CaseProblem(field: firstName, message: "must have at least one row (n >= 1)") }
        if n > 20_000 { return CaseProblem(field: firstName, message: "at most 20000 rows, got \(n)") }
        let s = first[0].count
        if s == 0 { return CaseProblem(field: "\(firstName)[0]", message: "must have s >= 1 values") }
        for (name, m) in q {
            let meaning = name == firstName ? "n×s" : "n×s, like \(firstName)"
            if let p = validateRows(m, name, rows: n, cols: s, meaning: meaning) { return p }
        }
        guard let e = v.first?.count, e > 0 else {
            return CaseProblem(field: v.isEmpty ? "v" : "v[0]", message: "must be n×e = \(n)×e with e >= 1")
        }
        return validateRows(v, "v", rows: n, cols: e, meaning: "n×e")
    }

    /// d from x, e from wu, s from wz; every other shape follows.
    @Sendable static func validateGAU(_ c: GAUCase) -> CaseProblem? {
        let n = c.x.count
        if n == 0 { return CaseProblem(field: "x", message: "must have at least one row (n >= 1)") }
        if n > 2000 { return CaseProblem(field: "x", message: "at most 2000 rows, got \(n)") }
        let d = c.x[0].count
        if d == 0 { return CaseProblem(field: "x[0]", message: "must have d >= 1 values") }
        if let p = validateRows(c.x, "x", rows: n, cols: d, meaning: "n×d") { return p }
        guard let e = c.wu.first?.count, e > 0 else { return CaseProblem(field: "wu", message: "must be d×e = \(d)×e with e >= 1") }
        guard let s = c.wz.first?.count, s > 0 else { return CaseProblem(field: "wz", message: "must be d×s = \(d)×s with s >= 1") }
        let checks: [CaseProblem?] = [
            validateRows(c.wu, "wu", rows: d, cols: e, meaning: "d×e"),
            validateValues(c.bu, "bu", count: e, meaning: "e"),
            validateRows(c.wv, "wv", rows: d, cols: e, meaning: "d×e, like wu"),
            validateValues(c.bv, "bv", count: e, meaning: "e"),
            validateRows(c.wz, "wz", rows: d, cols: s, meaning: "d×s"),
            validateValues(c.bz, "bz", count: s, meaning: "s"),
            validateValues(c.gammaQ, "gammaQ", count: s, meaning: "s"),
            validateValues(c.betaQ, "betaQ", count: s, meaning: "s"),
            validateValues(c.gammaK, "gammaK", count: s, meaning: "s"),
            validateValues(c.betaK, "betaK", count: s, meaning: "s"),
            validateRows(c.wo, "wo", rows: e, cols: d, meaning: "e×d"),
            validateValues(c.bo, "bo", count: d, meaning: "d"),
        ]
        return checks.lazy.compactMap { $0 }.first
    }

    @Sendable static func validateChunk(_ c: ChunkCase) -> CaseProblem? {
        if let p = validateQKV(q: [("quadQ", c.quadQ), ("quadK", c.quadK), ("linQ", c.linQ), ("linK", c.linK)], v: c.v) {
            return p
        }
        let n = c.quadQ.count
        if c.chunk < 1 { return CaseProblem(field: "chunk", message: "must be >= 1, got \(c.chunk)") }
        if n % c.chunk != 0 {
            return CaseProblem(field: "chunk", message: "must divide n = \(n) (the number of rows of quadQ), got \(c.chunk)")
        }
        return nil
    }

    static func weights(_ c: GAUCase) -> FLASH.GAUWeights {
        FLASH.GAUWeights(wu: matrix(c.wu), bu: c.bu, wv: matrix(c.wv), bv: c.bv, wz: matrix(c.wz), bz: c.bz,
                         gammaQ: c.gammaQ, betaQ: c.betaQ, gammaK: c.gammaK, betaK: c.betaK,
                         wo: matrix(c.wo), bo: c.bo)
    }

    // MARK: cases

    static func rows(_ rng: inout SeededRandom, _ r: Int, _ c: Int, _ scale: Double = 1) -> [[Double]] {
        RNNExercises.rows(&rng, r, c, scale)
    }
    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        RNNExercises.vector(&rng, n, scale)
    }

    /// The lesson's relu² example: q = k = [[1], [2]], v = [[1], [10]].
    static let lessonReLU2 = ReLU2Case(q: [[1], [2]], k: [[1], [2]], v: [[1], [10]], causal: false)

    static func relu2Groups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ReLU2Case>] {
        var causalLesson = lessonReLU2
        causalLesson.causal = true
        let examples = [lessonReLU2, causalLesson]
        let edges = [
            ReLU2Case(q: [[3, -1]], k: [[2, 2]], v: [[1, -1, 2]], causal: false),                // n = 1
            ReLU2Case(q: [[1], [-1]], k: [[-1], [1]], v: [[5], [7]], causal: false),             // negative scores vanish
            ReLU2Case(q: [[1], [-1]], k: [[-1], [1]], v: [[5], [7]], causal: true),
            ReLU2Case(q: [[0, 0], [0, 0], [0, 0]], k: [[1, 1], [1, 1], [1, 1]], v: [[1], [2], [3]], causal: false),  // zero queries
            ReLU2Case(q: [[2], [2], [2]], k: [[3], [3], [3]], v: [[1], [1], [1]], causal: true),   // rows are not normalised
        ]
        var hidden: [ReLU2Case] = []
        for index in 0..<40 {
            let big = index >= 30
            let n = rng.int(in: 1...(big ? 40 : 6)), s = rng.int(in: 1...(big ? 8 : 3)), e = rng.int(in: 1...(big ? 8 : 3))
            let scale = index % 4 == 0 ? 4.0 : 1.5
            hidden.append(ReLU2Case(q: rows(&rng, n, s, scale), k: rows(&rng, n, s, scale), v: rows(&rng, n, e, 2),
                                    causal: index % 2 == 1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's GAU example: d = e = s = 1, every weight 1 and every bias 0.
    static let lessonGAU = GAUCase(x: [[1], [2]], wu: [[1]], bu: [0], wv: [[1]], bv: [0], wz: [[1]], bz: [0],
                                   gammaQ: [1], betaQ: [0], gammaK: [1], betaK: [0], wo: [[1]], bo: [0], causal: false)

    static func randomGAU(_ rng: inout SeededRandom, n: Int, d: Int, e: Int, s: Int, causal: Bool, scale: Double = 1) -> GAUCase {
        GAUCase(x: rows(&rng, n, d, 2), wu: rows(&rng, d, e, scale), bu: vector(&rng, e, 0.5),
                wv: rows(&rng, d, e, scale), bv: vector(&rng, e, 0.5), wz: rows(&rng, d, s, scale), bz: vector(&rng, s, 0.5),
                gammaQ: vector(&rng, s, 2), betaQ: vector(&rng, s, 0.5), gammaK: vector(&rng, s, 2), betaK: vector(&rng, s, 0.5),
                wo: rows(&rng, e, d, scale), bo: vector(&rng, d, 0.5), causal: causal)
    }

    static func gauGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<GAUCase>] {
        var causalLesson = lessonGAU
        causalLesson.causal = true
        var edges: [GAUCase] = []
        var one = lessonGAU                                      // n = 1
        one.x = [[0.5]]
        edges.append(one)
        var shut = lessonGAU                                     // the gate closed: u = silu(-30) ≈ 0
        shut.bu = [-30]
        edges.append(shut)
        var offsets = lessonGAU                                  // γ = 0: q and k are the offsets β alone
        offsets.gammaQ = [0]; offsets.gammaK = [0]; offsets.betaQ = [1]; offsets.betaK = [-2]
        edges.append(offsets)
        edges.append(GAUCase(x: [[1, -1], [0.5, 2], [-1, 0]], wu: [[1, 0, 1], [0, 1, -1]], bu: [0, 0.1, 0],
                             wv: [[0.5, 0.5, 0], [1, -1, 0.5]], bv: [0, 0, 0.2], wz: [[1], [-1]], bz: [0.1],
                             gammaQ: [1.5], betaQ: [0.1], gammaK: [0.5], betaK: [-0.1],
                             wo: [[1, 0], [0, 1], [1, 1]], bo: [0.5, -0.5], causal: true))   // d = 2, e = 3, s = 1
        var hidden: [GAUCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomGAU(&rng, n: rng.int(in: 1...(big ? 24 : 5)), d: rng.int(in: 1...(big ? 8 : 3)),
                                    e: rng.int(in: 1...(big ? 10 : 4)), s: rng.int(in: 1...(big ? 6 : 3)),
                                    causal: index % 2 == 1, scale: index % 4 == 0 ? 2 : 0.8))
        }
        return [TypedCaseGroup(.example, [lessonGAU, causalLesson]), TypedCaseGroup(.edge, edges),
                TypedCaseGroup(.hidden, hidden)]
    }

    static func randomChunk(_ rng: inout SeededRandom, n: Int, s: Int, e: Int, chunk: Int, causal: Bool,
                            scale: Double = 1.5) -> ChunkCase {
        ChunkCase(quadQ: rows(&rng, n, s, scale), quadK: rows(&rng, n, s, scale), linQ: rows(&rng, n, s, scale),
                  linK: rows(&rng, n, s, scale), v: rows(&rng, n, e, 2), chunk: chunk, causal: causal)
    }

    /// The lesson's mixed-chunk example: n = 4, c = 2, s = e = 1.
    static let lessonChunk = ChunkCase(quadQ: [[1], [1], [2], [0]], quadK: [[1], [2], [1], [1]],
                                       linQ: [[1], [0], [1], [2]], linK: [[1], [1], [0], [1]],
                                       v: [[1], [2], [3], [4]], chunk: 2, causal: false)

    static func chunkGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ChunkCase>] {
        var causalLesson = lessonChunk
        causalLesson.causal = true
        var edges: [ChunkCase] = []
        for causal in [false, true] {
            var whole = lessonChunk; whole.chunk = 4; whole.causal = causal; edges.append(whole)     // one chunk: no global for causal
            var single = lessonChunk; single.chunk = 1; single.causal = causal; edges.append(single) // c = 1
        }
        edges.append(ChunkCase(quadQ: [[0.5, -1]], quadK: [[1, 1]], linQ: [[2, 0]], linK: [[1, -1]], v: [[3, -3]],
                               chunk: 1, causal: true))                                             // n = 1
        var zeroLinear = randomChunk(&rng, n: 6, s: 2, e: 2, chunk: 3, causal: true)                 // local only
        zeroLinear.linQ = zeroLinear.linQ.map { $0.map { _ in 0 } }
        edges.append(zeroLinear)
        var zeroQuad = randomChunk(&rng, n: 6, s: 2, e: 2, chunk: 2, causal: false)                  // global only
        zeroQuad.quadQ = zeroQuad.quadQ.map { $0.map { _ in 0 } }
        edges.append(zeroQuad)
        var hidden: [ChunkCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let chunk = rng.int(in: 1...(big ? 8 : 3)), chunks = rng.int(in: 1...(big ? 6 : 4))
            hidden.append(randomChunk(&rng, n: chunk * chunks, s: rng.int(in: 1...(big ? 6 : 3)),
                                      e: rng.int(in: 1...(big ? 6 : 3)), chunk: chunk, causal: index % 2 == 1,
                                      scale: index % 4 == 0 ? 3 : 1.5))
        }
        return [TypedCaseGroup(.example, [lessonChunk, causalLesson]), TypedCaseGroup(.edge, edges),
                TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    static func simpler(_ m: [[Double]]) -> [[Double]] { m.map { $0.map(RNNExercises.simpler) } }

    @Sendable static func shrinkReLU2(_ c: ReLU2Case) -> [ReLU2Case] {
        var out: [ReLU2Case] = []
        func add(_ v: ReLU2Case) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.q.count, s = c.q.first?.count ?? 0, e = c.v.first?.count ?? 0
        if n >= 2 {
            for range in [0..<(n / 2), 0..<(n - 1), 1..<n] {
                add(ReLU2Case(q: Array(c.q[range]), k: Array(c.k[range]), v: Array(c.v[range]), causal: c.causal))
            }
        }
        if s >= 2 {
            for j in 0..<min(s, 8) {
                add(ReLU2Case(q: RNNExercises.dropColumn(c.q, j), k: RNNExercises.dropColumn(c.k, j), v: c.v, causal: c.causal))
            }
        }
        if e >= 2 { for j in 0..<min(e, 8) { add(ReLU2Case(q: c.q, k: c.k, v: RNNExercises.dropColumn(c.v, j), causal: c.causal)) } }
        add(ReLU2Case(q: simpler(c.q), k: simpler(c.k), v: simpler(c.v), causal: c.causal))
        return out
    }

    @Sendable static func shrinkGAU(_ c: GAUCase) -> [GAUCase] {
        var out: [GAUCase] = []
        func add(_ v: GAUCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.x.count
        if n >= 2 {
            for range in [0..<(n / 2), 0..<(n - 1), 1..<n] { var v = c; v.x = Array(c.x[range]); add(v) }
        }
        var zeroBias = c
        zeroBias.bu = c.bu.map { _ in 0 }; zeroBias.bv = c.bv.map { _ in 0 }; zeroBias.bz = c.bz.map { _ in 0 }
        zeroBias.betaQ = c.betaQ.map { _ in 0 }; zeroBias.betaK = c.betaK.map { _ in 0 }; zeroBias.bo = c.bo.map { _ in 0 }
        add(zeroBias)
        var rounded = c
        rounded.x = simpler(c.x); rounded.wu = simpler(c.wu); rounded.wv = simpler(c.wv); rounded.wz = simpler(c.wz)
        rounded.wo = simpler(c.wo)
        add(rounded)
        return out
    }

    @Sendable static func shrinkChunk(_ c: ChunkCase) -> [ChunkCase] {
        var out: [ChunkCase] = []
        func add(_ v: ChunkCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.quadQ.count, s = c.quadQ.first?.count ?? 0, e = c.v.first?.count ?? 0
        func rowsOf(_ range: Range<Int>) -> ChunkCase {
            ChunkCase(quadQ: Array(c.quadQ[range]), quadK: Array(c.quadK[range]), linQ: Array(c.linQ[range]),
                      linK: Array(c.linK[range]), v: Array(c.v[range]), chunk: c.chunk, causal: c.causal)
        }
        // Whole chunks fewer: the first half of the chunks, the last chunk dropped, the first chunk dropped.
        let chunks = n / max(1, c.chunk)
        if chunks >= 2 {
            for range in [0..<((chunks / 2) * c.chunk), 0..<(n - c.chunk), c.chunk..<n] { add(rowsOf(range)) }
        }
        if s >= 2 {
            for j in 0..<min(s, 8) {
                var v = c
                v.quadQ = RNNExercises.dropColumn(c.quadQ, j); v.quadK = RNNExercises.dropColumn(c.quadK, j)
                v.linQ = RNNExercises.dropColumn(c.linQ, j); v.linK = RNNExercises.dropColumn(c.linK, j)
                add(v)
            }
        }
        if e >= 2 { for j in 0..<min(e, 8) { var v = c; v.v = RNNExercises.dropColumn(c.v, j); add(v) } }
        var rounded = c
        rounded.quadQ = simpler(c.quadQ); rounded.quadK = simpler(c.quadK); rounded.linQ = simpler(c.linQ)
        rounded.linK = simpler(c.linK); rounded.v = simpler(c.v)
        add(rounded)
        return out
    }

    static func encode(_ c: ChunkCase) -> JSONValue {
        let m = LinearAttentionExercises.rowsJSON
        return .object([("quadQ", m(c.quadQ)), ("quadK", m(c.quadK)), ("linQ", m(c.linQ)), ("linK", m(c.linK)),
                        ("v", m(c.v)), ("chunk", .int(c.chunk)), ("causal", .bool(c.causal))])
    }
}
