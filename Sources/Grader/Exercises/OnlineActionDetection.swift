import Engine
import Tensor

/// The grader bindings of the OadTR lesson (see CATALOG.md, section 6).
///
/// The stream exercise's `layer` is an object with every field of
/// `transformer/encoder-layer` except `x`; the learner receives it as the
/// generated `EncoderLayerWeights` struct.
enum OnlineActionDetectionExercises {
    static let all: [ExerciseSpec] = [window, encoderInput, stream]

    typealias LayerFields = TransformerExercises.LayerFields

    // MARK: case types (property names are the catalog's field names)

    struct WindowCase: Codable, Sendable, Equatable { var frames: [[Double]], t: Int, window: Int }
    struct EncoderInputCase: Codable, Sendable, Equatable {
        var window: [[Double]], taskToken: [Double], positions: [[Double]]
    }
    struct StreamCase: Codable, Sendable, Equatable {
        var frames: [[Double]], window: Int, taskToken: [Double], positions: [[Double]]
        var layer: LayerFields
        var wc: [[Double]], bc: [Double]

        var detector: OnlineActionDetection.Detector {
            OnlineActionDetection.Detector(window: window, taskToken: taskToken, positions: m(positions),
                                           layer: layer.engine, wc: m(wc), bc: bc)
        }
    }

    static func m(_ rows: [[Double]]) -> Matrix { RNNExercises.matrix(rows) }

    /// The learner-side declaration of `layer`, generated from the case type.
    static let layerType = LearnerType.declaration(
        of: TransformerExercises.lessonLayer(normFirst: false), named: "EncoderLayerWeights",
        notes: ["wq": "d×d, as transformer/encoder-layer", "bq": "d", "heads": "divides d", "w1": "d×F", "b1": "F",
                "w2": "F×d", "normFirst": "true: pre-norm"])

    // MARK: specs

    static let window = ExerciseSpec.define(
        id: "online-action-detection/window",
        signature: Signature(function: "frameWindow",
                             parameters: [.init("frames", "[[Double]]"), .init("t", "Int"), .init("window", "Int")],
                             returns: "[[Double]]"),
        input: WindowCase.self,
        validate: { c in
            if let p = validateFrames(c.frames) { return p }
            if c.t < 0 || c.t >= c.frames.count {
                return CaseProblem(field: "t", message: "must be a frame index from 0 to T − 1 = \(c.frames.count - 1), got \(c.t)")
            }
            return validateWindowSize(c.window)
        },
        reference: { c in OnlineActionDetection.window(frames: m(c.frames), t: c.t, size: c.window) },
        generate: { rng in windowGroups(&rng) },
        shrink: shrinkWindow)

    static let encoderInput = ExerciseSpec.define(
        id: "online-action-detection/encoder-input",
        signature: Signature(function: "encoderInput",
                             parameters: [.init("window", "[[Double]]"), .init("taskToken", "[Double]"),
                                          .init("positions", "[[Double]]")],
                             returns: "[[Double]]"),
        input: EncoderInputCase.self,
        validate: { c in
            if let p = TransformerExercises.validateInput(c.window, "window", meaning: "W×d") { return p }
            let w = c.window.count, d = c.window[0].count
            if let p = TransformerExercises.validateVector(c.taskToken, "taskToken", count: d, meaning: "d") { return p }
            return TransformerExercises.validateMatrix(c.positions, "positions", rows: w + 1, cols: d, meaning: "(W+1)×d")
        },
        reference: { c in
            OnlineActionDetection.encoderInput(window: m(c.window), taskToken: c.taskToken, positions: m(c.positions))
        },
        generate: { rng in encoderInputGroups(&rng) },
        shrink: shrinkEncoderInput)

    static let stream = ExerciseSpec.define(
        id: "online-action-detection/stream",
        signature: Signature(function: "detectActions",
                             parameters: [.init("frames", "[[Double]]"), .init("window", "Int"),
                                          .init("taskToken", "[Double]"), .init("positions", "[[Double]]"),
                                          .init("layer", "EncoderLayerWeights"), .init("wc", "[[Double]]"),
                                          .init("bc", "[Double]")],
                             returns: "[[Double]]", supportTypes: layerType),
        input: StreamCase.self,
        validate: validateStream,
        reference: { c in OnlineActionDetection.stream(frames: m(c.frames), detector: c.detector) },
        generate: { rng in streamGroups(&rng) },
        shrink: shrinkStream)

    // MARK: validation

    static func validateFrames(_ frames: [[Double]]) -> CaseProblem? {
        if frames.count > 2000 { return CaseProblem(field: "frames", message: "at most 2000 frames, got \(frames.count)") }
        return TransformerExercises.validateInput(frames, "frames", meaning: "T×d")
    }

