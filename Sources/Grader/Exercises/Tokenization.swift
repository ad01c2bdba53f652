import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 2).
///
/// Hidden cases use small alphabets (to force ties between pairs, where a
/// wrong tie rule shows), mixed English and Chinese, odd whitespace and
/// contractions, at sizes a plain O(merges × length) solution handles well
/// within the time limit.
enum TokenizationExercises {
    static let all: [ExerciseSpec] = [pretokenize, pairCounts, merge, train, trainRegex, encode, decode]

    struct TextCase: Codable, Sendable, Equatable { var text: String }
    struct IdsCase: Codable, Sendable, Equatable { var ids: [Int] }
    struct MergeCase: Codable, Sendable, Equatable { var ids: [Int]; var pair: [Int]; var newId: Int }
    struct TrainCase: Codable, Sendable, Equatable { var text: String; var vocabSize: Int }
    struct EncodeCase: Codable, Sendable, Equatable { var text: String; var merges: [[Int]]; var regex: Bool }
    struct DecodeCase: Codable, Sendable, Equatable { var ids: [Int]; var merges: [[Int]] }

    /// The largest vocabulary a case may ask for (keeps `reference` input sane).
    static let maxVocabSize = 1 << 20

    static let pretokenize = ExerciseSpec.define(
        id: "tokenization/pretokenize",
        signature: Signature(function: "pretokenize", parameters: [.init("text", "String")], returns: "[String]"),
        input: TextCase.self,
        reference: { GPT2Pretokenizer.split($0.text) },
        generate: { rng in
            [TypedCaseGroup(.example, Samples.pretokenizeExamples.map(TextCase.init)),
             TypedCaseGroup(.edge, Samples.pretokenizeEdges.map(TextCase.init)),
             TypedCaseGroup(.hidden, (0..<50).map { i in
                 TextCase(text: Samples.randomText(&rng, length: rng.int(in: 1...(i < 30 ? 24 : 120)),
                                                   alphabet: Samples.splitAlphabet))
             })]
        },
        shrink: { c in shrinkText(c.text).map(TextCase.init) })

    static let pairCounts = ExerciseSpec.define(
        id: "tokenization/pair-counts",
        signature: Signature(function: "pairCounts", parameters: [.init("ids", "[Int]")], returns: "[[Int]]"),
        input: IdsCase.self,
        validate: { c in validateIds(c.ids, field: "ids", below: nil) },
        reference: { BytePairs.counts($0.ids).map { [$0.first, $0.second, $0.count] } },
        generate: { rng in
            [TypedCaseGroup(.example, [IdsCase(ids: [1, 2, 3, 1, 2]), IdsCase(ids: [97, 97, 97]),
                                       IdsCase(ids: Array("aaabdaaabac".utf8).map(Int.init))]),
             TypedCaseGroup(.edge, [IdsCase(ids: []), IdsCase(ids: [5]), IdsCase(ids: [7, 7]),
                                    IdsCase(ids: [1, 1, 1, 1, 1]), IdsCase(ids: [3, 2, 1, 2, 3]),
                                    IdsCase(ids: [0, 300, 0, 300, 0])]),
             TypedCaseGroup(.hidden, (0..<40).map { i in
                 IdsCase(ids: Samples.randomIds(&rng, count: rng.int(in: 0...(i < 20 ? 12 : 200)),
                                                distinct: i % 3 == 0 ? 2 : 6))
             })]
        },
        shrink: { c in shrinkArray(c.ids).map(IdsCase.init) })

