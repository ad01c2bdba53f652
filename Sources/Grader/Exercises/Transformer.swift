import Engine
import Tensor

/// The grader bindings of the Transformer lesson (see CATALOG.md, section 5).
///
/// Dense layers are `[in][out]`, applied as `x·W + b`. Matrices travel as
/// arrays of rows and the learner's signatures use `[[Double]]`.
enum TransformerExercises {
    static let all: [ExerciseSpec] = [softmax, attention, multiHead, positionalEncoding, layerNorm, encoderLayer]

    // MARK: case types (property names are the catalog's field names)

    struct SoftmaxCase: Codable, Sendable, Equatable { var x: [[Double]] }
    struct AttentionCase: Codable, Sendable, Equatable {
        var q: [[Double]], k: [[Double]], v: [[Double]], causal: Bool
    }
    struct MultiHeadCase: Codable, Sendable, Equatable {
        var x: [[Double]], wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]]
        var bq: [Double], bk: [Double], bv: [Double], bo: [Double]
        var heads: Int, causal: Bool
    }
    struct PositionalCase: Codable, Sendable, Equatable { var length: Int, dModel: Int }
    struct LayerNormCase: Codable, Sendable, Equatable {
        var x: [[Double]], gamma: [Double], beta: [Double], eps: Double
    }

    /// The parameters of an encoder layer: every field of `transformer/encoder-layer`
    /// except `x`. OadTR's `layer` object has exactly these fields.
    struct LayerFields: Codable, Sendable, Equatable {
        var wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]]
        var bq: [Double], bk: [Double], bv: [Double], bo: [Double]
        var heads: Int
        var w1: [[Double]], b1: [Double], w2: [[Double]], b2: [Double]
        var gamma1: [Double], beta1: [Double], gamma2: [Double], beta2: [Double]
        var normFirst: Bool

        var engine: Transformer.EncoderLayerWeights {
            Transformer.EncoderLayerWeights(
                attention: Transformer.MultiHeadWeights(wq: m(wq), wk: m(wk), wv: m(wv), wo: m(wo),
                                                        bq: bq, bk: bk, bv: bv, bo: bo),
                heads: heads, w1: m(w1), b1: b1, w2: m(w2), b2: b2,
                gamma1: gamma1, beta1: beta1, gamma2: gamma2, beta2: beta2, normFirst: normFirst)
        }
    }

    struct EncoderLayerCase: Codable, Sendable, Equatable {
        var x: [[Double]]
        var wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]]
        var bq: [Double], bk: [Double], bv: [Double], bo: [Double]
        var heads: Int
        var w1: [[Double]], b1: [Double], w2: [[Double]], b2: [Double]
        var gamma1: [Double], beta1: [Double], gamma2: [Double], beta2: [Double]
        var normFirst: Bool

        init(x: [[Double]], _ l: LayerFields) {
            self.x = x
            wq = l.wq; wk = l.wk; wv = l.wv; wo = l.wo; bq = l.bq; bk = l.bk; bv = l.bv; bo = l.bo
            heads = l.heads; w1 = l.w1; b1 = l.b1; w2 = l.w2; b2 = l.b2
            gamma1 = l.gamma1; beta1 = l.beta1; gamma2 = l.gamma2; beta2 = l.beta2; normFirst = l.normFirst
        }
        var layer: LayerFields {
            LayerFields(wq: wq, wk: wk, wv: wv, wo: wo, bq: bq, bk: bk, bv: bv, bo: bo, heads: heads,
                        w1: w1, b1: b1, w2: w2, b2: b2, gamma1: gamma1, beta1: beta1, gamma2: gamma2,
                        beta2: beta2, normFirst: normFirst)
        }
    }

    static func m(_ rows: [[Double]]) -> Matrix { RNNExercises.matrix(rows) }

    static let matrixType = "[[Double]]"
    static let projectionParameters: [Signature.Parameter] =
        ["wq", "wk", "wv", "wo"].map { Signature.Parameter($0, matrixType) }
        + ["bq", "bk", "bv", "bo"].map { Signature.Parameter($0, "[Double]") }
    /// Every field of an encoder layer except x, in catalog order.
    static let layerParameters: [Signature.Parameter] = projectionParameters + [
        .init("heads", "Int"), .init("w1", matrixType), .init("b1", "[Double]"), .init("w2", matrixType),
        .init("b2", "[Double]"), .init("gamma1", "[Double]"), .init("beta1", "[Double]"),
        .init("gamma2", "[Double]"), .init("beta2", "[Double]"), .init("normFirst", "Bool"),
    ]

    // MARK: specs

    static let softmax = ExerciseSpec.define(
        id: "transformer/softmax",
        signature: Signature(function: "softmaxRows", parameters: [.init("x", matrixType)], returns: matrixType),
        input: SoftmaxCase.self,
        validate: { c in
            if c.x.isEmpty { return CaseProblem(field: "x", message: "must have at least one row") }
            if c.x[0].isEmpty { return CaseProblem(field: "x[0]", message: "must have at least one value") }
            return validateMatrix(c.x, "x", rows: c.x.count, cols: c.x[0].count, meaning: "n×d")
        },
        reference: { c in Transformer.softmax(m(c.x)) },
        generate: { rng in softmaxGroups(&rng) },
        shrink: { c in shrinkRows(c.x).map(SoftmaxCase.init) })

    static let attention = ExerciseSpec.define(
        id: "transformer/attention",
        signature: Signature(function: "attention",
                             parameters: [.init("q", matrixType), .init("k", matrixType), .init("v", matrixType),
                                          .init("causal", "Bool")],
                             returns: matrixType),
        input: AttentionCase.self,
        validate: validateAttention,
        reference: { c in Transformer.attention(q: m(c.q), k: m(c.k), v: m(c.v), causal: c.causal) },
        generate: { rng in attentionGroups(&rng) },
        shrink: shrinkAttention,
        performance: PerformanceSpec(
            // n = m = 1024, d = e = 64 (the benchmark size): 1.3·10⁸ multiply-adds for an
            // O(n²·d) solution. These are the n = 1024 cases; a solution that recomputes the
            // softmax denominator per key (O(n³)) runs out of time here and is too_slow.
            cases: { rng in
                [encodeAttention(randomAttention(&rng, n: 1024, m: 1024, d: 64, e: 64, causal: false)),
                 encodeAttention(randomAttention(&rng, n: 1024, m: 1024, d: 64, e: 64, causal: true))]
            },
            // Doubling n at fixed d: attention grows like n², a cubic solution like n³.
            ladder: { rng in
                [128, 256, 512, 1024].map { n in
                    (n: n, input: encodeAttention(randomAttention(&rng, n: n, m: n, d: 64, e: 64, causal: false)))
                }
            },
            // A plain-Swift O(n²·d) solution (the lesson's) takes 10 to 20 times the
            // reference's vectorised kernel on this benchmark; the cubic one is a
            // thousand times slower. 40 separates the two with room for noise.
            slack: 40, sizeName: "n"))

    static let multiHead = ExerciseSpec.define(
        id: "transformer/multi-head",
        signature: Signature(function: "multiHeadAttention",
                             parameters: [.init("x", matrixType)] + projectionParameters
                                + [.init("heads", "Int"), .init("causal", "Bool")],
                             returns: matrixType),
        input: MultiHeadCase.self,
        validate: { c in
            if let p = validateInput(c.x, "x") { return p }
            return validateProjections(wq: c.wq, wk: c.wk, wv: c.wv, wo: c.wo, bq: c.bq, bk: c.bk, bv: c.bv,
                                       bo: c.bo, heads: c.heads, width: c.x[0].count, prefix: "")
        },
        reference: { c in
            Transformer.multiHead(x: m(c.x), weights: Transformer.MultiHeadWeights(
                wq: m(c.wq), wk: m(c.wk), wv: m(c.wv), wo: m(c.wo), bq: c.bq, bk: c.bk, bv: c.bv, bo: c.bo),
                                  heads: c.heads, causal: c.causal)
        },
        generate: { rng in multiHeadGroups(&rng) },
        shrink: shrinkMultiHead)

    static let positionalEncoding = ExerciseSpec.define(
        id: "transformer/positional-encoding",
        signature: Signature(function: "positionalEncoding",
                             parameters: [.init("length", "Int"), .init("dModel", "Int")], returns: matrixType),
        input: PositionalCase.self,
        validate: { c in
            if c.length < 1 || c.length > 10_000 {
                return CaseProblem(field: "length", message: "must be from 1 to 10000, got \(c.length)")
            }
            if c.dModel < 2 || c.dModel > 4096 || c.dModel % 2 != 0 {
                return CaseProblem(field: "dModel", message: "must be even (sin and cos come in pairs), from 2 to 4096, got \(c.dModel)")
            }
            return nil
        },
        reference: { c in Transformer.positionalEncoding(length: c.length, dModel: c.dModel) },
        generate: { rng in positionalGroups(&rng) },
        shrink: { c in
            var out: [PositionalCase] = []
            if c.length > 1 { out += [PositionalCase(length: c.length / 2, dModel: c.dModel), PositionalCase(length: c.length - 1, dModel: c.dModel)] }
            if c.dModel > 2 {
                out.append(PositionalCase(length: c.length, dModel: max(2, c.dModel / 4 * 2)))
                out.append(PositionalCase(length: c.length, dModel: c.dModel - 2))
            }
            return out.filter { $0 != c }
        })

    static let layerNorm = ExerciseSpec.define(
        id: "transformer/layer-norm",
        signature: Signature(function: "layerNorm",
                             parameters: [.init("x", matrixType), .init("gamma", "[Double]"), .init("beta", "[Double]"),
                                          .init("eps", "Double")],
                             returns: matrixType),
        input: LayerNormCase.self,
        validate: { c in
            if let p = validateInput(c.x, "x") { return p }
            let d = c.x[0].count
            if let p = validateVector(c.gamma, "gamma", count: d, meaning: "d") { return p }
            if let p = validateVector(c.beta, "beta", count: d, meaning: "d") { return p }
            if !c.eps.isFinite || c.eps <= 0 { return CaseProblem(field: "eps", message: "must be a finite number > 0, got \(c.eps)") }
            return nil
        },
        reference: { c in Transformer.layerNorm(m(c.x), gamma: c.gamma, beta: c.beta, eps: c.eps) },
        generate: { rng in layerNormGroups(&rng) },
        shrink: shrinkLayerNorm)

    static let encoderLayer = ExerciseSpec.define(
        id: "transformer/encoder-layer",
        signature: Signature(function: "encoderLayer", parameters: [.init("x", matrixType)] + layerParameters,
                             returns: matrixType),
        input: EncoderLayerCase.self,
        validate: { c in
            if let p = validateInput(c.x, "x") { return p }
            return validateLayer(c.layer, width: c.x[0].count, prefix: "")
        },
        reference: { c in Transformer.encoderLayer(m(c.x), c.layer.engine) },
        generate: { rng in encoderLayerGroups(&rng) },
        shrink: shrinkEncoderLayer)

    // MARK: validation

    static func validateMatrix(_ rows: [[Double]], _ field: String, rows count: Int, cols: Int, meaning: String) -> CaseProblem? {
        RNNExercises.validateMatrix(rows, field, rows: count, cols: cols, meaning: meaning)
    }
    static func validateVector(_ v: [Double], _ field: String, count: Int, meaning: String) -> CaseProblem? {
        if let p = RNNExercises.validateVector(v, field, count: count, meaning: meaning) { return p }
        if let k = v.firstIndex(where: { !$0.isFinite }) { return CaseProblem(field: "\(field)[\(k)]", message: "must be a finite number") }
        return nil
    }

    /// A non-empty, rectangular n×E input of finite numbers, at most 4096 rows.
    static func validateInput(_ x: [[Double]], _ field: String, meaning: String = "n×E") -> CaseProblem? {
        if x.isEmpty { return CaseProblem(field: field, message: "must have at least one row (\(meaning))") }
        if x.count > 4096 { return CaseProblem(field: field, message: "at most 4096 rows, got \(x.count)") }
        if x[0].isEmpty { return CaseProblem(field: "\(field)[0]", message: "must have at least one value (\(meaning))") }
        return validateMatrix(x, field, rows: x.count, cols: x[0].count, meaning: meaning)
    }

    @Sendable static func validateAttention(_ c: AttentionCase) -> CaseProblem? {
        if let p = validateInput(c.q, "q", meaning: "n×d") { return p }
        let d = c.q[0].count
        if c.k.isEmpty { return CaseProblem(field: "k", message: "must have at least one row (m×d, m >= 1)") }
        if c.k.count > 4096 { return CaseProblem(field: "k", message: "at most 4096 rows, got \(c.k.count)") }
        if let p = validateMatrix(c.k, "k", rows: c.k.count, cols: d, meaning: "m×d, with d = \(d) from q") { return p }
        if c.v.count != c.k.count {
            return CaseProblem(field: "v", message: "must have m = \(c.k.count) rows like k, got \(c.v.count)")
        }
        if c.v[0].isEmpty { return CaseProblem(field: "v[0]", message: "must have at least one value (v is m×e)") }
        return validateMatrix(c.v, "v", rows: c.k.count, cols: c.v[0].count, meaning: "m×e")
    }

    /// wq, wk, wv, wo are E×E, the biases have E values, heads divides E.
    static func validateProjections(wq: [[Double]], wk: [[Double]], wv: [[Double]], wo: [[Double]],
                                    bq: [Double], bk: [Double], bv: [Double], bo: [Double],
                                    heads: Int, width: Int, prefix: String) -> CaseProblem? {
        for (name, w) in [("wq", wq), ("wk", wk), ("wv", wv), ("wo", wo)] {
            if let p = validateMatrix(w, prefix + name, rows: width, cols: width, meaning: "E×E") { return p }
        }
        for (name, b) in [("bq", bq), ("bk", bk), ("bv", bv), ("bo", bo)] {
            if let p = validateVector(b, prefix + name, count: width, meaning: "E") { return p }
        }
        if heads < 1 || width % heads != 0 {
            return CaseProblem(field: prefix + "heads", message: "must be >= 1 and divide E = \(width), got \(heads)")
        }
        return nil
    }

    /// Every field of an encoder layer for inputs of width E; `prefix` is "layer." inside OadTR's stream.
    static func validateLayer(_ l: LayerFields, width: Int, prefix: String) -> CaseProblem? {
        if let p = validateProjections(wq: l.wq, wk: l.wk, wv: l.wv, wo: l.wo, bq: l.bq, bk: l.bk, bv: l.bv, bo: l.bo,
                                       heads: l.heads, width: width, prefix: prefix) { return p }
        let hidden = l.w1.first?.count ?? 0
        if hidden < 1 { return CaseProblem(field: prefix + "w1", message: "must be E×F with E = \(width) rows and F >= 1 columns") }
        if let p = validateMatrix(l.w1, prefix + "w1", rows: width, cols: hidden, meaning: "E×F") { return p }
        if let p = validateVector(l.b1, prefix + "b1", count: hidden, meaning: "F") { return p }
        if let p = validateMatrix(l.w2, prefix + "w2", rows: hidden, cols: width, meaning: "F×E") { return p }
        for (name, v) in [("b2", l.b2), ("gamma1", l.gamma1), ("beta1", l.beta1), ("gamma2", l.gamma2), ("beta2", l.beta2)] {
            if let p = validateVector(v, prefix + name, count: width, meaning: "E") { return p }
        }
        return nil
    }

    // MARK: cases

    static func value(_ rng: inout SeededRandom, _ scale: Double) -> Double { RNNExercises.value(&rng, scale) }
    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        RNNExercises.vector(&rng, n, scale)
    }
    static func rows(_ rng: inout SeededRandom, _ r: Int, _ c: Int, _ scale: Double = 1) -> [[Double]] {
        RNNExercises.rows(&rng, r, c, scale)
    }

    static func softmaxGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<SoftmaxCase>] {
        let examples = [SoftmaxCase(x: [[1, 2, 3]]), SoftmaxCase(x: [[0, 0], [0, 2]])]
        let edges = [
            SoftmaxCase(x: [[5]]),                                  // one value: weight 1
            SoftmaxCase(x: [[1000, 1000]]),                         // e^1000 overflows without the shift
            SoftmaxCase(x: [[10_000, -10_000, 9_999]]),             // the catalog's ±1e4
            SoftmaxCase(x: [[-10_000, -10_000, -10_000]]),          // everything tiny: still sums to 1
            SoftmaxCase(x: [[-800, -801]]),                         // e^-800 underflows to 0 without the shift
            SoftmaxCase(x: [[3, 3, 3, 3], [-1, -1, -1, -1]]),       // equal values: uniform
            SoftmaxCase(x: [[0, -1e300]]),                          // a "masked" entry
        ]
        var hidden: [SoftmaxCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let scale = [1.0, 5, 50, 10_000][index % 4]
            hidden.append(SoftmaxCase(x: rows(&rng, rng.int(in: 1...(big ? 20 : 4)), rng.int(in: 1...(big ? 30 : 6)), scale)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's hand-worked example: two tokens, d = 2; scores 1 and 0 (scaled by 1/√2).
    static let lessonAttention = AttentionCase(q: [[1, 0], [0, 1]], k: [[1, 0], [0, 1]], v: [[1, 2], [3, 4]], causal: false)

    static func randomAttention(_ rng: inout SeededRandom, n: Int, m: Int, d: Int, e: Int, causal: Bool,
                                scale: Double = 1) -> AttentionCase {
        AttentionCase(q: rows(&rng, n, d, scale), k: rows(&rng, m, d, scale), v: rows(&rng, m, e, 2), causal: causal)
    }

    static func attentionGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<AttentionCase>] {
        var causalLesson = lessonAttention
        causalLesson.causal = true
        let examples = [lessonAttention, causalLesson]
        var edges = [
            AttentionCase(q: [[0.5]], k: [[2]], v: [[7, -1]], causal: false),                       // one key: v itself
            AttentionCase(q: [[1, 1], [2, 2], [3, 3]], k: [[0, 0], [0, 0], [0, 0]],
                          v: [[1], [2], [6]], causal: false),                                       // equal scores: the mean
            AttentionCase(q: [[1, 1], [2, 2], [3, 3]], k: [[0, 0], [0, 0], [0, 0]],
                          v: [[1], [2], [6]], causal: true),                                        // running means
            AttentionCase(q: [[1], [1]], k: [[1], [2], [3], [4]], v: [[1], [2], [3], [4]], causal: true),   // n < m: top-left
            AttentionCase(q: [[1], [1], [1], [1]], k: [[1], [2]], v: [[10], [20]], causal: true),          // n > m
            AttentionCase(q: [[100, 0]], k: [[100, 0], [-100, 0], [99, 0]], v: [[1], [2], [3]], causal: false), // huge scores
        ]
        edges.append(randomAttention(&rng, n: 300, m: 300, d: 64, e: 16, causal: true))                // a larger causal case
        var hidden: [AttentionCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let n = rng.int(in: 1...(big ? 40 : 6)), d = rng.int(in: 1...(big ? 16 : 4)), e = rng.int(in: 1...(big ? 8 : 3))
            let m = index % 3 == 0 ? rng.int(in: 1...(big ? 40 : 6)) : n
            hidden.append(randomAttention(&rng, n: n, m: m, d: d, e: e, causal: index % 2 == 1, scale: index % 5 == 0 ? 4 : 1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomLayer(_ rng: inout SeededRandom, width: Int, heads: Int, hidden: Int, normFirst: Bool) -> LayerFields {
        let s = 1 / Double(width).squareRoot()
        return LayerFields(
            wq: rows(&rng, width, width, s), wk: rows(&rng, width, width, s), wv: rows(&rng, width, width, s),
            wo: rows(&rng, width, width, s), bq: vector(&rng, width, 0.2), bk: vector(&rng, width, 0.2),
            bv: vector(&rng, width, 0.2), bo: vector(&rng, width, 0.2), heads: heads,
            w1: rows(&rng, width, hidden, s), b1: vector(&rng, hidden, 0.2),
            w2: rows(&rng, hidden, width, 1 / Double(hidden).squareRoot()), b2: vector(&rng, width, 0.2),
            gamma1: (0..<width).map { _ in 1 + value(&rng, 0.3) }, beta1: vector(&rng, width, 0.2),
            gamma2: (0..<width).map { _ in 1 + value(&rng, 0.3) }, beta2: vector(&rng, width, 0.2),
            normFirst: normFirst)
    }

    static func randomMultiHead(_ rng: inout SeededRandom, n: Int, heads: Int, size: Int, causal: Bool) -> MultiHeadCase {
        let l = randomLayer(&rng, width: heads * size, heads: heads, hidden: 1, normFirst: false)
        return MultiHeadCase(x: rows(&rng, n, heads * size), wq: l.wq, wk: l.wk, wv: l.wv, wo: l.wo,
                             bq: l.bq, bk: l.bk, bv: l.bv, bo: l.bo, heads: heads, causal: causal)
    }

    static func identity(_ n: Int) -> [[Double]] { (0..<n).map { r in (0..<n).map { $0 == r ? 1 : 0 } } }
    static func zeros(_ n: Int) -> [Double] { Array(repeating: 0, count: n) }

    /// Identity projections, no biases: multi-head is per-slice attention of x with itself.
    static func plainMultiHead(x: [[Double]], heads: Int, causal: Bool) -> MultiHeadCase {
        let w = x[0].count
        return MultiHeadCase(x: x, wq: identity(w), wk: identity(w), wv: identity(w), wo: identity(w),
                             bq: zeros(w), bk: zeros(w), bv: zeros(w), bo: zeros(w), heads: heads, causal: causal)
    }

    static func multiHeadGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<MultiHeadCase>] {
        let tokens: [[Double]] = [[1, 0, 0, 1], [0, 1, 1, 0]]
        let examples = [plainMultiHead(x: tokens, heads: 1, causal: false), plainMultiHead(x: tokens, heads: 2, causal: false)]
        var edges = [
            plainMultiHead(x: [[0.5, -0.5]], heads: 2, causal: false),                     // one token
            plainMultiHead(x: [[1, 2, 3], [3, 2, 1], [0, 1, 0]], heads: 3, causal: true),  // D = 1, causal
            randomMultiHead(&rng, n: 5, heads: 4, size: 1, causal: false),                 // heads = E
            randomMultiHead(&rng, n: 3, heads: 1, size: 5, causal: true),                  // heads = 1
        ]
        var swapped = randomMultiHead(&rng, n: 4, heads: 2, size: 2, causal: false)
        swapped.bo = [5, -5, 0, 1]                                                         // output bias shows
        edges.append(swapped)
        var hidden: [MultiHeadCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomMultiHead(&rng, n: rng.int(in: 1...(big ? 24 : 5)), heads: rng.int(in: 1...(big ? 4 : 3)),
                                          size: rng.int(in: 1...(big ? 6 : 3)), causal: index % 2 == 0))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func positionalGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<PositionalCase>] {
        let examples = [PositionalCase(length: 3, dModel: 4), PositionalCase(length: 2, dModel: 2)]
        let edges = [PositionalCase(length: 1, dModel: 2), PositionalCase(length: 1, dModel: 512),
                     PositionalCase(length: 100, dModel: 6), PositionalCase(length: 50, dModel: 128)]
        var hidden: [PositionalCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(PositionalCase(length: rng.int(in: 1...(big ? 200 : 12)), dModel: 2 * rng.int(in: 1...(big ? 64 : 6))))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func layerNormGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<LayerNormCase>] {
        let examples = [
            LayerNormCase(x: [[1, 2, 3]], gamma: [1, 1, 1], beta: [0, 0, 0], eps: 1e-5),
            LayerNormCase(x: [[1, 2, 3], [4, 0, 8]], gamma: [2, 1, 0.5], beta: [0, 1, -1], eps: 1e-5),
        ]
        let edges = [
            LayerNormCase(x: [[7]], gamma: [3], beta: [0.5], eps: 1e-5),                        // d = 1: only beta is left
            LayerNormCase(x: [[4, 4, 4, 4]], gamma: [1, 2, 3, 4], beta: [0, 1, 0, 1], eps: 1e-5),  // zero variance
            LayerNormCase(x: [[1000, 1001, 1002]], gamma: [1, 1, 1], beta: [0, 0, 0], eps: 1e-5),  // large mean
            LayerNormCase(x: [[1, -1]], gamma: [1, 1], beta: [0, 0], eps: 1),                      // eps not negligible
            LayerNormCase(x: [[1e-3, -1e-3, 0]], gamma: [1, 1, 1], beta: [0, 0, 0], eps: 1e-5),    // variance below eps
        ]
        var hidden: [LayerNormCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let n = rng.int(in: 1...(big ? 20 : 4)), d = rng.int(in: 1...(big ? 32 : 6))
            let offset = index % 4 == 0 ? value(&rng, 50) : 0
            hidden.append(LayerNormCase(x: rows(&rng, n, d, index % 3 == 0 ? 10 : 1).map { $0.map { $0 + offset } },
                                        gamma: (0..<d).map { _ in 1 + value(&rng, 0.5) }, beta: vector(&rng, d, 0.5),
                                        eps: index % 5 == 0 ? 0.1 : 1e-5))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's encoder example: E = 2, one head, identity attention
    /// projections, a feed-forward that is the identity on positive values,
    /// gamma 1, beta 0.
    static func lessonLayer(normFirst: Bool) -> LayerFields {
        LayerFields(wq: identity(2), wk: identity(2), wv: identity(2), wo: identity(2),
                    bq: zeros(2), bk: zeros(2), bv: zeros(2), bo: zeros(2), heads: 1,
                    w1: identity(2), b1: zeros(2), w2: identity(2), b2: zeros(2),
                    gamma1: [1, 1], beta1: zeros(2), gamma2: [1, 1], beta2: zeros(2), normFirst: normFirst)
    }

    static func encoderLayerGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<EncoderLayerCase>] {
        let x: [[Double]] = [[1, 0], [0, 2]]
        let examples = [EncoderLayerCase(x: x, lessonLayer(normFirst: false)), EncoderLayerCase(x: x, lessonLayer(normFirst: true))]
        var edges: [EncoderLayerCase] = [
            EncoderLayerCase(x: [[0.3, -0.7, 1.1]], randomLayer(&rng, width: 3, heads: 3, hidden: 1, normFirst: false)),  // one token, F = 1
            EncoderLayerCase(x: [[0.3, -0.7, 1.1]], randomLayer(&rng, width: 3, heads: 1, hidden: 5, normFirst: true)),
        ]
        // A feed-forward that only sees negative pre-activations: the ReLU zeroes it.
        var dead = randomLayer(&rng, width: 4, heads: 2, hidden: 3, normFirst: true)
        dead.b1 = [-100, -100, -100]
        edges.append(EncoderLayerCase(x: rows(&rng, 3, 4), dead))
        edges.append(EncoderLayerCase(x: rows(&rng, 6, 4, 5), randomLayer(&rng, width: 4, heads: 4, hidden: 8, normFirst: false)))
        var hidden: [EncoderLayerCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let heads = rng.int(in: 1...(big ? 4 : 2)), size = rng.int(in: 1...(big ? 4 : 3))
            let layer = randomLayer(&rng, width: heads * size, heads: heads, hidden: rng.int(in: 1...(big ? 16 : 6)),
                                    normFirst: index % 2 == 0)
            hidden.append(EncoderLayerCase(x: rows(&rng, rng.int(in: 1...(big ? 16 : 5)), heads * size, 2), layer))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// A large attention case as JSON built directly (the generic encoder is slow on 2·10⁵ numbers).
    static func encodeAttention(_ c: AttentionCase) -> JSONValue {
        func matrix(_ rows: [[Double]]) -> JSONValue { .array(rows.map { .array($0.map(JSONValue.double)) }) }
        return .object([("q", matrix(c.q)), ("k", matrix(c.k)), ("v", matrix(c.v)), ("causal", .bool(c.causal))])
    }

    // MARK: shrinking

    static func simpler(_ v: Double) -> Double { RNNExercises.simpler(v) }
    static func dropColumn(_ m: [[Double]], _ k: Int) -> [[Double]] { RNNExercises.dropColumn(m, k) }

    /// Fewer rows, fewer columns, rounded values.
    static func shrinkRows(_ x: [[Double]]) -> [[[Double]]] {
        var out: [[[Double]]] = []
        func add(_ v: [[Double]]) { if v != x && !v.isEmpty && !v[0].isEmpty && !out.contains(v) { out.append(v) } }
        if x.count >= 2 { add(Array(x[..<(x.count / 2)])); add(Array(x.dropFirst())); add(Array(x.dropLast())) }
        let cols = x.first?.count ?? 0
        if cols >= 2 { for k in 0..<min(cols, 8) { add(dropColumn(x, k)) } }
        add(x.map { $0.map(simpler) })
        return out
    }

    @Sendable static func shrinkAttention(_ c: AttentionCase) -> [AttentionCase] {
        var out: [AttentionCase] = []
        func add(_ v: AttentionCase) { if v != c && validateAttention(v) == nil && !out.contains(v) { out.append(v) } }
        let n = c.q.count, m = c.k.count
        if n >= 2 { var v = c; v.q = Array(c.q[..<(n / 2)]); add(v); v.q = Array(c.q.dropLast()); add(v) }
        if m >= 2 {
            var v = c; v.k = Array(c.k[..<(m / 2)]); v.v = Array(c.v[..<(m / 2)]); add(v)
            v = c; v.k = Array(c.k.dropLast()); v.v = Array(c.v.dropLast()); add(v)
        }
        let d = c.q.first?.count ?? 0, e = c.v.first?.count ?? 0
        if d >= 2 { for j in 0..<min(d, 4) { var v = c; v.q = dropColumn(c.q, j); v.k = dropColumn(c.k, j); add(v) } }
        if e >= 2 { for j in 0..<min(e, 4) { var v = c; v.v = dropColumn(c.v, j); add(v) } }
        var rounded = c
        rounded.q = c.q.map { $0.map(simpler) }; rounded.k = c.k.map { $0.map(simpler) }; rounded.v = c.v.map { $0.map(simpler) }
        add(rounded)
        return out
    }

    @Sendable static func shrinkMultiHead(_ c: MultiHeadCase) -> [MultiHeadCase] {
        var out: [MultiHeadCase] = []
        func add(_ v: MultiHeadCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.x.count
        if n >= 2 { var v = c; v.x = Array(c.x[..<(n / 2)]); add(v); v.x = Array(c.x.dropLast()); add(v) }
        if c.heads >= 2 { var v = c; v.heads = 1; add(v) }
        var zeroBias = c
        let w = c.bq.count
        zeroBias.bq = zeros(w); zeroBias.bk = zeros(w); zeroBias.bv = zeros(w); zeroBias.bo = zeros(w)
        add(zeroBias)
        var plain = c; plain.causal = false; add(plain)
        var rounded = c
        rounded.x = c.x.map { $0.map(simpler) }
        for path in [\MultiHeadCase.wq, \.wk, \.wv, \.wo] { rounded[keyPath: path] = c[keyPath: path].map { $0.map(simpler) } }
        add(rounded)
        return out
    }

    @Sendable static func shrinkLayerNorm(_ c: LayerNormCase) -> [LayerNormCase] {
        var out: [LayerNormCase] = []
        func add(_ v: LayerNormCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.x.count, d = c.gamma.count
        if n >= 2 { var v = c; v.x = Array(c.x[..<(n / 2)]); add(v); v.x = Array(c.x.dropFirst()); add(v) }
        if d >= 2 {
            for k in 0..<min(d, 6) {
                var v = c; v.x = dropColumn(c.x, k); v.gamma.remove(at: k); v.beta.remove(at: k); add(v)
            }
        }
        var plain = c; plain.gamma = Array(repeating: 1, count: d); plain.beta = zeros(d); add(plain)
        var rounded = c; rounded.x = c.x.map { $0.map(simpler) }; add(rounded)
        return out
    }

    @Sendable static func shrinkEncoderLayer(_ c: EncoderLayerCase) -> [EncoderLayerCase] {
        var out: [EncoderLayerCase] = []
        func add(_ v: EncoderLayerCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.x.count
        if n >= 2 { var v = c; v.x = Array(c.x[..<(n / 2)]); add(v); v.x = Array(c.x.dropLast()); add(v) }
        if c.heads >= 2 { var v = c; v.heads = 1; add(v) }
        let hidden = c.b1.count
        if hidden >= 2 {
            for j in 0..<min(hidden, 4) {
                var v = c; v.w1 = dropColumn(c.w1, j); v.b1.remove(at: j); v.w2.remove(at: j); add(v)
            }
        }
        var rounded = c; rounded.x = c.x.map { $0.map(simpler) }; add(rounded)
        return out
    }
}
