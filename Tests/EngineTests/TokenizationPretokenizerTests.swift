import Testing
import Tensor
@testable import Engine

@Suite("Tokenization: GPT-2 pre-tokenizer")
struct TokenizationPretokenizerTests {
    /// Expected pieces produced by Python's `regex` module with the catalog pattern
    /// (`regex.findall`, regex 2026.5.9), pasted as literals.
    static let pythonVectors: [(String, [String])] = [
        ("Hello World", ["Hello", " World"]),
        ("Hello  world's 42\u{A}", ["Hello", " ", " world", "'s", " 42", "\u{A}"]),
        ("I'm sure you'll say we've 3 cats, 12 dogs.", ["I", "'m", " sure", " you", "'ll", " say", " we", "'ve", " 3", " cats", ",", " 12", " dogs", "."]),
        ("\u{4F60}\u{597D}\u{FF0C}\u{4E16}\u{754C}\u{FF01}Hello \u{4F60}\u{597D}", ["\u{4F60}\u{597D}", "\u{FF0C}", "\u{4E16}\u{754C}", "\u{FF01}", "Hello", " \u{4F60}\u{597D}"]),
        ("'S'll'LL", ["'", "S", "'ll", "'", "LL"]),
        ("don't DON'T", ["don", "'t", " DON", "'", "T"]),
        ("x\u{9}y", ["x", "\u{9}", "y"]),
        ("x \u{9}y", ["x", " ", "\u{9}", "y"]),
        ("  lead", [" ", " lead"]),
        ("trail  ", ["trail", "  "]),
        ("a\u{A}\u{A} b", ["a", "\u{A}\u{A}", " b"]),
        ("!!! ??", ["!!!", " ??"]),
        (" !", [" !"]),
        ("1,000.50", ["1", ",", "000", ".", "50"]),
        ("e\u{301}te\u{301}", ["e", "\u{301}", "te", "\u{301}"]),
        ("x\u{A0}y", ["x", "\u{A0}", "y"]),
        ("x\u{3000} y", ["x", "\u{3000}", " y"]),
        ("A\u{2028}B", ["A", "\u{2028}", "B"]),
        ("x\u{B}\u{85}y", ["x", "\u{B}", "\u{85}", "y"]),
        ("\u{216B} and \u{BD} and \u{B2}", ["\u{216B}", " and", " \u{BD}", " and", " \u{B2}"]),
        ("\u{1F600}\u{1F600} ok", ["\u{1F600}\u{1F600}", " ok"]),
        ("\u{1C5}emal \u{2B0}", ["\u{1C5}emal", " \u{2B0}"]),
        ("\u{4E2D}\u{6587}\u{A}\u{A}  English", ["\u{4E2D}\u{6587}", "\u{A}\u{A} ", " English"]),
        ("x\u{1C}y", ["x", "\u{1C}", "y"]),
        ("   \u{A}", ["   \u{A}"]),
        ("a  \u{A} b", ["a", "  \u{A}", " b"]),
        ("''s", ["''", "s"]),
        (" 's", [" '", "s"]),
        ("x'1", ["x", "'", "1"]),
        ("\u{200B}zw", ["\u{200B}", "zw"]),
        ("\u{9}\u{9}x", ["\u{9}", "\u{9}", "x"]),
        ("\u{D}\u{A}\u{D}\u{A}end", ["\u{D}\u{A}\u{D}", "\u{A}", "end"]),
    ]

    @Test func matchesPythonRegex() {
        for (text, expected) in Self.pythonVectors {
            let got = GPT2Pretokenizer.split(text)
            // Compare scalar by scalar: String == would treat "\r\n" splits loosely.
            #expect(got.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) },
                    "\(text.debugDescription)")
        }
    }

    /// The lesson's worked example of the look-ahead: two spaces before a word give " " and " world".
    @Test func lessonExample() {
        #expect(GPT2Pretokenizer.split("Hello  world's 42\n") == ["Hello", " ", " world", "'s", " 42", "\n"])
        #expect(GPT2Pretokenizer.split("") == [])
    }

    /// A regex-free twin: every alternative of the pattern tried in order, by brute force over lengths.
    static func twinSplit(_ text: String) -> [[Unicode.Scalar]] {
        let s = Array(text.unicodeScalars)
        func isWS(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
        func isL(_ c: Unicode.Scalar) -> Bool { "\(c.properties.generalCategory)".hasSuffix("Letter") }
        func isN(_ c: Unicode.Scalar) -> Bool {
            [.decimalNumber, .letterNumber, .otherNumber].contains(c.properties.generalCategory)
        }
        func isO(_ c: Unicode.Scalar) -> Bool { !isWS(c) && !isL(c) && !isN(c) }
        /// Longest run of `cls` starting at i (0 if none).
        func run(_ i: Int, _ cls: (Unicode.Scalar) -> Bool) -> Int {
            var j = i; while j < s.count && cls(s[j]) { j += 1 }; return j - i
        }
        var out: [[Unicode.Scalar]] = []
        var i = 0
        while i < s.count {
            var len = 0
            let rest = String(String.UnicodeScalarView(s[i...]))
            for c in ["'s", "'d", "'m", "'t", "'ll", "'ve", "'re"] where len == 0 {
                if rest.unicodeScalars.starts(with: c.unicodeScalars) { len = c.unicodeScalars.count }
            }
            for cls in [isL, isN, isO] where len == 0 {
                if s[i] == " ", i + 1 < s.count, run(i + 1, cls) > 0 { len = 1 + run(i + 1, cls) }
                else if run(i, cls) > 0 { len = run(i, cls) }
            }
            if len == 0 {
                let w = run(i, isWS)
                // \s+(?!\S): the longest k <= w such that position i+k is the end or whitespace.
                for k in stride(from: w, through: 1, by: -1) where len == 0 {
                    if i + k == s.count || isWS(s[i + k]) { len = k }
                }
                if len == 0 { len = 1 }     // \s+ (w == 1 here)
            }
            out.append(Array(s[i..<(i + len)]))
            i += len
        }
        return out
    }

    @Test func matchesTwinOnSeededTexts() {
        var rng = SeededRandom(seed: 2)
        let pool: [String] = ["a", "B", "'", "s", "l", "v", "e", "r", " ", " ", "\t", "\n", "\u{A0}", "\u{3000}",
                              "1", "\u{663}", "\u{BD}", "!", ".", "\u{4F60}", "\u{FF0C}", "\u{301}", "\u{1F600}", "'ll", "'re"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<rng.int(in: 0...30) { text += pool[rng.int(in: 0..<pool.count)] }
            let got = GPT2Pretokenizer.split(text).map { Array($0.unicodeScalars) }
            #expect(got == Self.twinSplit(text), "\(text.debugDescription)")
            #expect(got.joined().count == text.unicodeScalars.count)
        }
    }

    /// The byte ranges tile the UTF-8 of the text with no gaps.
    @Test func rangesCoverTheBytes() {
        let text = TokenizationStory.text
        let ranges = GPT2Pretokenizer.byteRanges(text)
        var at = 0
        for r in ranges { #expect(r.lowerBound == at && !r.isEmpty); at = r.upperBound }
        #expect(at == text.utf8.count)
    }
}
