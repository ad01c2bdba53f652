import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Tokenization: BPE training")
struct TokenizationTrainerTests {
    /// The lesson's worked example: "aaabdaaabac" to vocabulary 259.
    @Test func lessonWorkedExample() {
        let expected = [TokenPair(97, 97), TokenPair(256, 97), TokenPair(257, 98)]
        #expect(NaiveBPETrainer.train(text: "aaabdaaabac", vocabSize: 259) == expected)
        #expect(FastBPETrainer.train(text: "aaabdaaabac", vocabSize: 259) == expected)
        // It goes on until one token is left: 11 bytes, 7 merges in all.
        #expect(FastBPETrainer.train(text: "aaabdaaabac", vocabSize: 1000).count == 7)
    }

    /// The lesson's "Hello World" merges: ties everywhere, so first occurrence decides.
    @Test func helloWorldTieBreaks() {
        let m = FastBPETrainer.train(text: "Hello World", vocabSize: 260)
        // Every pair occurs once; the earliest wins each time: He, then (He)l, then (Hel)l, then (Hell)o.
        #expect(m == [TokenPair(72, 101), TokenPair(256, 108), TokenPair(257, 108), TokenPair(258, 111)])
        // With the split pattern "Hello" and " World" are separate pieces; "He" still comes first.
        let r = FastBPETrainer.trainRegex(text: "Hello World", vocabSize: 258)
        #expect(r == [TokenPair(72, 101), TokenPair(256, 108)])
    }

    /// 你好 is six bytes; "你好你好" makes its byte pairs the most frequent.
    @Test func chineseBytes() {
        #expect(Array("你好".utf8) == [0xE4, 0xBD, 0xA0, 0xE5, 0xA5, 0xBD])
        let m = FastBPETrainer.train(text: "你好你好", vocabSize: 261)
        #expect(m == [TokenPair(0xE4, 0xBD), TokenPair(256, 0xA0), TokenPair(257, 0xE5), TokenPair(258, 0xA5), TokenPair(259, 0xBD)])
    }

    @Test func edges() {
        #expect(FastBPETrainer.train(text: "", vocabSize: 300) == [])
        #expect(FastBPETrainer.train(text: "a", vocabSize: 300) == [])
        #expect(FastBPETrainer.train(text: "abc", vocabSize: 256) == [])
        #expect(FastBPETrainer.train(text: "aaaaaaaa", vocabSize: 300)
                == [TokenPair(97, 97), TokenPair(256, 256), TokenPair(257, 257)])
        // Pieces "a", " b", " c": only the two space pairs exist, in order of appearance.
        #expect(FastBPETrainer.trainRegex(text: "a b c", vocabSize: 300) == [TokenPair(32, 98), TokenPair(32, 99)])
    }

    /// Fast against naive on hundreds of seeded texts, small alphabets to force ties.
    @Test func fastMatchesNaive() {
        var rng = SeededRandom(seed: 5)
        let alphabets: [[String]] = [["a", "b"], ["a", "b", "c"], ["a", "b", " "], ["ab", "ba", "a", " ", "\n"],
                                     ["你", "好", " ", "a"], ["x", "y", "'s", " ", "1", "!", "\n", "  "]]
        for t in 0..<600 {
            let alphabet = alphabets[t % alphabets.count]
            var text = ""
            for _ in 0..<rng.int(in: 0...(t < 400 ? 40 : 160)) { text += alphabet[rng.int(in: 0..<alphabet.count)] }
            let vocab = 256 + rng.int(in: 0...60)
            #expect(FastBPETrainer.train(text: text, vocabSize: vocab) == NaiveBPETrainer.train(text: text, vocabSize: vocab),
                    "train \(text.debugDescription) \(vocab)")
            #expect(FastBPETrainer.trainRegex(text: text, vocabSize: vocab) == NaiveBPETrainer.trainRegex(text: text, vocabSize: vocab),
                    "train-regex \(text.debugDescription) \(vocab)")
        }
    }

    /// On the shipped story, English and Chinese, both modes agree for 150 merges.
    @Test func fastMatchesNaiveOnStory() {
        let text = TokenizationStory.text
        #expect(FastBPETrainer.train(text: text, vocabSize: 406) == NaiveBPETrainer.train(text: text, vocabSize: 406))
        #expect(FastBPETrainer.trainRegex(text: text, vocabSize: 406) == NaiveBPETrainer.trainRegex(text: text, vocabSize: 406))
    }

    /// Weighted unique pieces give the same merges as every piece listed in order.
    @Test func weightedPiecesMatchRepeatedPieces() {
        var rng = SeededRandom(seed: 6)
        for _ in 0..<200 {
            let distinct = (0..<rng.int(in: 1...5)).map { _ in (0..<rng.int(in: 1...5)).map { _ in UInt8(97 + rng.int(in: 0..<3)) } }
            let sequence = (0..<rng.int(in: 1...12)).map { _ in distinct[rng.int(in: 0..<distinct.count)] }
            var unique: [[UInt8]] = [], weights: [Int] = []
            for p in sequence {
                if let i = unique.firstIndex(of: p) { weights[i] += 1 } else { unique.append(p); weights.append(1) }
            }
            let vocab = 256 + rng.int(in: 1...15)
            #expect(FastBPETrainer.train(pieces: unique, weights: weights, vocabSize: vocab)
                    == NaiveBPETrainer.train(pieces: sequence.map { $0.map(Int.init) }, vocabSize: vocab))
        }
    }

    /// The benchmark's copy of the story (Content/tokenization/sample.txt) is the Engine's text.
    @Test func shippedSampleMatchesStory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Content/tokenization/sample.txt"), encoding: .utf8)
        #expect(file == TokenizationStory.text + "\n")
    }
}