    static func validateWindowSize(_ window: Int) -> CaseProblem? {
        if window < 1 || window > 256 { return CaseProblem(field: "window", message: "must be from 1 to 256 frames, got \(window)") }
        return nil
    }

    @Sendable static func validateStream(_ c: StreamCase) -> CaseProblem? {
        if let p = validateFrames(c.frames) { return p }
        if let p = validateWindowSize(c.window) { return p }
        let d = c.frames[0].count
        if let p = TransformerExercises.validateVector(c.taskToken, "taskToken", count: d, meaning: "d") { return p }
        if let p = TransformerExercises.validateMatrix(c.positions, "positions", rows: c.window + 1, cols: d,
                                                       meaning: "(window+1)×d") { return p }
        if let p = TransformerExercises.validateLayer(c.layer, width: d, prefix: "layer.") { return p }
        let classes = c.wc.first?.count ?? 0
        if classes < 1 { return CaseProblem(field: "wc", message: "must be d×C with d = \(d) rows and C >= 1 columns") }
        if let p = TransformerExercises.validateMatrix(c.wc, "wc", rows: d, cols: classes, meaning: "d×C") { return p }
        return TransformerExercises.validateVector(c.bc, "bc", count: classes, meaning: "C")
    }

    // MARK: cases

    static func rows(_ rng: inout SeededRandom, _ r: Int, _ c: Int, _ scale: Double = 1) -> [[Double]] {
        RNNExercises.rows(&rng, r, c, scale)
    }

