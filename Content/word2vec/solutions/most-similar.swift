import Foundation

private func cosine(_ a: [Double], _ b: [Double]) -> Double {
    var ab = 0.0, aa = 0.0, bb = 0.0
    for i in a.indices { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i] }
    return ab / (aa.squareRoot() * bb.squareRoot())
}

func mostSimilar(vectors: [[Double]], vocab: [String], word: String, k: Int) -> [String] {
    guard let query = vocab.firstIndex(of: word) else { return [] }
    let scored = vocab.indices
        .filter { $0 != query }
        .map { (index: $0, cosine: cosine(vectors[$0], vectors[query])) }
    let ranked = scored.sorted { x, y in
        x.cosine != y.cosine ? x.cosine > y.cosine : x.index < y.index
    }
    return ranked.prefix(k).map { vocab[$0.index] }
}
