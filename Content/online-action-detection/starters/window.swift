import Foundation

/// The `window` frames ending at frame t (0-based, inclusive), oldest first:
/// frames t − window + 1 … t. Where that index is negative (the stream is
/// younger than the window) the row is all zeros, as wide as a frame.
/// frames is T×d; the result is window×d. See "The sliding window of past frames".
func frameWindow(frames: [[Double]], t: Int, window: Int) -> [[Double]] {
    // TODO: one row per window position; zeros before frame 0.
    return Array(frames.prefix(window))
}