    static func windowGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<WindowCase>] {
        let frames: [[Double]] = [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]
        let examples = [WindowCase(frames: frames, t: 3, window: 3), WindowCase(frames: frames, t: 1, window: 3)]
        let edges = [
            WindowCase(frames: frames, t: 0, window: 1),            // the first frame alone
            WindowCase(frames: frames, t: 4, window: 1),            // the present alone
            WindowCase(frames: frames, t: 0, window: 4),            // three zero rows in front
            WindowCase(frames: frames, t: 4, window: 5),            // exactly the whole stream
            WindowCase(frames: frames, t: 2, window: 8),            // longer than the stream
            WindowCase(frames: [[7]], t: 0, window: 2),
        ]
        var hidden: [WindowCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let count = rng.int(in: 1...(big ? 60 : 8)), d = rng.int(in: 1...(big ? 16 : 4))
            let t = index % 4 == 0 ? rng.int(in: 0...min(2, count - 1)) : rng.int(in: 0...(count - 1))
            hidden.append(WindowCase(frames: rows(&rng, count, d), t: t, window: rng.int(in: 1...(big ? 32 : 6))))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func encoderInputGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<EncoderInputCase>] {
        let examples = [
            EncoderInputCase(window: [[1, 1]], taskToken: [5, 6], positions: [[0, 1], [2, 3]]),
            EncoderInputCase(window: [[0, 0], [1, 2], [3, 4]], taskToken: [9, 9],
                             positions: [[0.1, 0], [0.2, 0], [0.3, 0], [0, 1]]),
        ]
        let edges = [
            EncoderInputCase(window: [[0]], taskToken: [0], positions: [[0], [0]]),
            EncoderInputCase(window: [[1, 2, 3]], taskToken: [-1, -2, -3], positions: [[0, 0, 0], [1, 2, 3]]),  // token + position = 0
            EncoderInputCase(window: [[0, 0], [0, 0], [0, 0]], taskToken: [1, 1],
                             positions: [[1, 0], [2, 0], [3, 0], [4, 0]]),                                     // padded window
        ]
        var hidden: [EncoderInputCase] = []
        for index in 0..<40 {
            let big = index >= 30
            let w = rng.int(in: 1...(big ? 24 : 5)), d = rng.int(in: 1...(big ? 16 : 4))
            hidden.append(EncoderInputCase(window: rows(&rng, w, d), taskToken: RNNExercises.vector(&rng, d),
                                           positions: rows(&rng, w + 1, d, 0.5)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// The lesson's detector: the hand-built weights of the demo (two actions,
    /// window 3) on an eight-frame stream whose action changes at frame 4.
    static let lessonStream: StreamCase = {
        let detector = OnlineActionDetection.handBuiltDetector(classes: 2, window: 3)
        let frames: [[Double]] = (0..<8).map { t in t < 4 ? [1, 0, 0, 0] : [0, 1, 0, 0] }
        return fromDetector(detector, frames: frames)
    }()

    static func fromDetector(_ det: OnlineActionDetection.Detector, frames: [[Double]]) -> StreamCase {
        let l = det.layer, a = l.attention
        let layer = LayerFields(wq: a.wq.rowArrays, wk: a.wk.rowArrays, wv: a.wv.rowArrays, wo: a.wo.rowArrays,
                                bq: a.bq, bk: a.bk, bv: a.bv, bo: a.bo, heads: l.heads,
                                w1: l.w1.rowArrays, b1: l.b1, w2: l.w2.rowArrays, b2: l.b2,
                                gamma1: l.gamma1, beta1: l.beta1, gamma2: l.gamma2, beta2: l.beta2, normFirst: l.normFirst)
        return StreamCase(frames: frames, window: det.window, taskToken: det.taskToken, positions: det.positions.rowArrays,
                          layer: layer, wc: det.wc.rowArrays, bc: det.bc)
    }

    static func randomStream(_ rng: inout SeededRandom, count: Int, window: Int, heads: Int, size: Int,
                             hidden: Int, classes: Int, normFirst: Bool) -> StreamCase {
        let d = heads * size
        return StreamCase(frames: rows(&rng, count, d), window: window, taskToken: RNNExercises.vector(&rng, d),
                          positions: rows(&rng, window + 1, d, 0.5),
                          layer: TransformerExercises.randomLayer(&rng, width: d, heads: heads, hidden: hidden, normFirst: normFirst),
                          wc: rows(&rng, d, classes), bc: RNNExercises.vector(&rng, classes, 0.3))
    }

    static func streamGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<StreamCase>] {
        let synthetic = OnlineActionDetection.syntheticStream(length: 12, classes: 3, noise: 0.3, seed: 7)
        let examples = [lessonStream,
                        fromDetector(OnlineActionDetection.handBuiltDetector(classes: 3, window: 4),
                                     frames: synthetic.frames.rowArrays)]
        let edges = [
            randomStream(&rng, count: 1, window: 1, heads: 1, size: 2, hidden: 2, classes: 2, normFirst: false),   // one frame
            randomStream(&rng, count: 3, window: 6, heads: 2, size: 1, hidden: 3, classes: 3, normFirst: true),    // window > T
            randomStream(&rng, count: 5, window: 1, heads: 1, size: 3, hidden: 1, classes: 1, normFirst: false),   // C = 1: all ones
            randomStream(&rng, count: 6, window: 2, heads: 3, size: 1, hidden: 4, classes: 4, normFirst: true),
        ]
        var hidden: [StreamCase] = []
        for index in 0..<40 {
            let big = index >= 30
            hidden.append(randomStream(&rng, count: rng.int(in: 1...(big ? 30 : 8)), window: rng.int(in: 1...(big ? 8 : 4)),
                                       heads: rng.int(in: 1...2), size: rng.int(in: 1...(big ? 4 : 2)),
                                       hidden: rng.int(in: 1...(big ? 8 : 3)), classes: rng.int(in: 2...(big ? 5 : 3)),
                                       normFirst: index % 2 == 1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    @Sendable static func shrinkWindow(_ c: WindowCase) -> [WindowCase] {
        var out: [WindowCase] = []
        func add(_ v: WindowCase) { if v != c && !out.contains(v) { out.append(v) } }
        if c.frames.count > c.t + 1 { var v = c; v.frames = Array(c.frames[...c.t]); add(v) }
        if c.window > 1 { var v = c; v.window = c.window / 2; add(v); v.window = c.window - 1; add(v) }
        if (c.frames.first?.count ?? 0) >= 2 { var v = c; v.frames = c.frames.map { [$0[0]] }; add(v) }
        if c.t > 0 { var v = c; v.frames.removeFirst(); v.t -= 1; add(v) }
        return out
    }

    @Sendable static func shrinkEncoderInput(_ c: EncoderInputCase) -> [EncoderInputCase] {
        var out: [EncoderInputCase] = []
        func add(_ v: EncoderInputCase) { if v != c && !out.contains(v) { out.append(v) } }
        if c.window.count >= 2 {
            var v = c; v.window.removeFirst(); v.positions.removeFirst(); add(v)
        }
        if c.taskToken.count >= 2 {
            add(EncoderInputCase(window: c.window.map { [$0[0]] }, taskToken: [c.taskToken[0]],
                                 positions: c.positions.map { [$0[0]] }))
        }
        return out
    }

    @Sendable static func shrinkStream(_ c: StreamCase) -> [StreamCase] {
        var out: [StreamCase] = []
        func add(_ v: StreamCase) { if v != c && !out.contains(v) { out.append(v) } }
        let count = c.frames.count
        if count >= 2 {
            var v = c; v.frames = Array(c.frames[..<(count / 2)]); add(v)
            v.frames = Array(c.frames.dropLast()); add(v)
            v.frames = Array(c.frames.dropFirst()); add(v)
        }
        if c.window >= 2 {
            var v = c; v.window -= 1; v.positions.removeFirst(); add(v)
        }
        if c.layer.heads >= 2 { var v = c; v.layer.heads = 1; add(v) }
        return out
    }
}
