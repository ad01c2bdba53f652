import Foundation

func noiseDistribution(counts: [Int], power: Double) -> [Double] {
    let weights = counts.map { pow(Double($0), power) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}
