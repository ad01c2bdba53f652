import Tensor

/// Per-frame class probabilities over a whole stream, the way OadTR runs
/// online (Wang et al. 2021, §3.1 and §3.3): at every frame t,
///
/// ```
/// W_t = window(frames, t)                     // [W, d], the present is the last row
/// X_t = encoderInput(W_t, token, positions)   // [W + 1, d]
/// Y_t = encoderLayer(X_t)                     // [W + 1, d], one layer here
/// p_t = softmax(Y_t[W] · w_c + b_c)           // [C], the task token's row
/// ```
///
/// Row t of the result depends on frames ≤ t only, so the detector can run
/// while the video is still being recorded: it is causal by construction,
/// without any attention mask (the future is simply never in the window).
extension OnlineActionDetection {
    /// Everything the detector learns: the token, the positions, one encoder layer, the classifier.
    public struct Detector: Sendable, Equatable {
        public var window: Int
        public var taskToken: [Double]          // [d]
        public var positions: Matrix            // [W + 1, d]
        public var layer: Transformer.EncoderLayerWeights
        public var wc: Matrix                   // [d, C]
        public var bc: [Double]                 // [C]
        public init(window: Int, taskToken: [Double], positions: Matrix, layer: Transformer.EncoderLayerWeights,
                    wc: Matrix, bc: [Double]) {
            self.window = window; self.taskToken = taskToken; self.positions = positions
            self.layer = layer; self.wc = wc; self.bc = bc
        }
    }

    /// Class probabilities at frame `t` alone.
    /// - Complexity: O(W · d · (d + F) + W² · d + d · C)
    public static func probabilities(frames: Matrix, t: Int, detector m: Detector) -> [Double] {
        let recent = window(frames: frames, t: t, size: m.window)                                  // 1.
        let input = encoderInput(window: recent, taskToken: m.taskToken, positions: m.positions)    // 2.
        let encoded = Transformer.encoderLayer(input, m.layer)                                      // 3.
        let token = encoded.rows(m.window..<(m.window + 1))                                         // [1, d]
        return Transformer.softmax(Transformer.dense(token, m.wc, m.bc)).storage                   // 4.
    }

    /// The `T`×C matrix of class probabilities, one row per frame.
    /// - Complexity: O(T) times the cost of one step.
    public static func stream(frames: Matrix, detector m: Detector) -> Matrix {
        var out = Matrix(rows: frames.rows, cols: m.bc.count)
        for t in 0..<frames.rows {
            let p = probabilities(frames: frames, t: t, detector: m)
            for c in 0..<p.count { out.storage[t * p.count + c] = p[c] }
        }
        return out
    }
}
