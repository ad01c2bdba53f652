import Testing
@testable import Lessons

@Suite struct TextWrapperTests {
    func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap(TextWrapper.cells(text, .plain).map { .cell($0) }, width: width)
            .map { $0.map(\.text).joined() }
    }

    @Test func latinWrapsAtSpaces() {
        #expect(wrap("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"])
        #expect(wrap("exactly ten", 11) == ["exactly ten"])
    }

    @Test func longWordsAreBroken() {
        #expect(wrap("abcdefghij xy", 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func cjkWrapsBetweenIdeographs() {
        #expect(wrap("滑动窗口最大值", 6) == ["滑动窗", "口最大", "值"])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // "口。" must stay together, so "口" moves down with the full stop.
        #expect(wrap("滑动窗口。最大", 8) == ["滑动窗", "口。最大"])
        #expect(wrap("一二三，四五", 6) == ["一二", "三，四", "五"])
        #expect(wrap("他说（你好）", 4) == ["他说", "（你", "好）"])
    }

    @Test func mixedScripts() {
        #expect(wrap("使用deque来", 6) == ["使用", "deque", "来"])
    }

    @Test func forcedBreaks() {
        let pieces: [TextWrapper.Piece] = TextWrapper.cells("ab", .plain).map { .cell($0) } + [.newline]
            + TextWrapper.cells("cd", .plain).map { .cell($0) }
        #expect(TextWrapper.wrap(pieces, width: 10).map { $0.map(\.text).joined() } == ["ab", "cd"])
    }

    /// Random mixes of Latin words, CJK and punctuation: no line is wider than
    /// asked, nothing but spaces at breaks is lost, and no CJK closing mark
    /// starts a line (a width of 4 always leaves room for a pair).
    @Test func randomTextKeepsInvariants() {
        let alphabet: [String] = ["a", "b", "word", "longerword", " ", " ", "中", "文", "字", "。", "，", "！",
                                  "？", "、", "🙂", "x\u{0302}", "（", "）", ",", "."]
        var rng = SplitMix(seed: 7)
        for _ in 0..<1500 {
            let text = (0..<rng.next(upTo: 40)).map { _ in alphabet[rng.next(upTo: alphabet.count)] }.joined()
            let width = 4 + rng.next(upTo: 30)
            let lines = wrap(text, width)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(text) @\(width): \(line)") }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) @\(width)")
            for (i, line) in lines.enumerated() where i > 0 {
                guard let first = line.first, "。，！？、）".contains(first) else { continue }
                // Allowed only when the previous line ended in a Latin word the mark is glued to
                // and that word could not move (it filled the whole line).
                let prev = lines[i - 1]
                #expect(DisplayWidth.of(prev) + DisplayWidth.of(String(first)) > width || prev.last == " ",
                        "\(text) @\(width): line starts with \(first)")
            }
        }
    }
}

/// A tiny deterministic generator for test data (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
