import Testing
@testable import Lessons

@Suite struct DisplayWidthTests {
    @Test func ascii() {
        #expect(DisplayWidth.of("hello, world") == 12)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("a\u{7}b") == 2)   // a control character takes no cell
    }

    @Test func cjkIsTwoColumns() {
        #expect(DisplayWidth.of("滑动窗口") == 8)
        #expect(DisplayWidth.of("，。") == 4)
        #expect(DisplayWidth.of("かな") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)   // fullwidth Latin
        #expect(DisplayWidth.of("a中b") == 4)
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)                     // with a skin-tone modifier
        #expect(DisplayWidth.of("👩‍💻") == 2)                     // a ZWJ sequence is one glyph
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)              // VS16 asks for emoji presentation
        #expect(DisplayWidth.of("🇨🇳") == 2)                     // a flag: two regional indicators, one glyph
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("x\u{0302}") == 1)              // x̂
        #expect(DisplayWidth.of("e\u{0301}te\u{0301}") == 3)    // été spelled with combining accents
        #expect(DisplayWidth.of(Character("a\u{0304}")) == 1)
        #expect(DisplayWidth.of("\u{200B}") == 0)               // zero width space
    }

    @Test func mathSymbolsAreNarrow() {
        #expect(DisplayWidth.of("α⊙√ᵀΣ≤→ℝ") == 8)
        #expect(DisplayWidth.of("hₜ₋₁") == 4)
    }
}
