import Tensor

/// The encoder's input at one step of OadTR (Wang et al. 2021, §3.1): the
/// window of W frame features with a learnable task token appended after
/// them, plus a learned position for each of the W + 1 rows:
///
/// ```
/// X = [f_{t−W+1}; …; f_t; token] + P          // [W + 1, d]
/// ```
///
/// The token carries no frame of its own. After the encoder its row has
/// attended to every frame in the window, so it is the summary that the
/// classifier reads (the same role as BERT's and ViT's class token; OadTR
/// puts it at the end of the sequence).
///
/// Example: window [[1, 1]], token [5, 6], positions [[0, 1], [2, 3]] →
/// [[1, 2], [7, 9]].
extension OnlineActionDetection {
    /// `window` with `taskToken` appended as the last row, plus `positions` row by row.
    /// - Complexity: O(W · d)
    public static func encoderInput(window: Matrix, taskToken: [Double], positions: Matrix) -> Matrix {
        let d = window.cols
        precondition(taskToken.count == d && positions.rows == window.rows + 1 && positions.cols == d,
                     "encoderInput: token of \(taskToken.count), positions \(positions.rows)×\(positions.cols), window \(window.rows)×\(d)")
        var x = window.storage
        x.append(contentsOf: taskToken)                          // [W + 1, d]
        for i in x.indices { x[i] += positions.storage[i] }
        return (try? Matrix(rows: window.rows + 1, cols: d, storage: x)) ?? Matrix(rows: 0, cols: 0)
    }
}
