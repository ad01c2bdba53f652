import Testing
@testable import Lessons

@Suite struct RendererTests {
    func text(_ body: String, width: Int = 40, color: Bool = false) -> [String] {
        PlainRenderer.render(parseBody(body), width: width, color: color)
    }

    @Test func headingsGetRules() {
        #expect(text("# Title\n\n## Part\n\n### Small\n\n#### Tiny\n") == [
            "Title", "═════", "", "Part", "────", "", "Small", "┄┄┄┄┄", "", "Tiny",
        ])
    }

    @Test func inlineCodeKeepsBackticksOnlyWithoutColour() {
        #expect(text("Call `f(x)` now.") == ["Call `f(x)` now."])
        let coloured = PlainRenderer(width: 40, color: true).lines(parseBody("Call `f(x)` now."))
        #expect(coloured.map(\.text) == ["Call f(x) now."])
        #expect(coloured[0].runs.contains(StyledRun("f(x)", RunStyle(.code))))
    }

    @Test func ansiOnlyWhenAsked() {
        let body = "# T\n\nSome *em* and **bold**.\n"
        #expect(!text(body).joined().contains("\u{1B}["))
        let coloured = text(body, color: true).joined(separator: "\n")
        #expect(coloured.contains("\u{1B}[3m"))   // italic
        #expect(coloured.contains("\u{1B}[1m"))   // bold
        #expect(coloured.contains("\u{1B}[0m"))
    }

    @Test func listsQuotesAndRules() {
        #expect(text("- a\n  - b\n- c\n\n> q\n>\n> r\n\n---\n", width: 12) == [
            "• a", "  ◦ b", "• c", "", "│ q", "│", "│ r", "", "────────────",
        ])
        #expect(text("9. nine\n10. ten\n") == [" 9. nine", "10. ten"])
    }

    @Test func linksShowTheirAddress() {
        #expect(text("[cmark](https://commonmark.org) and <https://x.org>", width: 80)
            == ["cmark (https://commonmark.org) and https://x.org"])
    }

    @Test func swiftIsHighlightedByRole() {
        let lines = PlainRenderer(width: 60, color: true).lines(parseBody("""
            ```swift
            let s = "hi" // note
            return 42
            ```
            """))
        let runs = lines.flatMap(\.runs)
        #expect(runs.contains(StyledRun("let", RunStyle(.keyword))))
        #expect(runs.contains(StyledRun("\"hi\"", RunStyle(.string))))
        #expect(runs.contains(StyledRun("// note", RunStyle(.comment))))
        #expect(runs.contains(StyledRun("42", RunStyle(.number))))
        #expect(lines.map(\.text) == ["  ┃ let s = \"hi\" // note", "  ┃ return 42"])
    }

    @Test func longCodeLinesWrapWithAContinuationGutter() {
        let lines = text("```\nabcdefghijklmnopqrstuvwxyz\n```\n", width: 20)
        #expect(lines == ["  ┃ abcdefghijklmnop", "  ┆ qrstuvwxyz"])
    }

    @Test func exerciseQuizAndDemoBoxesAreAnchored() {
        let lesson = parseBody("""
            Intro.

            ```exercise a/b
            title: Do it
            points: 2
            hints: [one, two]
            ```

            - item

              ```quiz
              question: Which?
              choices: [left, right]
              answer: right
              explanation: Secret reason.
              ```

            ```demo sliding-window k=3
            ```

            ```quiz
            question: Second?
            choices: [yes, no]
            answer: yes
            ```
            """)
        let lines = PlainRenderer(width: 50, color: false).lines(lesson)
        let exerciseLines = lines.filter { $0.anchor.exercise == "a/b" }
        #expect(exerciseLines.map(\.text) == [
            "┌─ Exercise · 2 points ─────────┐",
            "│ Do it                         │",
            "│ id: a/b                       │",
            "│ check with: lectern check a/b │",
            "│ 2 hints: lectern hint a/b     │",
            "└───────────────────────────────┘",
        ])
        #expect(exerciseLines.allSatisfy { $0.anchor.block == 1 })
        let firstQuiz = lines.filter { $0.anchor.quiz == 0 }
        #expect(firstQuiz.map(\.text) == [
            "  ┌─ Quiz ───┐", "  │ Which?   │", "  │ a) left  │", "  │ b) right │", "  └──────────┘",
        ])
        #expect(firstQuiz.allSatisfy { $0.anchor.block == 2 })
        #expect(lines.filter { $0.anchor.quiz == 1 }.count == 5)
        #expect(lines.filter { $0.anchor.demo == 0 }.map(\.text) == [
            "┌─ Demo ───────────────────────────────┐",
            "│ ▶ sliding-window — run: lectern demo │",
            "│ sliding-window k=3                   │",
            "└──────────────────────────────────────┘",
        ])
        // The answer and its explanation are never printed.
        #expect(!lines.contains { $0.text.contains("Secret") })
    }

    @Test func brokenBlocksShowTheirError() {
        let lesson = parseBody("```exercise nope\ntitle: T\n```\n", file: "/x/course/lesson-a/lesson.md")
        let lines = PlainRenderer.render(lesson, width: 60, color: false)
        #expect(lines.first == "┌─ Problem in this block ──────────────────────────────────┐")
        #expect(lines[1].hasPrefix("│ lesson-a/lesson.md:6: exercise block: malformed exercise"))
    }

    @Test func tablesFitTheWidth() {
        let body = "| name | meaning |\n|---|---|\n| k | the window size, at most the length of nums |\n"
        #expect(text(body, width: 30) == [
            "name │ meaning",
            "─────┼────────────────────────",
            "k    │ the window size, at",
            "     │ most the length of nums",
        ])
    }

    @Test func narrowWidthsNeverOverflow() {
        let body = "> - > - deeply nested quote and list content that must wrap\n\n```swift\nlet x = 1\n```\n"
        for width in 10...30 {
            for line in PlainRenderer(width: width, color: false).lines(parseBody(body)) {
                #expect(line.width <= width, "\(width): \(line.text)")
            }
        }
    }

    /// Regression: at width 10 a quiz choice's hanging indent left less room
    /// than one character pair, and the box grew past the width.
    @Test func regressionQuizChoiceOverflowedATinyBox() {
        let lesson = parseBody("```quiz\nquestion: Q\nchoices: [yes, no]\nanswer: no\n```\n")
        for width in 10...14 {
            let lines = PlainRenderer(width: width, color: false).lines(lesson)
            #expect(lines.allSatisfy { $0.width <= width }, "\(width): \(lines.map(\.text))")
        }
    }
}
