import Tensor

/// The sliding window of past frames that the detector sees at frame t:
/// frames t − window + 1 … t, oldest first, with zero rows in front when the
/// stream has not yet produced `window` frames (Wang et al. 2021, §3.1: the
/// encoder input is the sequence of the latest frames up to now).
///
/// It is the window of the sliding-window-maximum lesson turned into the
/// input of a model: the right edge is the present, and nothing to the right
/// of it (the future) is ever read.
///
/// Example: frames [[1], [2], [3]], t = 1, window = 3 → [[0], [1], [2]].
extension OnlineActionDetection {
    /// The `window`×d block of frames ending at frame `t` (0-based, inclusive).
    /// - Complexity: O(window · d)
    public static func window(frames: Matrix, t: Int, size window: Int) -> Matrix {
        precondition(window >= 1 && t >= 0 && t < frames.rows, "window: t = \(t) outside \(frames.rows) frames or window < 1")
        let d = frames.cols
        var out = Matrix(rows: window, cols: d)                 // [window, d], zeros in front
        let first = t - window + 1                              // frame index of row 0 (may be negative)
        for r in max(0, -first)..<window {
            let frame = first + r
            for c in 0..<d { out.storage[r * d + c] = frames.storage[frame * d + c] }
        }
        return out
    }
}
