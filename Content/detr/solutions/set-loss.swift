import Foundation

/// Weighted cross-entropy over every query, box terms over the matched pairs.
func setLoss(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
             matching: [[Int]], eosCoef: Double) -> SetLoss {
    let noObject = logits[0].count - 1
    var target = [Int](repeating: noObject, count: logits.count)
    for pair in matching { target[pair[0]] = labels[pair[1]] }
    var weighted = 0.0, weights = 0.0
    for q in 0..<logits.count {
        let top = logits[q].max()!
        let logSum = log(logits[q].reduce(0) { $0 + exp($1 - top) })
        let nll = -(logits[q][target[q]] - top - logSum)
        let w = target[q] == noObject ? eosCoef : 1
        weighted += w * nll
        weights += w
    }
    func corners(_ b: [Double]) -> [Double] { [b[0] - b[2] / 2, b[1] - b[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2] }
    var l1 = 0.0, giouLoss = 0.0
    for pair in matching {
        let b = boxes[pair[0]], t = targets[pair[1]]
        for k in 0..<4 { l1 += abs(b[k] - t[k]) }
        let p = corners(b), q = corners(t)
        let inter = max(0, min(p[2], q[2]) - max(p[0], q[0])) * max(0, min(p[3], q[3]) - max(p[1], q[1]))
        let union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
        let enclosing = (max(p[2], q[2]) - min(p[0], q[0])) * (max(p[3], q[3]) - min(p[1], q[1]))
        giouLoss += 1 - (inter / union - (enclosing - union) / enclosing)
    }
    let count = Double(max(1, targets.count))
    return SetLoss(ce: weighted / weights, l1: l1 / count, giou: giouLoss / count)
}
