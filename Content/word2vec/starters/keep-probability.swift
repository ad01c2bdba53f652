import Foundation

// word2vec/keep-probability — see "Subsampling frequent words" in the lesson.
//
// keep(w) = min(1, (sqrt(c / (sample·T)) + 1) · (sample·T) / c), T = Σ counts.
//
// Every count is >= 1 and sample > 0. Edge cases: rare words are kept with
// probability exactly 1 (the min caps them); counts can reach 10^12, so
// convert to Double before multiplying.

func keepProbability(counts: [Int], sample: Double) -> [Double] {
    // TODO: one keep probability per count.
    return Array(repeating: 0, count: counts.count)
}
