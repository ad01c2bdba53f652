import Foundation

// word2vec/keep-probability — see "Subsampling frequent words" in the lesson.
//
// keep(w) = min(1, (sqrt(c / (sample·T)) + 1) · (sample·T) / c), T = Σ counts.

func keepProbability(counts: [Int], sample: Double) -> [Double] {
    // TODO: one keep probability per count.
    return Array(repeating: 0, count: counts.count)
}
