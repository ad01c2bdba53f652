import Foundation

private func length(_ v: [Double]) -> Double {
    v.reduce(0) { $0 + $1 * $1 }.squareRoot()
}

private func unitVector(_ v: [Double]) -> [Double] {
    let n = length(v)
    return v.map { $0 / n }
}

func analogy(vectors: [[Double]], vocab: [String], a: String, b: String, c: String) -> String {
    guard let ia = vocab.firstIndex(of: a), let ib = vocab.firstIndex(of: b),
          let ic = vocab.firstIndex(of: c) else { return "" }
    let ua = unitVector(vectors[ia]), ub = unitVector(vectors[ib]), uc = unitVector(vectors[ic])
    let query = (0..<ua.count).map { ub[$0] - ua[$0] + uc[$0] }
    let queryLength = length(query)

    var best = "", bestCosine = -Double.infinity
    for (i, v) in vectors.enumerated() where i != ia && i != ib && i != ic {
        var dot = 0.0
        for j in v.indices { dot += v[j] * query[j] }
        let cosine = dot / (length(v) * queryLength)
        if cosine > bestCosine { best = vocab[i]; bestCosine = cosine }
    }
    return best
}
