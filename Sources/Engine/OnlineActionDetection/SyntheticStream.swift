import Tensor

/// A toy video for the `action-stream` demo: a seeded sequence of action
/// segments whose frame features really encode the action, and a detector
/// whose weights are set by hand so that one can read why it works.
///
/// Frames have d = C + 2 features. Feature c is about 1 when action c is
/// happening and about 0 otherwise, plus Gaussian noise, so one frame alone
/// is often ambiguous and a few recent frames together are not. The last two
/// features are 0 in every frame; the detector uses them for positions.
///
/// The detector (post-norm, one head, no feed-forward) works like this:
/// - position row r < W puts r/(W − 1) in the last feature ("how recent");
///   the task token's position puts 1 in feature C ("I am the token");
/// - W_q reads the token marker and W_k reads recency into one shared
///   dimension, so the token's score for frame r grows with r: the newest
///   frames get the largest attention weights;
/// - W_v keeps the C action features and W_o is the identity, so the token's
///   output row is its input plus a recency-weighted average of the window;
/// - the classifier reads the C action features with gain `sharpness`.
extension OnlineActionDetection {
    /// A stream of frames with the true action of every frame.
    public struct LabelledStream: Sendable, Equatable {
        public var frames: Matrix          // [T, C + 2]
        public var labels: [Int]           // [T], 0 = background
        public var classes: Int
    }

    /// `length` frames of segments 4-18 frames long; each segment's action is
    /// drawn from 0..<classes and differs from the previous one.
    public static func syntheticStream(length: Int, classes: Int, noise: Double, seed: UInt64) -> LabelledStream {
        precondition(length >= 1 && classes >= 2, "syntheticStream: length >= 1 and classes >= 2")
        var rng = SeededRandom(seed: seed)
        let d = classes + 2
        var frames = Matrix(rows: length, cols: d)
        var labels: [Int] = []
        var action = 0
        while labels.count < length {
            let span = rng.int(in: 4...18)
            for _ in 0..<min(span, length - labels.count) {
                let t = labels.count
                for c in 0..<classes {
                    frames.storage[t * d + c] = (c == action ? 1 : 0) + rng.normal(std: noise)
                }
                labels.append(action)
            }
            var next = rng.int(in: 0..<(classes - 1))
            if next >= action { next += 1 }
            action = next
        }
        return LabelledStream(frames: frames, labels: labels, classes: classes)
    }

    /// The hand-set detector described above, for frames of `classes + 2` features.
    ///
    /// - Parameters:
    ///   - recency: the attention score gap between the newest and the oldest frame.
    ///   - sharpness: the classifier's gain on the action features.
    public static func handBuiltDetector(classes: Int, window: Int, recency: Double = 4,
                                         sharpness: Double = 4) -> Detector {
        let d = classes + 2, marker = classes, recent = classes + 1
        var positions = Matrix(rows: window + 1, cols: d)
        for r in 0..<window { positions[r, recent] = window == 1 ? 1 : Double(r) / Double(window - 1) }
        positions[window, marker] = 1
        // Score for frame r = (q·k_r)/√d = recency·(r/(W − 1)): the marker times the recency.
        var wq = Matrix(rows: d, cols: d), wk = Matrix(rows: d, cols: d)
        wq[marker, 0] = recency * Transformer.sqrt(Double(d))
        wk[recent, 0] = 1
        var wv = Matrix(rows: d, cols: d)
        for c in 0..<classes { wv[c, c] = 1 }
        let zeros = [Double](repeating: 0, count: d)
        let attention = Transformer.MultiHeadWeights(wq: wq, wk: wk, wv: wv, wo: .identity(d),
                                                     bq: zeros, bk: zeros, bv: zeros, bo: zeros)
        let ones = [Double](repeating: 1, count: d)
        let layer = Transformer.EncoderLayerWeights(
            attention: attention, heads: 1, w1: Matrix(rows: d, cols: 1), b1: [0], w2: Matrix(rows: 1, cols: d), b2: zeros,
            gamma1: ones, beta1: zeros, gamma2: ones, beta2: zeros, normFirst: false)
        var wc = Matrix(rows: d, cols: classes)
        for c in 0..<classes { wc[c, c] = sharpness }
        return Detector(window: window, taskToken: zeros, positions: positions, layer: layer, wc: wc,
                        bc: [Double](repeating: 0, count: classes))
    }
}
