import Testing
import Tensor
@testable import Engine

@Suite("Tokenization: encode and decode")
struct TokenizationCodecTests {
    static let lessonMerges = [TokenPair(97, 97), TokenPair(256, 97), TokenPair(257, 98)]

    @Test func lessonEncodeExample() {
        #expect(BPEEncoder.encode("aaab", merges: Self.lessonMerges, regex: false) == [258])
        #expect(BPEEncoder.encode("aaabdaaabac", merges: Self.lessonMerges, regex: false) == [258, 100, 258, 97, 99])
        // Rank order, not left-to-right order: (97, 98) is learned after (97, 97).
        let m = [TokenPair(97, 97), TokenPair(97, 98), TokenPair(256, 257)]
        #expect(BPEEncoder.encode("aaab", merges: m, regex: false) == [258])
        #expect(BPEEncoder.encode("aab", merges: m, regex: false) == [256, 98])
        // Without the pattern merges cross a space; with it they do not.
        #expect(BPEEncoder.encode("a aa", merges: [TokenPair(97, 32), TokenPair(32, 97)], regex: false) == [256, 97, 97])
        #expect(BPEEncoder.encode("a aa", merges: [TokenPair(97, 32), TokenPair(32, 97)], regex: true) == [97, 257, 97])
    }

    /// Twin: apply every merge in order to every piece (the training replay).
    static func replay(_ text: String, merges: [TokenPair], regex: Bool) -> [Int] {
        let bytes = Array(text.utf8).map(Int.init)
        let pieces = regex ? GPT2Pretokenizer.byteRanges(text).map { Array(bytes[$0]) } : [bytes]
        return pieces.flatMap { piece in
            merges.enumerated().reduce(piece) { ids, m in BytePairs.merge(ids, pair: m.element, newId: 256 + m.offset) }
        }
    }

    @Test func encodeMatchesReplayAndRoundTrips() {
        var rng = SeededRandom(seed: 8)
        let pool = ["a", "b", "ab", " ", "你", "好", "'s", "1", "\n"]
        func text(_ n: Int) -> String { (0..<n).map { _ in pool[rng.int(in: 0..<pool.count)] }.joined() }
        for t in 0..<300 {
            let regex = t % 2 == 0
            let source = text(rng.int(in: 0...80))
            let merges = regex ? FastBPETrainer.trainRegex(text: source, vocabSize: 256 + rng.int(in: 0...30))
                               : FastBPETrainer.train(text: source, vocabSize: 256 + rng.int(in: 0...30))
            for sample in [source, text(rng.int(in: 0...40))] {
                let ids = BPEEncoder.encode(sample, merges: merges, regex: regex)
                #expect(ids == Self.replay(sample, merges: merges, regex: regex))
                #expect(BPEEncoder.decode(ids, merges: merges) == sample)
            }
        }
    }