    static let merge = ExerciseSpec.define(
        id: "tokenization/merge",
        signature: Signature(function: "mergePair",
                             parameters: [.init("ids", "[Int]"), .init("pair", "[Int]"), .init("newId", "Int")],
                             returns: "[Int]"),
        input: MergeCase.self,
        validate: { c in
            if let p = validateIds(c.ids, field: "ids", below: nil) { return p }
            if c.pair.count != 2 { return CaseProblem(field: "pair", message: "must hold exactly 2 ids, got \(c.pair.count)") }
            if let p = validateIds(c.pair, field: "pair", below: nil) { return p }
            if c.newId < 0 { return CaseProblem(field: "newId", message: "must be a non-negative id, got \(c.newId)") }
            return nil
        },
        reference: { BytePairs.merge($0.ids, pair: TokenPair($0.pair[0], $0.pair[1]), newId: $0.newId) },
        generate: { rng in
            [TypedCaseGroup(.example, [MergeCase(ids: [1, 2, 3, 1, 2], pair: [1, 2], newId: 4),
                                       MergeCase(ids: [97, 97, 97], pair: [97, 97], newId: 256)]),
             TypedCaseGroup(.edge, [MergeCase(ids: [], pair: [1, 2], newId: 3),
                                    MergeCase(ids: [1], pair: [1, 1], newId: 3),
                                    MergeCase(ids: [1, 2, 3], pair: [2, 1], newId: 4),       // absent
                                    MergeCase(ids: [5, 5, 5, 5], pair: [5, 5], newId: 6),    // two, no overlap
                                    MergeCase(ids: [5, 5, 5, 5, 5], pair: [5, 5], newId: 6),
                                    MergeCase(ids: [1, 2, 1, 2, 1], pair: [1, 2], newId: 1), // new id reused
                                    MergeCase(ids: [2, 1, 2], pair: [1, 2], newId: 256)]),
             TypedCaseGroup(.hidden, (0..<40).map { i in
                 let ids = Samples.randomIds(&rng, count: rng.int(in: 0...(i < 20 ? 12 : 200)), distinct: i % 2 == 0 ? 2 : 4)
                 let a = rng.int(in: 0..<4), b = rng.int(in: 0..<4)
                 return MergeCase(ids: ids, pair: [a, b], newId: 256 + rng.int(in: 0...9))
             })]
        },
        shrink: { c in shrinkArray(c.ids).map { MergeCase(ids: $0, pair: c.pair, newId: c.newId) } })

    static let train = ExerciseSpec.define(
        id: "tokenization/train",
        signature: Signature(function: "trainBPE",
                             parameters: [.init("text", "String"), .init("vocabSize", "Int")], returns: "[[Int]]"),
        input: TrainCase.self,
        validate: validateTrain,
        reference: { FastBPETrainer.train(text: $0.text, vocabSize: $0.vocabSize).map { [$0.first, $0.second] } },
        generate: { rng in trainGroups(&rng) },
        shrink: shrinkTrain)

    static let trainRegex = ExerciseSpec.define(
        id: "tokenization/train-regex",
        signature: Signature(function: "trainBPERegex",
                             parameters: [.init("text", "String"), .init("vocabSize", "Int")], returns: "[[Int]]"),
        input: TrainCase.self,
        validate: validateTrain,
        reference: { FastBPETrainer.trainRegex(text: $0.text, vocabSize: $0.vocabSize).map { [$0.first, $0.second] } },
        generate: { rng in trainGroups(&rng) },
        shrink: shrinkTrain)

    static let encode = ExerciseSpec.define(
        id: "tokenization/encode",
        signature: Signature(function: "encodeBPE",
                             parameters: [.init("text", "String"), .init("merges", "[[Int]]"), .init("regex", "Bool")],
                             returns: "[Int]"),
        input: EncodeCase.self,
        validate: { c in validateMerges(c.merges) },
        reference: { BPEEncoder.encode($0.text, merges: pairs($0.merges), regex: $0.regex) },
        generate: { rng in encodeGroups(&rng) },
        shrink: { c in
            shrinkText(c.text).map { EncodeCase(text: $0, merges: c.merges, regex: c.regex) }
                + shrinkMerges(c.merges).map { EncodeCase(text: c.text, merges: $0, regex: c.regex) }
        })

    static let decode = ExerciseSpec.define(
        id: "tokenization/decode",
        signature: Signature(function: "decodeBPE",
                             parameters: [.init("ids", "[Int]"), .init("merges", "[[Int]]")], returns: "String"),
        input: DecodeCase.self,
        validate: { c in
            if let p = validateMerges(c.merges) { return p }
            return validateIds(c.ids, field: "ids", below: 256 + c.merges.count)
        },
        reference: { BPEEncoder.decode($0.ids, merges: pairs($0.merges)) },
        generate: { rng in decodeGroups(&rng) },
        shrink: { c in
            shrinkArray(c.ids).map { DecodeCase(ids: $0, merges: c.merges) }
                + shrinkMerges(c.merges).map { DecodeCase(ids: c.ids, merges: $0) }
        })

