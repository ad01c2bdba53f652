import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 4).
///
/// Matrices travel as arrays of rows in PyTorch's `[out][in]` layout; the
/// learner's signatures use `[[Double]]` so no Tensor knowledge is needed.
enum RNNExercises {
    static let all: [ExerciseSpec] = [forward, bptt, lstmCell, gruCell, clipGradNorm]

    // MARK: case types (property names are the catalog's field names)

    struct ForwardCase: Codable, Sendable, Equatable {
        var xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double], h0: [Double]
    }
    struct BPTTCase: Codable, Sendable, Equatable {
        var xs: [[Double]], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double], h0: [Double]
        var dhs: [[Double]]
        var forward: ForwardCase { ForwardCase(xs: xs, wih: wih, whh: whh, bih: bih, bhh: bhh, h0: h0) }
        init(_ f: ForwardCase, dhs: [[Double]]) {
            xs = f.xs; wih = f.wih; whh = f.whh; bih = f.bih; bhh = f.bhh; h0 = f.h0; self.dhs = dhs
        }
    }
    struct LSTMCase: Codable, Sendable, Equatable {
        var x: [Double], h: [Double], c: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]
    }
    struct GRUCase: Codable, Sendable, Equatable {
        var x: [Double], h: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double]
    }
    struct ClipCase: Codable, Sendable, Equatable { var grads: [[Double]]; var maxNorm: Double }

    // MARK: result types compiled into the harness, generated from the Engine's own types

    static let gradientsType = LearnerType.declaration(
        of: RNN.Gradients(dwih: Matrix(rows: 0, cols: 0), dwhh: Matrix(rows: 0, cols: 0), dbih: [], dbhh: [],
                          dh0: [], dxs: Matrix(rows: 0, cols: 0)),
        named: "BPTTGradients",
        notes: ["dwih": "H×I", "dwhh": "H×H", "dbih": "H", "dbhh": "H", "dh0": "H", "dxs": "T×I"])
    static let lstmStateType = LearnerType.declaration(of: RNN.LSTMState(h: [], c: []))
    static let clippedType = LearnerType.declaration(of: RNN.ClippedGradients(grads: [], totalNorm: 0))

    static let matrixParameters: [Signature.Parameter] = [
        .init("wih", "[[Double]]"), .init("whh", "[[Double]]"), .init("bih", "[Double]"), .init("bhh", "[Double]"),
    ]

    // MARK: specs

    static let forward = ExerciseSpec.define(
        id: "rnn/forward",
        signature: Signature(function: "rnnForward",
                             parameters: [.init("xs", "[[Double]]")] + matrixParameters + [.init("h0", "[Double]")],
                             returns: "[[Double]]"),
        input: ForwardCase.self,
        validate: { validateForward($0) },
        reference: { c in
            RNN.forward(xs: matrix(c.xs), wih: matrix(c.wih), whh: matrix(c.whh), bih: c.bih, bhh: c.bhh, h0: c.h0)
        },
        generate: { rng in forwardGroups(&rng) },
        shrink: { shrinkForward($0) })

    static let bptt = ExerciseSpec.define(
        id: "rnn/bptt",
        signature: Signature(function: "rnnBackward",
                             parameters: [.init("xs", "[[Double]]")] + matrixParameters
                                + [.init("h0", "[Double]"), .init("dhs", "[[Double]]")],
                             returns: "BPTTGradients", supportTypes: gradientsType),
        input: BPTTCase.self,
        validate: { c in
            if let p = validateForward(c.forward) { return p }
            return validateMatrix(c.dhs, "dhs", rows: c.xs.count, cols: c.whh.count, meaning: "T×H")
        },
        reference: { c in
            RNN.backward(xs: matrix(c.xs), wih: matrix(c.wih), whh: matrix(c.whh), bih: c.bih, bhh: c.bhh,
                         h0: c.h0, dhs: matrix(c.dhs))
        },
        generate: { rng in bpttGroups(&rng) },
        shrink: { shrinkBPTT($0) })

    static let lstmCell = ExerciseSpec.define(
        id: "rnn/lstm-cell",
        signature: Signature(function: "lstmCell",
                             parameters: [.init("x", "[Double]"), .init("h", "[Double]"), .init("c", "[Double]")]
                                + matrixParameters,
                             returns: "LSTMState", supportTypes: lstmStateType),
        input: LSTMCase.self,
        validate: { c in
            if c.c.count != c.h.count {
                return CaseProblem(field: "c", message: "must have H = \(c.h.count) values like h, got \(c.c.count)")
            }
            return validateCell(x: c.x, h: c.h, wih: c.wih, whh: c.whh, bih: c.bih, bhh: c.bhh, gates: 4, order: "i, f, g, o")
        },
        reference: { c in
            RNN.lstmCell(x: c.x, h: c.h, c: c.c, wih: matrix(c.wih), whh: matrix(c.whh), bih: c.bih, bhh: c.bhh)
        },
        generate: { rng in lstmGroups(&rng) },
        shrink: { shrinkLSTM($0) })

    static let gruCell = ExerciseSpec.define(
        id: "rnn/gru-cell",
        signature: Signature(function: "gruCell",
                             parameters: [.init("x", "[Double]"), .init("h", "[Double]")] + matrixParameters,
                             returns: "[Double]"),
        input: GRUCase.self,
        validate: { c in
            validateCell(x: c.x, h: c.h, wih: c.wih, whh: c.whh, bih: c.bih, bhh: c.bhh, gates: 3, order: "r, z, n")
        },
        reference: { c in RNN.gruCell(x: c.x, h: c.h, wih: matrix(c.wih), whh: matrix(c.whh), bih: c.bih, bhh: c.bhh) },
        generate: { rng in gruGroups(&rng) },
        shrink: { shrinkGRU($0) })

    static let clipGradNorm = ExerciseSpec.define(
        id: "rnn/clip-grad-norm",
        signature: Signature(function: "clipGradNorm",
                             parameters: [.init("grads", "[[Double]]"), .init("maxNorm", "Double")],
                             returns: "ClippedGradients", supportTypes: clippedType),
        input: ClipCase.self,
        validate: { c in
            if !c.maxNorm.isFinite || c.maxNorm < 0 {
                return CaseProblem(field: "maxNorm", message: "must be a finite number >= 0, got \(c.maxNorm)")
            }
            for (p, g) in c.grads.enumerated() {
                if let k = g.firstIndex(where: { !$0.isFinite || abs($0) > 1e150 }) {
                    return CaseProblem(field: "grads[\(p)][\(k)]", message: "must be finite and at most 1e150 in size, got \(g[k])")
                }
            }
            return nil
        },
        reference: { c in RNN.clipGradNorm(grads: c.grads, maxNorm: c.maxNorm) },
        generate: { rng in clipGroups(&rng) },
        shrink: { shrinkClip($0) })

    // MARK: validation

    /// A validated array of rows as a Matrix (0×0 when empty).
    static func matrix(_ rows: [[Double]]) -> Matrix {
        (try? Matrix(rows)) ?? Matrix(rows: 0, cols: 0)
    }

    /// Checks that `rows` is a rectangular `rows`×`cols` matrix of finite numbers.
    static func validateMatrix(_ m: [[Double]], _ field: String, rows: Int, cols: Int, meaning: String) -> CaseProblem? {
        if m.count != rows {
            return CaseProblem(field: field, message: "must be \(meaning) = \(rows)×\(cols), but has \(m.count) rows")
        }
        for (r, row) in m.enumerated() {
            if row.count != cols {
                return CaseProblem(field: "\(field)[\(r)]", message: "must have \(cols) value\(cols == 1 ? "" : "s") (\(field) is \(meaning)), got \(row.count)")
            }
            if let k = row.firstIndex(where: { !$0.isFinite }) {
                return CaseProblem(field: "\(field)[\(r)][\(k)]", message: "must be a finite number")
            }
        }
        return nil
    }

    static func validateVector(_ v: [Double], _ field: String, count: Int, meaning: String) -> CaseProblem? {
        if v.count != count { return CaseProblem(field: field, message: "must have \(meaning) = \(count) values, got \(v.count)") }
        return nil
    }

    /// H comes from whh (H×H), I from wih's rows (H×I); xs must have at least one step.
    static func validateForward(_ c: ForwardCase) -> CaseProblem? {
        let hidden = c.whh.count
        if hidden == 0 { return CaseProblem(field: "whh", message: "must be H×H with H >= 1, got no rows") }
        if let p = validateMatrix(c.whh, "whh", rows: hidden, cols: hidden, meaning: "H×H") { return p }
        let input = c.wih.first?.count ?? 0
        if input == 0 { return CaseProblem(field: "wih", message: "must be H×I with I >= 1") }
        if let p = validateMatrix(c.wih, "wih", rows: hidden, cols: input, meaning: "H×I") { return p }
        if c.xs.isEmpty { return CaseProblem(field: "xs", message: "must have at least one time step (T >= 1)") }
        if c.xs.count > 10_000 { return CaseProblem(field: "xs", message: "at most 10000 time steps, got \(c.xs.count)") }
        if let p = validateMatrix(c.xs, "xs", rows: c.xs.count, cols: input, meaning: "T×I, with I = \(input) from wih") { return p }
        if let p = validateVector(c.bih, "bih", count: hidden, meaning: "H") { return p }
        if let p = validateVector(c.bhh, "bhh", count: hidden, meaning: "H") { return p }
        return validateVector(c.h0, "h0", count: hidden, meaning: "H")
    }

    /// LSTM (4 gate blocks) and GRU (3): H from h, I from x.
    static func validateCell(x: [Double], h: [Double], wih: [[Double]], whh: [[Double]], bih: [Double], bhh: [Double],
                             gates: Int, order: String) -> CaseProblem? {
        if h.isEmpty { return CaseProblem(field: "h", message: "must have H >= 1 values") }
        if x.isEmpty { return CaseProblem(field: "x", message: "must have I >= 1 values") }
        let g = "\(gates)H"
        let meaning = "gate blocks \(order), each H rows"
        if let p = validateMatrix(wih, "wih", rows: gates * h.count, cols: x.count, meaning: "\(g)×I (\(meaning))") { return p }
        if let p = validateMatrix(whh, "whh", rows: gates * h.count, cols: h.count, meaning: "\(g)×H (\(meaning))") { return p }
        if let p = validateVector(bih, "bih", count: gates * h.count, meaning: g) { return p }
        return validateVector(bhh, "bhh", count: gates * h.count, meaning: g)
    }

    // MARK: cases

    /// Values rounded to 3 decimals, so shown cases stay readable.
    static func value(_ rng: inout SeededRandom, _ scale: Double) -> Double {
        (rng.uniform(-scale, scale) * 1000).rounded() / 1000
    }
    static func vector(_ rng: inout SeededRandom, _ n: Int, _ scale: Double = 1) -> [Double] {
        (0..<n).map { _ in value(&rng, scale) }
    }
    static func rows(_ rng: inout SeededRandom, _ r: Int, _ c: Int, _ scale: Double = 1) -> [[Double]] {
        (0..<r).map { _ in vector(&rng, c, scale) }
    }

    static func randomForward(_ rng: inout SeededRandom, steps: Int, input: Int, hidden: Int,
                              scale: Double = 1) -> ForwardCase {
        ForwardCase(xs: rows(&rng, steps, input, 2), wih: rows(&rng, hidden, input, scale),
                    whh: rows(&rng, hidden, hidden, scale), bih: vector(&rng, hidden, 0.5),
                    bhh: vector(&rng, hidden, 0.5), h0: vector(&rng, hidden, 0.9))
    }

    /// The lesson's worked example: one unit, W_ih = 0.5, W_hh = 1, xs = [1, 2].
    static let lessonRNN = ForwardCase(xs: [[1], [2]], wih: [[0.5]], whh: [[1]], bih: [0], bhh: [0], h0: [0])
    /// A 2-unit example showing the [out][in] layout.
    static let layoutRNN = ForwardCase(xs: [[0.3, 9, 0.1]], wih: [[1, 0, 0], [0, 0, 2]], whh: [[0, 0], [0, 0]],
                                       bih: [0.1, 0], bhh: [0, -0.2], h0: [5, 5])

    static func forwardEdges() -> [ForwardCase] {
        [
            ForwardCase(xs: [[0]], wih: [[1]], whh: [[1]], bih: [0], bhh: [0], h0: [0]),                   // all zero
            ForwardCase(xs: [[1], [1], [1]], wih: [[0]], whh: [[0.9]], bih: [0], bhh: [0], h0: [1]),       // h0 only
            ForwardCase(xs: [[30], [-30]], wih: [[1]], whh: [[1]], bih: [0], bhh: [0], h0: [0]),           // saturated
            ForwardCase(xs: [[1, -1], [0.5, 2]], wih: [[1, 2], [3, 4], [-1, 0]],
                        whh: [[0.1, 0.2, 0.3], [0, 0, 0], [-0.5, 0.5, 1]],
                        bih: [0.1, 0.2, 0.3], bhh: [-0.1, 0, 0.1], h0: [0.5, -0.5, 0]),                   // H > I
            ForwardCase(xs: Array(repeating: [0.5], count: 12), wih: [[1]], whh: [[-1]], bih: [0], bhh: [0], h0: [0]),
        ]
    }

    static func forwardGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ForwardCase>] {
        var hidden: [ForwardCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomForward(&rng, steps: rng.int(in: 1...(big ? 30 : 6)), input: rng.int(in: 1...(big ? 8 : 3)),
                                        hidden: rng.int(in: 1...(big ? 12 : 4)), scale: index % 4 == 0 ? 2 : 0.8))
        }
        return [TypedCaseGroup(.example, [lessonRNN, layoutRNN]), TypedCaseGroup(.edge, forwardEdges()),
                TypedCaseGroup(.hidden, hidden)]
    }

    static func bpttGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<BPTTCase>] {
        let examples = [
            BPTTCase(lessonRNN, dhs: [[0], [1]]),                // L = h_2, the lesson's hand-worked gradients
            BPTTCase(lessonRNN, dhs: [[1], [0]]),                // L = h_1: nothing flows back from step 2
            BPTTCase(layoutRNN, dhs: [[1, 1]]),
        ]
        var edges = forwardEdges().map { f in BPTTCase(f, dhs: Array(repeating: Array(repeating: 1, count: f.h0.count), count: f.xs.count)) }
        edges.append(BPTTCase(lessonRNN, dhs: [[0], [0]]))       // zero gradient in, zero out
        var hidden: [BPTTCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let f = randomForward(&rng, steps: rng.int(in: 1...(big ? 25 : 5)), input: rng.int(in: 1...(big ? 6 : 3)),
                                  hidden: rng.int(in: 1...(big ? 10 : 4)), scale: index % 4 == 0 ? 2 : 0.8)
            // Some cases put the gradient only on the last step, as a sequence classifier would.
            var dhs = rows(&rng, f.xs.count, f.h0.count)
            if index % 3 == 0 { for t in 0..<(dhs.count - 1) { dhs[t] = Array(repeating: 0, count: f.h0.count) } }
            hidden.append(BPTTCase(f, dhs: dhs))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's hand-worked LSTM step: only biases, so i = o = 0.5, f = σ(2), g = tanh(1).
    static let lessonLSTM = LSTMCase(x: [1], h: [0], c: [1], wih: [[0], [0], [0], [0]], whh: [[0], [0], [0], [0]],
                                     bih: [0, 2, 1, 0], bhh: [0, 0, 0, 0])

    static func randomLSTM(_ rng: inout SeededRandom, input: Int, hidden: Int, scale: Double) -> LSTMCase {
        LSTMCase(x: vector(&rng, input, 2), h: vector(&rng, hidden, 0.9), c: vector(&rng, hidden, 2),
                 wih: rows(&rng, 4 * hidden, input, scale), whh: rows(&rng, 4 * hidden, hidden, scale),
                 bih: vector(&rng, 4 * hidden, 0.5), bhh: vector(&rng, 4 * hidden, 0.5))
    }

    static func lstmGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<LSTMCase>] {
        // Each gate's block gets its own bias so a swapped block order shows up.
        let ordered = LSTMCase(x: [0], h: [0], c: [0.5], wih: [[0], [0], [0], [0]], whh: [[0], [0], [0], [0]],
                               bih: [-1, 3, 0.5, 1.5], bhh: [0, 0, 0, 0])
        let edges = [
            LSTMCase(x: [0], h: [0], c: [0], wih: [[0], [0], [0], [0]], whh: [[0], [0], [0], [0]],
                     bih: [0, 0, 0, 0], bhh: [0, 0, 0, 0]),                                   // everything zero
            LSTMCase(x: [1], h: [0], c: [3], wih: [[50], [50], [50], [50]], whh: [[0], [0], [0], [0]],
                     bih: [0, 0, 0, 0], bhh: [0, 0, 0, 0]),                                   // saturated gates
            LSTMCase(x: [1], h: [0], c: [3], wih: [[-50], [-50], [-50], [-50]], whh: [[0], [0], [0], [0]],
                     bih: [0, 0, 0, 0], bhh: [0, 0, 0, 0]),                                   // closed gates: forget all
            LSTMCase(x: [1, -1], h: [0.5, -0.5], c: [1, -1],
                     wih: [[1, 0], [0, 1], [1, 1], [0, 0], [0.5, 0.5], [-1, 0], [0, -1], [1, -1]],
                     whh: [[0.1, 0], [0, 0.1], [0.2, 0], [0, 0.2], [0.3, 0], [0, 0.3], [0.4, 0], [0, 0.4]],
                     bih: [0, 0, 1, 1, 0, 0, 0, 0], bhh: [0, 0, 0, 0, 0, 0, -1, -1]),             // H = 2: blocks of two rows
        ]
        var hidden: [LSTMCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomLSTM(&rng, input: rng.int(in: 1...(big ? 10 : 3)), hidden: rng.int(in: 1...(big ? 12 : 4)),
                                     scale: index % 4 == 0 ? 3 : 1))
        }
        return [TypedCaseGroup(.example, [lessonLSTM, ordered]), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's hand-worked GRU step: r = z = 0.5, n = tanh(0.5 + 0.5·1).
    static let lessonGRU = GRUCase(x: [1], h: [0.2], wih: [[0], [0], [0.5]], whh: [[0], [0], [0]],
                                   bih: [0, 0, 0], bhh: [0, 0, 1])

    static func gruGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<GRUCase>] {
        let examples = [
            lessonGRU,
            // r strongly closed: PyTorch's placement of r (after W_hn·h + b_hn) matters here.
            GRUCase(x: [0], h: [0], wih: [[0], [0], [0]], whh: [[0], [0], [0]], bih: [-3, 0, 0], bhh: [0, 0, 1]),
        ]
        let edges = [
            GRUCase(x: [0], h: [0], wih: [[0], [0], [0]], whh: [[0], [0], [0]], bih: [0, 0, 0], bhh: [0, 0, 0]),
            GRUCase(x: [1], h: [0.7], wih: [[0], [40], [1]], whh: [[0], [0], [0]], bih: [0, 0, 0], bhh: [0, 0, 0]),   // z = 1: copy h
            GRUCase(x: [1], h: [0.7], wih: [[0], [-40], [1]], whh: [[0], [0], [0]], bih: [0, 0, 0], bhh: [0, 0, 0]),  // z = 0: take n
            GRUCase(x: [1, 2], h: [0.5, -0.5], wih: [[1, 0], [0, 1], [0.5, 0], [0, 0.5], [1, 1], [-1, -1]],
                    whh: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8], [0.9, 1], [-1, 0]],
                    bih: [0, 0.1, 0.2, 0.3, 0.4, 0.5], bhh: [0.5, 0.4, 0.3, 0.2, 0.1, 0]),
        ]
        var hidden: [GRUCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let i = rng.int(in: 1...(big ? 10 : 3)), h = rng.int(in: 1...(big ? 12 : 4)), s = index % 4 == 0 ? 3.0 : 1.0
            hidden.append(GRUCase(x: vector(&rng, i, 2), h: vector(&rng, h, 0.9), wih: rows(&rng, 3 * h, i, s),
                                  whh: rows(&rng, 3 * h, h, s), bih: vector(&rng, 3 * h, 0.5), bhh: vector(&rng, 3 * h, 0.5)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func clipGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ClipCase>] {
        let examples = [
            ClipCase(grads: [[3], [4]], maxNorm: 1),               // norm 5 scaled down to about 1
            ClipCase(grads: [[3], [4]], maxNorm: 10),              // below the cap: unchanged
            ClipCase(grads: [[1, 2, 2], [4]], maxNorm: 2.5),       // norm 5 over two tensors of different sizes
        ]
        let edges = [
            ClipCase(grads: [[0, 0], [0]], maxNorm: 1),            // zero gradients: the 1e-6 avoids 0/0
            ClipCase(grads: [[3], [4]], maxNorm: 0),               // maxNorm 0: everything becomes 0
            ClipCase(grads: [[3], [4]], maxNorm: 5),               // exactly at the cap: scaled by 5/(5+1e-6)
            ClipCase(grads: [[], [-7], []], maxNorm: 1),           // empty tensors
            ClipCase(grads: [], maxNorm: 1),                       // no tensors at all
            ClipCase(grads: [[1e6, -1e6], [1e6]], maxNorm: 1),     // exploding
            ClipCase(grads: [[1e-8]], maxNorm: 1e-9),
        ]
        var hidden: [ClipCase] = []
        for index in 0..<40 {
            let count = rng.int(in: 1...(index >= 30 ? 12 : 4))
            let size = index % 5 == 0 ? 100.0 : 3.0
            let grads = (0..<count).map { _ in vector(&rng, rng.int(in: 0...(index >= 30 ? 50 : 5)), size) }
            let maxNorm = (rng.uniform(0, index % 2 == 0 ? 2 : 20) * 1000).rounded() / 1000
            hidden.append(ClipCase(grads: grads, maxNorm: maxNorm))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    /// Removes hidden unit `j`: row j of every `blocks`-block matrix (and the
    /// matching column of whh) and entry j of every gate block of the biases.
    static func dropUnit(_ m: [[Double]], _ j: Int, blocks: Int, hidden: Int, column: Bool) -> [[Double]] {
        var out: [[Double]] = []
        for (r, row) in m.enumerated() where r % hidden != j || r / hidden >= blocks {
            out.append(column ? row.enumerated().filter { $0.offset != j }.map(\.element) : row)
        }
        return out
    }
    static func dropUnit(_ v: [Double], _ j: Int, hidden: Int) -> [Double] {
        v.enumerated().filter { $0.offset % hidden != j }.map(\.element)
    }
    static func dropColumn(_ m: [[Double]], _ k: Int) -> [[Double]] {
        m.map { row in row.enumerated().filter { $0.offset != k }.map(\.element) }
    }
    static func simpler(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    static func shrinkForward(_ c: ForwardCase) -> [ForwardCase] {
        shrinkBPTT(BPTTCase(c, dhs: c.xs.map { _ in Array(repeating: 0, count: c.h0.count) })).map(\.forward)
    }

    static func shrinkBPTT(_ c: BPTTCase) -> [BPTTCase] {
        var out: [BPTTCase] = []
        func add(_ v: BPTTCase) { if v != c && !out.contains(v) { out.append(v) } }
        let t = c.xs.count, hidden = c.h0.count, input = c.wih.first?.count ?? 0
        if t >= 2 {      // fewer steps: the first half, the last step dropped, the first step dropped
            for range in [0..<(t / 2), 0..<(t - 1), 1..<t] {
                var v = c; v.xs = Array(c.xs[range]); v.dhs = Array(c.dhs[range]); add(v)
            }
        }
        if hidden >= 2 {
            for j in 0..<min(hidden, 8) {
                var v = c
                v.wih = dropUnit(c.wih, j, blocks: 1, hidden: hidden, column: false)
                v.whh = dropUnit(c.whh, j, blocks: 1, hidden: hidden, column: true)
                v.bih = dropUnit(c.bih, j, hidden: hidden); v.bhh = dropUnit(c.bhh, j, hidden: hidden)
                v.h0 = dropUnit(c.h0, j, hidden: hidden); v.dhs = dropColumn(c.dhs, j)
                add(v)
            }
        }
        if input >= 2 {
            for k in 0..<min(input, 8) { var v = c; v.wih = dropColumn(c.wih, k); v.xs = dropColumn(c.xs, k); add(v) }
        }
        var zeroBias = c
        zeroBias.bih = c.bih.map { _ in 0 }; zeroBias.bhh = c.bhh.map { _ in 0 }; zeroBias.h0 = c.h0.map { _ in 0 }
        add(zeroBias)
        var rounded = c
        rounded.xs = c.xs.map { $0.map(simpler) }; rounded.wih = c.wih.map { $0.map(simpler) }
        rounded.whh = c.whh.map { $0.map(simpler) }; rounded.dhs = c.dhs.map { $0.map(simpler) }
        add(rounded)
        return out
    }

    static func shrinkLSTM(_ c: LSTMCase) -> [LSTMCase] {
        var out: [LSTMCase] = []
        func add(_ v: LSTMCase) { if v != c && !out.contains(v) { out.append(v) } }
        let hidden = c.h.count
        if hidden >= 2 {
            for j in 0..<min(hidden, 8) {
                add(LSTMCase(x: c.x, h: dropUnit(c.h, j, hidden: hidden), c: dropUnit(c.c, j, hidden: hidden),
                             wih: dropUnit(c.wih, j, blocks: 4, hidden: hidden, column: false),
                             whh: dropUnit(c.whh, j, blocks: 4, hidden: hidden, column: true),
                             bih: dropUnit(c.bih, j, hidden: hidden), bhh: dropUnit(c.bhh, j, hidden: hidden)))
            }
        }
        if c.x.count >= 2 {
            for k in 0..<min(c.x.count, 8) {
                var v = c; v.x.remove(at: k); v.wih = dropColumn(c.wih, k); add(v)
            }
        }
        var zeroed = c; zeroed.bih = c.bih.map { _ in 0 }; zeroed.bhh = c.bhh.map { _ in 0 }; add(zeroed)
        var rounded = c
        rounded.wih = c.wih.map { $0.map(simpler) }; rounded.whh = c.whh.map { $0.map(simpler) }
        rounded.x = c.x.map(simpler); rounded.h = c.h.map(simpler); rounded.c = c.c.map(simpler)
        add(rounded)
        return out
    }

    static func shrinkGRU(_ c: GRUCase) -> [GRUCase] {
        var out: [GRUCase] = []
        func add(_ v: GRUCase) { if v != c && !out.contains(v) { out.append(v) } }
        let hidden = c.h.count
        if hidden >= 2 {
            for j in 0..<min(hidden, 8) {
                add(GRUCase(x: c.x, h: dropUnit(c.h, j, hidden: hidden),
                            wih: dropUnit(c.wih, j, blocks: 3, hidden: hidden, column: false),
                            whh: dropUnit(c.whh, j, blocks: 3, hidden: hidden, column: true),
                            bih: dropUnit(c.bih, j, hidden: hidden), bhh: dropUnit(c.bhh, j, hidden: hidden)))
            }
        }
        if c.x.count >= 2 {
            for k in 0..<min(c.x.count, 8) { var v = c; v.x.remove(at: k); v.wih = dropColumn(c.wih, k); add(v) }
        }
        var zeroed = c; zeroed.bih = c.bih.map { _ in 0 }; zeroed.bhh = c.bhh.map { _ in 0 }; add(zeroed)
        var rounded = c
        rounded.wih = c.wih.map { $0.map(simpler) }; rounded.whh = c.whh.map { $0.map(simpler) }
        rounded.x = c.x.map(simpler); rounded.h = c.h.map(simpler)
        add(rounded)
        return out
    }

    static func shrinkClip(_ c: ClipCase) -> [ClipCase] {
        var out: [ClipCase] = []
        func add(_ v: ClipCase) { if v != c && !out.contains(v) { out.append(v) } }
        let n = c.grads.count
        if n >= 2 { add(ClipCase(grads: Array(c.grads[..<(n / 2)]), maxNorm: c.maxNorm)) }
        for p in 0..<min(n, 8) where n >= 2 {
            var g = c.grads; g.remove(at: p); add(ClipCase(grads: g, maxNorm: c.maxNorm))
        }
        for p in 0..<min(n, 8) where c.grads[p].count >= 2 {
            var g = c.grads; g[p] = Array(g[p].prefix(g[p].count / 2)); add(ClipCase(grads: g, maxNorm: c.maxNorm))
        }
        add(ClipCase(grads: c.grads.map { $0.map(simpler) }, maxNorm: simpler(c.maxNorm)))
        add(ClipCase(grads: c.grads, maxNorm: c.maxNorm.rounded()))
        return out
    }
}
