import Testing
import Tensor
@testable import Engine

@Suite("word2vec: noise distribution and subsampling")
struct Word2VecSamplingTests {
    @Test func noiseLessonExample() {
        let p = Word2Vec.noiseDistribution(counts: [16, 1], power: 0.5)
        #expect(abs(p[0] - 0.8) < 1e-15 && abs(p[1] - 0.2) < 1e-15)
        // The lesson's table: counts 81, 16, 1 at the power 3/4 give 27, 8, 1 (sum 36).
        let q = Word2Vec.noiseDistribution(counts: [81, 16, 1], power: 0.75)
        for (got, want) in zip(q, [27.0 / 36, 8.0 / 36, 1.0 / 36]) { #expect(abs(got - want) < 1e-12) }
    }

    @Test func noiseNaiveTwinAndLimits() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<300 {
            let counts = (0..<rng.int(in: 1...20)).map { _ in rng.int(in: 1...100_000) }
            let power = rng.uniform(0, 1.5)
            let p = Word2Vec.noiseDistribution(counts: counts, power: power)
            let z = counts.reduce(0.0) { $0 + Word2Vec.pow(Double($1), power) }
            for (pi, c) in zip(p, counts) {
                #expect(abs(pi - Word2Vec.pow(Double(c), power) / z) <= 1e-12)
            }
            #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        }
        // Power 0 is uniform; power 1 is the plain unigram.
        #expect(Word2Vec.noiseDistribution(counts: [1, 50, 7, 2], power: 0) == [0.25, 0.25, 0.25, 0.25])
        let u = Word2Vec.noiseDistribution(counts: [1, 3], power: 1)
        #expect(u == [0.25, 0.75])
    }

    @Test func noiseTableDrawsMatchProbabilities() {
        let p = Word2Vec.noiseDistribution(counts: [500, 100, 20, 5, 1], power: 0.75)
        let table = Word2Vec.NoiseTable(probabilities: p, size: 100_000)
        var slots = [Int](repeating: 0, count: p.count)
        for w in table.table { slots[Int(w)] += 1 }
        for i in p.indices { #expect(abs(Double(slots[i]) / 100_000 - p[i]) < 1e-4) }
        var rng = SeededRandom(seed: 9)
        var draws = [Int](repeating: 0, count: p.count)
        for _ in 0..<200_000 { draws[table.sample(&rng)] += 1 }
        for i in p.indices { #expect(abs(Double(draws[i]) / 200_000 - p[i]) < 0.005) }
    }

    @Test func keepLessonExample() {
        let keep = Word2Vec.keepProbability(counts: [96, 4], sample: 0.01)
        #expect(abs(keep[0] - (96.0.squareRoot() + 1) / 96) < 1e-15)
        #expect(abs(keep[0] - 0.112478739) < 1e-9)
        // Even a word of count 4 loses a quarter: (sqrt(4) + 1)/4 = 0.75; only c <= 2.618·t·T is always kept.
        #expect(keep[1] == 0.75)
        #expect(Word2Vec.keepProbability(counts: [97, 2, 1], sample: 0.01)[1...] == [1, 1])
    }

    @Test func keepNaiveTwin() {
        // The C code's expression, literally: (sqrt(cn / (sample * train_words)) + 1) * (sample * train_words) / cn.
        var rng = SeededRandom(seed: 21)
        for _ in 0..<300 {
            let counts = (0..<rng.int(in: 1...15)).map { _ in rng.int(in: 1...1_000_000) }
            let sample = Word2Vec.pow(10, -rng.uniform(1, 6))
            let total = Double(counts.reduce(0, +))
            let keep = Word2Vec.keepProbability(counts: counts, sample: sample)
            for (k, c) in zip(keep, counts) {
                let ran = ((Double(c) / (sample * total)).squareRoot() + 1) * (sample * total) / Double(c)
                #expect(abs(k - min(1, ran)) <= 1e-12 * max(1, ran))
                #expect(k > 0 && k <= 1)
            }
        }
    }

    @Test func frequentWordsKeepAboutSqrtOfRatio() {
        // f / t = 10^4: keep = 1/100 + 1/10^4.
        let keep = Word2Vec.keepProbability(counts: [10_000, 990_000], sample: 1e-6)
        // T = 10^6, t·T = 1: word 0 has c / (t·T) = 10^4.
        #expect(abs(keep[0] - (0.01 + 0.0001)) < 1e-12)
    }
}