    // MARK: validation

    static func pairs(_ merges: [[Int]]) -> [TokenPair] { merges.map { TokenPair($0[0], $0[1]) } }

    @Sendable static func validateIds(_ ids: [Int], field: String, below limit: Int?) -> CaseProblem? {
        for (i, id) in ids.enumerated() {
            if id < 0 { return CaseProblem(field: "\(field)[\(i)]", message: "must be a non-negative id, got \(id)") }
            if let limit, id >= limit {
                return CaseProblem(field: "\(field)[\(i)]",
                                   message: "must be below 256 + merges.count = \(limit), got \(id)")
            }
        }
        return nil
    }

    @Sendable static func validateMerges(_ merges: [[Int]]) -> CaseProblem? {
        for (k, m) in merges.enumerated() {
            if m.count != 2 { return CaseProblem(field: "merges[\(k)]", message: "must hold exactly 2 ids, got \(m.count)") }
            for (j, id) in m.enumerated() where id < 0 || id >= 256 + k {
                return CaseProblem(field: "merges[\(k)][\(j)]",
                                   message: "merge \(k) may only use ids 0..<\(256 + k) (bytes and earlier merges), got \(id)")
            }
        }
        return nil
    }

    @Sendable static func validateTrain(_ c: TrainCase) -> CaseProblem? {
        if c.vocabSize < 256 || c.vocabSize > maxVocabSize {
            return CaseProblem(field: "vocabSize", message: "must be between 256 (the bytes alone) and \(maxVocabSize), got \(c.vocabSize)")
        }
        return nil
    }
}

// MARK: cases

extension TokenizationExercises {
    /// Texts and random draws shared by the case generators.
    enum Samples {
        static let pretokenizeExamples = [
            "Hello World",
            "Hello  world's 42\n",
            "I'm sure you'll say we've 3 cats, 12 dogs.",
            "你好，世界！Hello 你好",
        ]
        static let pretokenizeEdges = [
            "", " ", "   ", "\n\n", "a", "'", "'s", "'S", "'ll've're", "don't", "DON'T",
            "x  y", "x\ty", "x \ty", "  lead", "trail  ", "a\n\n b", "!!! ??", " !", "1,000.50",
            "e\u{301}te\u{301}", "x\u{00A0}y", "x\u{3000}y", "A\u{2028}B", "x\u{000B}\u{0085}y",
            "Ⅻ and ½ and ²", "😀😀 ok", "ǅemal", "中文\n\n  English",
        ]
        /// Scalars and short strings chosen to exercise every branch of the pattern.
        static let splitAlphabet = [
            "a", "b", "Z", "s", "t", "l", "e", "'", "'s", "'ll", "'ve", " ", " ", "  ", "\t", "\n", "\r\n",
            "1", "42", "½", "!", ".", "-", "你", "好", "，", "é", "\u{301}", "😀", "\u{00A0}", "\u{3000}",
        ]
        /// Alphabets for training texts: small ones force ties between pairs.
        static let trainAlphabets: [[String]] = [
            ["a", "b"], ["a", "b", "c"], ["a", "b", " "], ["ab", "ba", "a", " "],
            ["the", " ", "cat", "a", "t", "h"], ["你", "好", "你好", "，", " "],
            ["x", "y", "'s", " ", "1", "!", "\n"],
        ]

        static func randomText(_ rng: inout SeededRandom, length: Int, alphabet: [String]) -> String {
            var s = ""
            for _ in 0..<length { s += alphabet[rng.int(in: 0..<alphabet.count)] }
            return s
        }

        static func randomIds(_ rng: inout SeededRandom, count: Int, distinct: Int) -> [Int] {
            (0..<count).map { _ in rng.int(in: 0..<distinct) }
        }

