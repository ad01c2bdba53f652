import Foundation

// word2vec/noise-distribution — see "Choosing the negatives: unigram to the ¾".
//
// P(w) = counts[w]^power / Σ_v counts[v]^power

func noiseDistribution(counts: [Int], power: Double) -> [Double] {
    // TODO: raise each count to `power`, then normalise so the values sum to 1.
    return Array(repeating: 0, count: counts.count)
}
