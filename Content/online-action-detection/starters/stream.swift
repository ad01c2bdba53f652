import Foundation

/// Class probabilities for every frame of a stream, as OadTR computes them
/// online. frames is T×d; for each t:
///
/// 1. the window of `window` frames ending at t (zero rows in front),
/// 2. the task token appended and `positions` ((window+1)×d) added,
/// 3. one encoder layer with the weights in `layer` (see
///    `Support/stream-types.swift`; the same fields and rules as
///    transformer/encoder-layer: no mask, eps 1e-5, normFirst picks pre-norm),
/// 4. softmax(last output row · wc + bc), wc is d×C, bc has C values.
///
/// Returns T×C. Copy your earlier functions into this file and reuse them.
/// See "The encoder and the classifier".
func detectActions(frames: [[Double]], window: Int, taskToken: [Double], positions: [[Double]],
                   layer: EncoderLayerWeights, wc: [[Double]], bc: [Double]) -> [[Double]] {
    // TODO: window, encoder input, encoder layer, classifier on the token row, for each t.
    return frames.map { _ in [Double](repeating: 1 / Double(bc.count), count: bc.count) }
}
