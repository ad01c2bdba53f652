import Testing
@testable import Lessons

@Suite struct ParserTests {
    @Test func frontMatterFieldsAndBodyLineNumbers() {
        let lesson = LessonParser.parse("""
            ---
            id: sliding-window-max
            title: Sliding-window maximum
            summary: One pass and a deque beat k passes.
            ---
            # Heading on line 6

            ```swift
            let x = 1
            ```
            """, file: "l.md", language: "zh", expectedID: "sliding-window-max")
        #expect(lesson.id == "sliding-window-max")
        #expect(lesson.title == "Sliding-window maximum")
        #expect(lesson.summary == "One pass and a deque beat k passes.")
        #expect(lesson.language == "zh")
        #expect(lesson.problems.isEmpty)
        #expect(lesson.blocks == [
            .heading(level: 1, [.text("Heading on line 6")], line: 6),
            .code(language: "swift", text: "let x = 1", line: 8),
        ])
    }

    @Test func missingFrontMatterIsAProblemOnLineOne() {
        let lesson = LessonParser.parse("# Only a heading\n", file: "x.md", expectedID: "x")
        #expect(lesson.problems.count == 1)
        #expect(lesson.problems.first?.line == 1)
        #expect(lesson.problems.first?.description.hasPrefix("x.md:1: missing front matter") == true)
        #expect(lesson.id == "x")
        #expect(lesson.title == "Only a heading")
        #expect(lesson.blocks == [.heading(level: 1, [.text("Only a heading")], line: 1)])
    }

    @Test func badFrontMatterYAMLNamesTheLine() {
        let lesson = LessonParser.parse("---\nid: a\ntitle: [oops\nsummary: s\n---\nText.\n", file: "b.md")
        #expect(lesson.problems.count == 1)
        let problem = lesson.problems[0]
        #expect(problem.file == "b.md")
        #expect((problem.line ?? 0) >= 3 && (problem.line ?? 0) <= 5, "line \(String(describing: problem.line))")
        #expect(problem.message.contains("front matter"))
        #expect(lesson.blocks == [.paragraph([.text("Text.")])])
    }

    @Test func missingFieldsUnclosedHeaderAndIDMismatch() {
        let missing = LessonParser.parse("---\nid: a\ntitle: T\n---\nx\n", file: "m.md")
        #expect(missing.problems.map(\.message) == ["front matter: missing field 'summary'"])

        let unclosed = LessonParser.parse("---\nid: a\n\nbody\n", file: "u.md")
        #expect(unclosed.problems.first?.message.contains("not closed") == true)

        let mismatch = LessonParser.parse("---\nid: other\ntitle: T\nsummary: S\n---\n", file: "i.md", expectedID: "folder")
        #expect(mismatch.problems.map(\.description) == ["i.md:2: front matter id 'other' does not match the folder name 'folder'"])
    }

    @Test func crlfLineEndings() {
        let lesson = LessonParser.parse("---\r\nid: a\r\ntitle: T\r\nsummary: S\r\n---\r\n# H\r\n\r\ntext\r\n", file: "c.md")
        #expect(lesson.problems.isEmpty)
        #expect(lesson.blocks == [.heading(level: 1, [.text("H")], line: 6), .paragraph([.text("text")])])
    }

    @Test func inlineSpans() {
        let lesson = parseBody("Plain *em* **strong** `code` [link](https://x.org) end\nnext  \nbreak\n")
        #expect(lesson.blocks == [.paragraph([
            .text("Plain "), .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]), .text(" "),
            .code("code"), .text(" "), .link(text: [.text("link")], url: "https://x.org"), .text(" end"),
            .softBreak, .text("next"), .lineBreak, .text("break"),
        ])])
    }

    @Test func mathSpansSurviveMarkdown() {
        // `_` pairs inside TeX would otherwise open and close emphasis.
        let lesson = parseBody(#"See $\hat{y}_t = \sum_i \alpha_{t,i} v_i$ and $h_{t-1}$; price $5 and $10; `$0` stays; \$x\$ too."#)
        #expect(lesson.blocks == [.paragraph([
            .text("See "), .math(#"\hat{y}_t = \sum_i \alpha_{t,i} v_i"#), .text(" and "), .math("h_{t-1}"),
            .text("; price $5 and $10; "), .code("$0"), .text(" stays; $x$ too."),
        ])])
    }

    @Test func mathInsideFencedCodeIsUntouched() {
        let lesson = parseBody("```\nlet a = $x_1$ * 2\n```\n")
        #expect(lesson.blocks == [.code(language: nil, text: "let a = $x_1$ * 2", line: 6)])
    }

    @Test func nestedListsAndQuotes() {
        let lesson = parseBody("""
            - a
              - b
                1. c
            - d

            3. x

               y
            4. z

            > quoted
            >
            > > inner
            """)
        let nested = ListBlock(start: 1, tight: true, items: [[.paragraph([.text("c")])]])
        let inner = ListBlock(start: nil, tight: true, items: [[.paragraph([.text("b")]), .list(nested)]])
        #expect(lesson.blocks == [
            .list(ListBlock(start: nil, tight: true, items: [
                [.paragraph([.text("a")]), .list(inner)],
                [.paragraph([.text("d")])],
            ])),
            .list(ListBlock(start: 3, tight: false, items: [
                [.paragraph([.text("x")]), .paragraph([.text("y")])],
                [.paragraph([.text("z")])],
            ])),
            .quote([.paragraph([.text("quoted")]), .quote([.paragraph([.text("inner")])])]),
        ])
    }

    @Test func thematicBreakHTMLAndHeadingsAtAllLevels() {
        let lesson = parseBody("## Two\n\n---\n\n<div>raw</div>\n\n#### Four\n")
        #expect(lesson.blocks == [
            .heading(level: 2, [.text("Two")], line: 6),
            .thematicBreak,
            .code(language: "html", text: "<div>raw</div>", line: 10),
            .heading(level: 4, [.text("Four")], line: 12),
        ])
    }

    @Test func htmlCommentsAreDropped() {
        #expect(parseBody("<!-- author note\nover lines -->\n\nText <!-- inline --> here.\n").blocks
            == [.paragraph([.text("Text "), .text(" here.")])])
    }

    @Test func pipeTablesBecomeTables() {
        let lesson = parseBody("| a | `b|c` |\n|---|:-:|\n| 1 | $x$ |\n| 2 |\n")
        #expect(lesson.blocks == [.table(rows: [
            [[.text("a")], [.code("b|c")]],
            [[.text("1")], [.math("x")]],
            [[.text("2")], []],
        ])])
        // Without a delimiter row it stays a paragraph.
        #expect(parseBody("a | b\nc | d\n").blocks == [.paragraph([.text("a | b"), .softBreak, .text("c | d")])])
    }

    @Test func exerciseQuizAndDemoBlocks() {
        let lesson = parseBody("""
            ```exercise sliding-window-max/deque
            title: One pass
            points: 3
            hints:
              - Keep indices.
              - Pop smaller values.
            ```

            ```exercise sliding-window-max/naive
            title: Scan every window
            ```

            ```quiz
            question: How often?
            choices: [once, k times, "n times"]
            answer: k times
            explanation: Why.
            ```

            ```demo sliding-window nums=1,3,-1 k=3 text="Hello World"
            ```
            """)
        #expect(lesson.problems.isEmpty)
        #expect(lesson.blocks == [
            .exercise(ExerciseBlock(id: "sliding-window-max/deque", title: "One pass", points: 3,
                                    hints: ["Keep indices.", "Pop smaller values."], line: 6)),
            // No `points:` counts 1 and is remembered, so `lectern validate` can report it.
            .exercise(ExerciseBlock(id: "sliding-window-max/naive", title: "Scan every window", points: 1,
                                    hints: [], line: 14, pointsWritten: false)),
            .quiz(QuizBlock(question: "How often?", choices: ["once", "k times", "n times"], answer: 1,
                            explanation: "Why.", line: 18)),
            .demo(DemoBlock(name: "sliding-window",
                            parameters: ["nums": "1,3,-1", "k": "3", "text": "Hello World"],
                            parameterOrder: ["nums", "k", "text"], line: 25)),
        ])
        #expect(lesson.exercises.map(\.id) == ["sliding-window-max/deque", "sliding-window-max/naive"])
        #expect(lesson.quizzes.count == 1 && lesson.demos.count == 1)
    }

    /// Each malformed special block becomes `.broken` with file and line, and the rest still loads.
    @Test(arguments: [
        ("```exercise foo\ntitle: T\n```", 6, "malformed exercise id 'foo'"),
        ("```exercise\ntitle: T\n```", 6, "missing exercise id"),
        ("```exercise a/b extra\ntitle: T\n```", 6, "expected one exercise id"),
        ("```exercise a/b\npoints: 2\n```", 6, "missing field 'title'"),
        ("```exercise a/b\ntitle: T\npoints: lots\n```", 8, "'points' must be a number"),
        ("```exercise a/b\ntitle: T\nhints: just one\n```", 8, "'hints' must be a list"),
        ("```exercise a/b\ntitle: T\nhint: [x]\n```", 8, "unknown field 'hint'"),
        // The YAML error is found at the end of the body, the closing fence's line.
        ("```exercise a/b\ntitle: [T\n```", 7, "bad YAML"),   // the line of the unclosed bracket, inside the block
        ("```quiz\nquestion: Q\nchoices: [a, b]\nanswer: c\n```", 9, "answer 'c' is not one of the choices"),
        ("```quiz\nquestion: Q\nchoices: [a]\nanswer: a\n```", 8, "at least 2 entries"),
        ("```quiz\nchoices: [a, b]\nanswer: a\n```", 6, "missing field 'question'"),
        ("```demo\n```", 6, "missing demo name"),
        ("```demo d k=1 k=2\n```", 6, "given twice"),
        ("```demo d text=\"open\n```", 6, "unterminated double quote"),
        ("```demo d k=1\nbody\n```", 6, "empty body"),
        ("```demo d =1\n```", 6, "expected key=value"),
        ("```exercises a/b\ntitle: T\n```", 6, "unknown block kind 'exercises'"),
        ("```quiz-choice\nquestion: Q\n```", 6, "unknown block kind 'quiz-choice'"),
    ])
    func brokenSpecialBlocks(source: String, line: Int, message: String) {
        let lesson = parseBody("Before.\n" + source + "\n\nAfter.\n", file: "lesson.md")
        let expectedLine = line + 1
        #expect(lesson.blocks.count == 3)
        #expect(lesson.blocks.first == .paragraph([.text("Before.")]))
        #expect(lesson.blocks.last == .paragraph([.text("After.")]))
        guard case .broken(let problem) = lesson.blocks[1] else {
            Issue.record("expected a broken block, got \(lesson.blocks[1])")
            return
        }
        #expect(problem.file == "lesson.md")
        #expect(problem.line == expectedLine, "\(problem)")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(lesson.problems == [problem])
    }

    @Test func otherLanguagesAreOrdinaryCode() {
        let lesson = parseBody("```python extra words\nprint(1)\n```\n```democracy\nno\n```\n")
        #expect(lesson.blocks.first == .code(language: "python", text: "print(1)", line: 6))
        // "democracy" starts with "demo": reported rather than silently treated as code.
        guard case .broken = lesson.blocks[1] else { Issue.record("\(lesson.blocks[1])"); return }
    }

    @Test func specialBlocksNestedInListsAreFound() {
        let lesson = parseBody("""
            - step

              ```exercise a/b
              title: T
              ```
            - more

              ```quiz
              question: Q
              choices: [x, y]
              answer: y
              ```
            """)
        #expect(lesson.exercises.map(\.id) == ["a/b"])
        #expect(lesson.quizzes.map(\.answer) == [1])
    }

    @Test func inlinesOfShortStrings() {
        #expect(LessonParser.inlines("Use `deque` and $x_t$") == [.text("Use "), .code("deque"), .text(" and "), .math("x_t")])
        #expect(LessonParser.inlines("") == [])
    }
}

@Suite struct DisplayMathTests {
    @Test func doubleDollarsAllowInnerSpaces() {
        #expect(parseBody("$$ a + b $$\n").blocks == [.paragraph([.math("a + b")])])
        #expect(parseBody("x $ y $ z\n").blocks == [.paragraph([.text("x $ y $ z")])])
    }
}

@Suite struct YAMLAdviceTests {
    @Test func colonsInTextGetAdvice() {
        let hints = parseBody("```exercise a/b\ntitle: T\nhints:\n  - Note: keep indices\n```\n")
        #expect(hints.problems.first?.message.contains("put it in quotes") == true, "\(hints.problems)")
        #expect(hints.problems.first?.line == 9)
        let question = parseBody("```quiz\nquestion: Why is x: y?\nchoices: [a, b]\nanswer: a\n```\n")
        #expect(question.problems.first?.message.contains("in quotes") == true, "\(question.problems)")
        #expect(question.problems.first?.line == 7)
    }
}
