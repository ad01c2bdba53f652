import Testing
import Tensor
@testable import Engine

@Suite("word2vec: skip-gram pairs")
struct Word2VecPairsTests {
    @Test func lessonExample() {
        // The lesson's examples: three ids with window 1, four ids with window 2.
        #expect(Word2Vec.skipgramPairs(ids: [7, 8, 9], window: 1) == [[7, 8], [8, 7], [8, 9], [9, 8]])
        #expect(Word2Vec.skipgramPairs(ids: [0, 1, 2, 3], window: 2) == [
            [0, 1], [0, 2],
            [1, 0], [1, 2], [1, 3],
            [2, 0], [2, 1], [2, 3],
            [3, 1], [3, 2],
        ])
    }

    @Test func edges() {
        #expect(Word2Vec.skipgramPairs(ids: [], window: 3).isEmpty)
        #expect(Word2Vec.skipgramPairs(ids: [5], window: 3).isEmpty)
        #expect(Word2Vec.skipgramPairs(ids: [1, 2, 3], window: 0).isEmpty)
        // A window longer than the sentence pairs every word with every other.
        #expect(Word2Vec.skipgramPairs(ids: [4, 4], window: 10) == [[4, 4], [4, 4]])
    }

    /// The naive twin: scan every j for every i.
    static func naivePairs(_ ids: [Int], _ window: Int) -> [[Int]] {
        var out: [[Int]] = []
        for i in ids.indices {
            for j in ids.indices where j != i && abs(i - j) <= window { out.append([ids[i], ids[j]]) }
        }
        return out
    }

    @Test func matchesNaiveTwin() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<500 {
            let n = rng.int(in: 0...30)
            let ids = (0..<n).map { _ in rng.int(in: 0...9) }
            let window = rng.int(in: 0...8)
            #expect(Word2Vec.skipgramPairs(ids: ids, window: window) == Self.naivePairs(ids, window))
        }
    }

    @Test func shrunkWindowsAreUniformAndNested() {
        var rng = SeededRandom(seed: 3)
        var histogram = [Int](repeating: 0, count: 6)
        for _ in 0..<50_000 { histogram[Word2Vec.effectiveWindow(5, rng: &rng)] += 1 }
        #expect(histogram[0] == 0)
        for b in 1...5 { #expect(abs(Double(histogram[b]) / 50_000 - 0.2) < 0.01) }

        for _ in 0..<200 {
            let ids = (0..<rng.int(in: 0...20)).map { _ in rng.int(in: 0...50) }
            let window = rng.int(in: 1...5)
            let full = Self.naivePairs(ids, window)
            let shrunk = Word2Vec.shrunkWindowPairs(ids: ids, window: window, rng: &rng)
            // Every shrunk pair is a full-window pair, at most as many of each.
            var remaining: [[Int]: Int] = [:]
            for p in full { remaining[p, default: 0] += 1 }
            for p in shrunk { remaining[p, default: 0] -= 1; #expect(remaining[p]! >= 0) }
            // Window 1 always survives shrinking: neighbours are always paired.
            if ids.count >= 2 { #expect(shrunk.count >= 2 * (ids.count - 1)) }
        }
    }
}
