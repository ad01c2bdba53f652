/// Global-norm clipping: one norm over every value of every gradient, one
/// common scale min(1, maxNorm / (total + 1e-6)).
func clipGradNorm(grads: [[Double]], maxNorm: Double) -> ClippedGradients {
    var squares = 0.0
    for g in grads {
        for v in g { squares += v * v }
    }
    let total = squares.squareRoot()
    let scale = min(1, maxNorm / (total + 1e-6))
    return ClippedGradients(grads: grads.map { g in g.map { $0 * scale } }, totalNorm: total)
}
