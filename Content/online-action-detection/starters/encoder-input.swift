import Foundation

/// OadTR's encoder input: the W×d window with the task token (d values)
/// appended as one more row after the frames, then positions ((W+1)×d)
/// added row by row. Returns (W+1)×d. See "The task token".
func encoderInput(window: [[Double]], taskToken: [Double], positions: [[Double]]) -> [[Double]] {
    // TODO: append the token, then add positions[r][c] to every entry.
    return window
}