        /// A slice of the shipped story (English and Chinese), starting at a random scalar.
        static func storySlice(_ rng: inout SeededRandom, scalars: Int) -> String {
            let all = Array(TokenizationStory.text.unicodeScalars)
            let start = rng.int(in: 0..<max(1, all.count - scalars))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: all[start..<min(all.count, start + scalars)])
            return String(view)
        }
    }

    static func trainGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<TrainCase>] {
        let examples = [
            TrainCase(text: "aaabdaaabac", vocabSize: 259),
            TrainCase(text: "Hello World", vocabSize: 266),
            TrainCase(text: "你好你好，你们好", vocabSize: 262),
        ]
        let edges = [
            TrainCase(text: "", vocabSize: 300),
            TrainCase(text: "a", vocabSize: 300),
            TrainCase(text: "abc", vocabSize: 256),                 // no merges asked
            TrainCase(text: "aaaaaaaa", vocabSize: 270),            // stops early: one token left
            TrainCase(text: "abab abab", vocabSize: 280),
            TrainCase(text: "ab ba ab ba", vocabSize: 262),         // ties everywhere
            TrainCase(text: "  \n\n  x", vocabSize: 264),
            TrainCase(text: "it's it's IT'S", vocabSize: 270),
        ]
        var hidden: [TrainCase] = []
        for i in 0..<45 {
            let text: String
            if i % 5 == 4 {
                text = Samples.storySlice(&rng, scalars: rng.int(in: 50...(i < 25 ? 200 : 1200)))
            } else {
                let alphabet = Samples.trainAlphabets[i % Samples.trainAlphabets.count]
                text = Samples.randomText(&rng, length: rng.int(in: 1...(i < 25 ? 30 : 400)), alphabet: alphabet)
            }
            hidden.append(TrainCase(text: text, vocabSize: 256 + rng.int(in: 1...(i < 25 ? 12 : 120))))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    /// Merges learned on one text, used on another (so some pairs are missing).
    static func encodeGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<EncodeCase>] {
        func merges(_ text: String, _ vocab: Int, regex: Bool) -> [[Int]] {
            let m = regex ? FastBPETrainer.trainRegex(text: text, vocabSize: vocab)
                          : FastBPETrainer.train(text: text, vocabSize: vocab)
            return m.map { [$0.first, $0.second] }
        }
        let lesson = merges("aaabdaaabac", 259, regex: false)
        let story = merges(TokenizationStory.text, 400, regex: true)
        let examples = [
            EncodeCase(text: "aaabdaaabac", merges: lesson, regex: false),
            EncodeCase(text: "Hello World", merges: story, regex: true),
            EncodeCase(text: "灯塔的光", merges: story, regex: true),
        ]
        let edges = [
            EncodeCase(text: "", merges: lesson, regex: false),
            EncodeCase(text: "", merges: lesson, regex: true),
            EncodeCase(text: "abc", merges: [], regex: false),
            EncodeCase(text: "aaaa", merges: lesson, regex: false),
            EncodeCase(text: "aaa aaab", merges: lesson, regex: false),   // merges cross the space
            EncodeCase(text: "aaa aaab", merges: lesson, regex: true),    // they may not
            EncodeCase(text: "the cat", merges: [[116, 104], [256, 101], [32, 257], [99, 97]], regex: true),
            EncodeCase(text: "aaab", merges: [[97, 97], [97, 98], [256, 257]], regex: false), // rank order matters
        ]
        var hidden: [EncodeCase] = []
        for i in 0..<40 {
            let alphabet = Samples.trainAlphabets[i % Samples.trainAlphabets.count]
            let regex = i % 2 == 0
            let source = i % 4 == 3 ? Samples.storySlice(&rng, scalars: 400)
                                    : Samples.randomText(&rng, length: rng.int(in: 5...200), alphabet: alphabet)
            let m = merges(source, 256 + rng.int(in: 0...40), regex: regex)
            let text = i % 4 == 3 ? Samples.storySlice(&rng, scalars: rng.int(in: 1...200))
                                  : Samples.randomText(&rng, length: rng.int(in: 0...100), alphabet: alphabet)
            hidden.append(EncodeCase(text: text, merges: m, regex: regex))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func decodeGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<DecodeCase>] {
        let lesson = [[97, 97], [256, 97], [257, 98]]
        let examples = [
            DecodeCase(ids: [258, 100, 258, 97, 99], merges: lesson),
            DecodeCase(ids: [228, 189, 160, 229, 165, 189], merges: []),     // 你好
            DecodeCase(ids: [228, 189], merges: []),                          // half of 你
        ]
        let edges = [
            DecodeCase(ids: [], merges: []),
            DecodeCase(ids: [0x41, 0x80, 0x42], merges: []),            // lone continuation byte
            DecodeCase(ids: [0xE4, 0x41], merges: []),                  // cut short by ASCII
            DecodeCase(ids: [0xC0, 0x80], merges: []),                  // C0 never starts a sequence
            DecodeCase(ids: [0xED, 0xA0, 0x80], merges: []),            // a surrogate
            DecodeCase(ids: [0xE0, 0x80, 0x80], merges: []),            // overlong
            DecodeCase(ids: [0xF0, 0x9F, 0x98], merges: []),            // emoji missing its last byte
            DecodeCase(ids: [0xF4, 0x90, 0x80, 0x80], merges: []),      // above U+10FFFF
            DecodeCase(ids: [0xFF, 0xFE, 0xF5], merges: []),
            DecodeCase(ids: [256, 189, 160], merges: [[228, 189], [160, 229]]),
            DecodeCase(ids: [257, 165, 189], merges: [[228, 189], [160, 229], [256, 160]]),
        ]
        var hidden: [DecodeCase] = []
        for i in 0..<40 {
            let source = i % 2 == 0 ? Samples.storySlice(&rng, scalars: 300)
                                    : Samples.randomText(&rng, length: 100, alphabet: Samples.splitAlphabet)
            let merges = FastBPETrainer.train(text: source, vocabSize: 256 + rng.int(in: 0...30)).map { [$0.first, $0.second] }
            let vocab = 256 + merges.count
            let n = rng.int(in: 0...(i < 20 ? 10 : 80))
            // Mostly real tokens, some raw high bytes: many sequences are invalid UTF-8.
            let ids = (0..<n).map { _ in rng.int(in: 0..<4) == 0 ? rng.int(in: 0x80..<256) : rng.int(in: 0..<vocab) }
            hidden.append(DecodeCase(ids: ids, merges: merges))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    /// Halves, then single scalars dropped (for short texts); always valid strings.
    static func shrinkText(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v)
        }
        guard !scalars.isEmpty else { return [] }
        var out: [String] = []
        let half = scalars.count / 2
        if half > 0 { out.append(string(scalars[..<half])); out.append(string(scalars[half...])) }
        if scalars.count <= 40 {
            for i in scalars.indices { out.append(string(scalars[..<i]) + string(scalars[(i + 1)...])) }
        }
        return out
    }

    static func shrinkArray(_ a: [Int]) -> [[Int]] {
        guard !a.isEmpty else { return [] }
        var out: [[Int]] = []
        let half = a.count / 2
        if half > 0 { out.append(Array(a[..<half])); out.append(Array(a[half...])) }
        if a.count <= 40 { for i in a.indices { var b = a; b.remove(at: i); out.append(b) } }
        return out
    }

    /// Keep a prefix of the merges (any prefix of a valid list is valid).
    static func shrinkMerges(_ merges: [[Int]]) -> [[[Int]]] {
        guard !merges.isEmpty else { return [] }
        return [Array(merges.prefix(merges.count / 2)), Array(merges.dropLast())]
    }

    @Sendable static func shrinkTrain(_ c: TrainCase) -> [TrainCase] {
        var out = shrinkText(c.text).map { TrainCase(text: $0, vocabSize: c.vocabSize) }
        if c.vocabSize > 256 {
            out.append(TrainCase(text: c.text, vocabSize: 256 + (c.vocabSize - 256) / 2))
            out.append(TrainCase(text: c.text, vocabSize: c.vocabSize - 1))
        }
        return out
    }
}
