import Testing
import Tensor
@testable import Engine

@Suite("Tokenization: pair counts and merge")
struct TokenizationPairsTests {
    @Test func lessonExamples() {
        #expect(BytePairs.counts([1, 2, 3, 1, 2]) == [.init(1, 2, 2), .init(2, 3, 1), .init(3, 1, 1)])
        #expect(BytePairs.counts([97, 97, 97]) == [.init(97, 97, 2)])
        #expect(BytePairs.counts([]) == [] && BytePairs.counts([4]) == [])
        #expect(BytePairs.merge([1, 2, 3, 1, 2], pair: TokenPair(1, 2), newId: 4) == [4, 3, 4])
        #expect(BytePairs.merge([97, 97, 97], pair: TokenPair(97, 97), newId: 256) == [256, 97])
        #expect(BytePairs.merge([5, 5, 5, 5, 5], pair: TokenPair(5, 5), newId: 6) == [6, 6, 5])
    }

    /// Counts against a quadratic twin: for each first occurrence, count matches by scanning.
    @Test func countsMatchQuadraticTwin() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let ids = (0..<rng.int(in: 0...40)).map { _ in rng.int(in: 0..<3) }
            var twin: [BytePairs.Count] = []
            if ids.count >= 2 {
                for i in 0..<(ids.count - 1) {
                    let seenBefore = (0..<i).contains { ids[$0] == ids[i] && ids[$0 + 1] == ids[i + 1] }
                    if seenBefore { continue }
                    let c = (0..<(ids.count - 1)).filter { ids[$0] == ids[i] && ids[$0 + 1] == ids[i + 1] }.count
                    twin.append(.init(ids[i], ids[i + 1], c))
                }
            }
            #expect(BytePairs.counts(ids) == twin)
        }
    }

    /// Merge against a twin that works on the string form.
    @Test func mergeMatchesStringReplacement() {
        var rng = SeededRandom(seed: 12)
        for _ in 0..<300 {
            let ids = (0..<rng.int(in: 0...40)).map { _ in rng.int(in: 0..<3) }
            let pair = TokenPair(rng.int(in: 0..<3), rng.int(in: 0..<3))
            // Ids 0-2 as letters a-c, the new id as "Z": String.replacing scans left to right without overlap.
            let letters = String(ids.map { Character(Unicode.Scalar(UInt8(97 + $0))) })
            let target = String([Character(Unicode.Scalar(UInt8(97 + pair.first))), Character(Unicode.Scalar(UInt8(97 + pair.second)))])
            let twin = letters.replacing(target, with: "Z").map { $0 == "Z" ? 9 : Int($0.asciiValue! - 97) }
            #expect(BytePairs.merge(ids, pair: pair, newId: 9) == twin)
        }
    }
}
