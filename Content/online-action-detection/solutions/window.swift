import Foundation

/// The frames t − window + 1 … t, with zero rows where the stream had not started.
func frameWindow(frames: [[Double]], t: Int, window: Int) -> [[Double]] {
    let zeros = [Double](repeating: 0, count: frames[0].count)
    return (0..<window).map { r in
        let frame = t - window + 1 + r
        return frame >= 0 ? frames[frame] : zeros
    }
}
