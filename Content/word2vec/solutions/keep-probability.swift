import Foundation

func keepProbability(counts: [Int], sample: Double) -> [Double] {
    let total = Double(counts.reduce(0, +))
    let threshold = sample * total
    return counts.map { count in
        let c = Double(count)
        return min(1, ((c / threshold).squareRoot() + 1) * threshold / c)
    }
}