    /// Python's `bytes.decode("utf-8", "replace")` on each input, pasted as literals.
    static let pythonVectors: [([UInt8], String)] = [
        ([0xE4, 0xBD], "\u{FFFD}"),
        ([0xE4, 0x41], "\u{FFFD}A"),
        ([0xC0, 0x80], "\u{FFFD}\u{FFFD}"),
        ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xE0, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF0, 0x9F, 0x98], "\u{FFFD}"),
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xFF, 0xFE, 0xF5], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0x41, 0x80, 0x42], "A\u{FFFD}B"),
        ([0xF0, 0x9F, 0x98, 0x80], "\u{1F600}"),
        ([0xE4, 0xBD, 0xA0, 0xE5, 0xA5], "\u{4F60}\u{FFFD}"),
        ([0xC2], "\u{FFFD}"),
        ([0xC2, 0xC2, 0xA9], "\u{FFFD}\u{A9}"),
        ([0xF1, 0x80, 0x80, 0xE4, 0xBD, 0xA0], "\u{FFFD}\u{4F60}"),
        ([0xE1, 0x80], "\u{FFFD}"),
        ([0xF0, 0x90], "\u{FFFD}"),
        ([0xF8, 0x88, 0x80, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xEF, 0xBF, 0xBD], "\u{FFFD}"),
        ([0xED, 0x9F, 0xBF], "\u{D7FF}"),
        ([0xEE, 0x80, 0x80], "\u{E000}"),
        ([0xFF, 0xC3, 0xF4, 0x90], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0x41, 0x90], "A\u{FFFD}"),
        ([0xFF, 0xE4, 0xE0, 0x90, 0xFF], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF5, 0xC3, 0xE4, 0xC3, 0x8F, 0xF5, 0x41, 0xBF], "\u{FFFD}\u{FFFD}\u{FFFD}\u{CF}\u{FFFD}A\u{FFFD}"),
        ([0x80, 0xEF, 0x41], "\u{FFFD}\u{FFFD}A"),
        ([0x90, 0xF5, 0x9F, 0xF5, 0xA0], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF4, 0xC2, 0x80], "\u{FFFD}\u{80}"),
        ([0x90, 0xE0, 0xED], "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xEF, 0x9F, 0x8F, 0xF5, 0xF4, 0xFF, 0x9F], "\u{F7CF}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0xF0, 0x41, 0xED, 0xDF], "\u{FFFD}A\u{FFFD}\u{FFFD}"),
        ([0xFF, 0xC2, 0xE0, 0xED, 0xEF, 0xC2], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ([0x90, 0x90], "\u{FFFD}\u{FFFD}"),
    ]

    @Test func decodeMatchesPython() {
        for (bytes, expected) in Self.pythonVectors {
            #expect(Array(UTF8Repair.decode(bytes).unicodeScalars) == Array(expected.unicodeScalars), "\(bytes)")
        }
    }

    /// Swift's own decoder also substitutes maximal subparts: a second twin on random bytes.
    @Test func decodeMatchesStandardLibraryOnRandomBytes() {
        var rng = SeededRandom(seed: 9)
        let interesting: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<2000 {
            let bytes = (0..<rng.int(in: 0...12)).map { _ in rng.bool() ? interesting[rng.int(in: 0..<interesting.count)] : UInt8(rng.int(in: 0...255)) }
            let ours = Array(UTF8Repair.decode(bytes).unicodeScalars)
            #expect(ours == Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), "\(bytes)")
        }
    }

    @Test func decodeExpandsMerges() {
        #expect(BPEEncoder.decode([258, 100, 258, 97, 99], merges: Self.lessonMerges) == "aaabdaaabac")
        // A token that holds half of 你 decodes to U+FFFD on its own, to 你 with its other half.
        let m = [TokenPair(0xE4, 0xBD)]
        #expect(BPEEncoder.decode([256], merges: m) == "\u{FFFD}")
        #expect(BPEEncoder.decode([256, 0xA0], merges: m) == "你")
    }

    /// The demo's trace: the doc-comment example, and the final tokens equal `encode` for each text.
    @Test func traceReplaysEncode() {
        let m = [TokenPair(108, 108), TokenPair(72, 101), TokenPair(256, 111)]
        let small = BPETrace(texts: ["Hello"], merges: m, regex: true, maxSteps: 10)
        #expect(small.steps.map(\.rank) == [0, 1, 2])
        #expect(small.tokens(text: 0, after: 1) == [72, 101, 256, 111])
        #expect(small.tokens(text: 0, after: 3) == [257, 258])

        let merges = FastBPETrainer.trainRegex(text: TokenizationStory.text, vocabSize: 512)
        let texts = ["Hello World", "你好，灯塔的光", "The keeper's 12 notebooks"]
        let trace = BPETrace(texts: texts, merges: merges, regex: true, maxSteps: 1000)
        for (t, text) in texts.enumerated() {
            #expect(trace.tokens(text: t, after: trace.steps.count) == BPEEncoder.encode(text, merges: merges, regex: true))
        }
        #expect(trace.steps.map(\.rank) == trace.steps.map(\.rank).sorted())   // ranks fire in increasing order
    }
}
