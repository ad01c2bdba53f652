import Foundation

/// The window with the task token appended after it, plus one position per row.
func encoderInput(window: [[Double]], taskToken: [Double], positions: [[Double]]) -> [[Double]] {
    (window + [taskToken]).enumerated().map { r, row in
        zip(row, positions[r]).map(+)
    }
}
