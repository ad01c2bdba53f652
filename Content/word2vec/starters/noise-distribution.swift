import Foundation

// word2vec/noise-distribution — see "Choosing the negatives: unigram to the ¾".
//
// P(w) = counts[w]^power / Σ_v counts[v]^power
//
// Every count is >= 1 and there is at least one. Edge cases: one count gives
// [1.0]; power 0 gives the uniform distribution; power 1 the plain unigram.

func noiseDistribution(counts: [Int], power: Double) -> [Double] {
    // TODO: raise each count to `power`, then normalise so the values sum to 1.
    return Array(repeating: 0, count: counts.count)
}
