import Foundation
import Lessons

/// Lays a `Lesson` out as a `LessonDocument` at a given width: the text as
/// the lessons module renders it for `lectern show`, and the special blocks as
/// boxes that show the learner's state and the keys that act on them. Its
/// `wrap` (Latin at spaces, CJK between any two ideographs, 。，、！？ kept off a
/// line start) also wraps the overlays' plain text.
public struct LessonLayout: Sendable {
    /// What the boxes show besides the lesson text.
    public struct State: Sendable, Equatable {
        public var exercises: [String: ExerciseState] = [:]
        /// Quiz index → whether the learner's answer was right.
        public var quizzes: [Int: Bool] = [:]
        public init(exercises: [String: ExerciseState] = [:], quizzes: [Int: Bool] = [:]) {
            self.exercises = exercises; self.quizzes = quizzes
        }
    }

    public var width: Int
    public var state: State
    /// Maps `$...$` TeX to Unicode (the lessons module supplies one).
    public var math: @Sendable (String) -> String

    public init(width: Int, state: State = State(), math: @escaping @Sendable (String) -> String = { $0 }) {
        self.width = max(8, width); self.state = state; self.math = math
    }

    typealias Run = LessonDocument.Run
    typealias Line = LessonDocument.Line

    static let dim = Style(dim: true)

    /// The lesson as `lectern show` renders it (the lessons module's
    /// `PlainRenderer`), with each exercise, quiz and demo box replaced by one
    /// that shows the learner's state and the keys that act on it.
    public func layout(_ lesson: Lesson) -> LessonDocument {
        var pass = Pass(self, lesson)
        return LessonDocument(lines: pass.lines(blocks: lesson.blocks.count), width: width)
    }

    /// A layout that goes a few top-level blocks at a time (see `PlainRenderer.Pass`):
    /// the app lays out the first screen of a long lesson, draws it, then the rest.
    public struct Pass: Sendable {
        let layout: LessonLayout
        var render: PlainRenderer.Pass
        /// The lesson's special blocks, listed once for the whole pass.
        let exercises: [ExerciseBlock], quizzes: [QuizBlock], demos: [DemoBlock]
        /// Exercise id → index of its first block in `exercises`.
        let exerciseIndex: [String: Int]
        let language: String

        public init(_ layout: LessonLayout, _ lesson: Lesson) {
            self.layout = layout
            language = lesson.language
            render = PlainRenderer.Pass(PlainRenderer(width: layout.width, color: true), lesson)
            var exercises: [ExerciseBlock] = [], quizzes: [QuizBlock] = [], demos: [DemoBlock] = []
            for block in lesson.specialBlocks {
                switch block {
                case .exercise(let e): exercises.append(e)
                case .quiz(let q): quizzes.append(q)
                case .demo(let d): demos.append(d)
                default: break
                }
            }
            self.exercises = exercises; self.quizzes = quizzes; self.demos = demos
            var index: [String: Int] = [:]
            for (i, e) in exercises.enumerated() where index[e.id] == nil { index[e.id] = i }
            exerciseIndex = index
        }

        /// True once every block is laid out.
        public var done: Bool { render.done }
        /// Top-level blocks laid out so far.
        public var blocksDone: Int { render.next }

        /// The lines of the next `count` top-level blocks. A box never spans two
        /// top-level blocks (a blank line separates them), so boxes found in
        /// one piece are the boxes of the whole lesson.
        public mutating func lines(blocks count: Int) -> [LessonDocument.Line] {
            let rendered = render.lines(blocks: count)
            let width = layout.width
            var out: [Line] = []
            var i = 0
            while i < rendered.count {
                let line = rendered[i]
                guard let anchor = anchor(line.anchor) else {
                    out.append(Line(line.runs.map { Run($0.text, LessonLayout.style($0.style)) }))
                    i += 1
                    continue
                }
                // The renderer's box: consecutive lines with the same special anchor.
                var j = i
                var indent = Int.max
                while j < rendered.count, self.anchor(rendered[j].anchor) == anchor {
                    let lead = rendered[j].text.prefix { $0 == " " }.count
                    indent = min(indent, lead)
                    j += 1
                }
                let pad = indent == Int.max ? 0 : min(indent, width / 2)
                let prefix = pad > 0 ? [Run(String(repeating: " ", count: pad))] : []
                for l in specialBox(anchor, width: width - pad) { out.append(Line(prefix + l, anchor: anchor)) }
                i = j
            }
            return out
        }

        /// The app's anchor for a renderer anchor, nil for ordinary text.
        func anchor(_ a: LineAnchor) -> LessonDocument.Anchor? {
            if let id = a.exercise { return exerciseIndex[id].map { .exercise($0) } }
            if let q = a.quiz { return .quiz(q) }
            if let d = a.demo { return .demo(d) }
            return nil
        }

        /// The app's box for a special block, in the lesson's language.
        func specialBox(_ anchor: LessonDocument.Anchor, width: Int) -> [[Run]] {
            switch anchor {
            case .exercise(let i): exercises[safe: i].map { layout.exerciseBox($0, language: language, width: width) } ?? []
            case .quiz(let i): quizzes[safe: i].map { layout.quizBox($0, index: i, language: language, width: width) } ?? []
            case .demo(let i): demos[safe: i].map { layout.demoBox($0, language: language, width: width) } ?? []
            }
        }
    }

    /// Cell style for a renderer role.
    static func style(_ s: RunStyle) -> Style {
        var st = Style(bold: s.bold, italic: s.italic, underline: s.underline)
        switch s.role {
        case .text: break
        case .heading: st.fg = .ansi(75); st.bold = true
        case .code: st.fg = .ansi(179)
        case .math: st.fg = .ansi(183)
        case .link: st.fg = .ansi(81); st.underline = true
        case .url: st.dim = true
        case .keyword: st.fg = .ansi(170); st.bold = true
        case .string: st.fg = .ansi(114)
        case .number: st.fg = .ansi(179)
        case .comment: st.fg = .ansi(244); st.italic = true
        case .type: st.fg = .ansi(80)
        case .rule, .bullet, .quoteBar, .gutter, .tableBorder: st.dim = true
        case .exercise: st.fg = .ansi(75)
        case .quiz: st.fg = .ansi(176)
        case .demo: st.fg = .ansi(114)
        case .error: st.fg = .ansi(203)
        }
        return st
    }

    /// "1 pt", "2 pts", "1.5 pts": the same words `lectern list` uses.
    static func pointsText(_ points: Double) -> String { UIText("en").points(points) }

    /// A title with math only inside `$…$` (so "2-D" keeps its hyphen).
    static func titleMath(_ title: String, _ math: (String) -> String) -> String {
        guard title.contains("$") else { return title }
        return title.split(separator: "$", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 1 ? math(String($0.element)) : String($0.element) }.joined()
    }

    /// The app's boxes for the special blocks: an exercise with its status and
    /// keys, a quiz with its state, a demo with how to run it.
    func exerciseBox(_ e: ExerciseBlock, language: String, width inner: Int) -> [[Run]] {
        let status = state.exercises[e.id] ?? .notStarted
        let ui = UIText(language)
        let mark: Run
        switch status {
        case .passed: mark = Run(ui.phrase("✓ passed"), Style(fg: .ansi(70), bold: true))
        case .attempted: mark = Run(ui.phrase("✗ not yet"), Style(fg: .ansi(203)))
        case .notStarted: mark = Run(ui.phrase("not started"), Self.dim)
        }
        let body: [[Run]] = wrap([Run(Self.titleMath(e.title, math), Style(bold: true))], width: inner - 4)
            + wrap([Run(e.id, Self.dim), Run(" · \(ui.points(e.points)) · "), mark], width: inner - 4)
            + [[Run("c", Style(bold: true)), Run(ui.pick(" check  ", " 检查  ")), Run("h", Style(bold: true)),
                Run(ui.pick(" hint  ", " 提示  ")), Run("e", Style(bold: true)), Run(ui.pick(" edit", " 编辑"))]]
        return box(title: ui.exerciseTitle, body: body, width: inner, color: 75)
    }

    func quizBox(_ q: QuizBlock, index: Int, language: String, width inner: Int) -> [[Run]] {
        var body: [[Run]] = wrap([Run(q.question, Style(bold: true))], width: inner - 4)
        for (i, choice) in q.choices.enumerated() {
            let letter = String(UnicodeScalar(UInt8(97 + i % 26))) + ") "
            body += wrap([Run(letter, Self.dim), Run(choice)], width: inner - 4)
        }
        let ui = UIText(language)
        switch state.quizzes[index] {
        case true?: body.append([Run(ui.phrase("✓ answered"), Style(fg: .ansi(70), bold: true))])
        case false?: body.append([Run(ui.phrase("✗ try again: "), Style(fg: .ansi(203))), Run("Enter", Style(bold: true)),
                                  Run(ui.pick(" answers", " 作答"))])
        case nil: body.append([Run("Enter", Style(bold: true)), Run(ui.pick(" answers", " 作答"))])
        }
        return box(title: ui.quizTitle, body: body, width: inner, color: 176)
    }

    func demoBox(_ d: DemoBlock, language: String, width inner: Int) -> [[Run]] {
        let params = d.parameterOrder.map { "\($0)=\(d.parameters[$0] ?? "")" }.joined(separator: " ")
        let body: [[Run]] = wrap([Run("▶ " + d.name, Style(bold: true)), Run(params.isEmpty ? "" : " " + params, Self.dim)], width: inner - 4)
            + [[Run("r", Style(bold: true)), Run(UIText(language).pick(" runs it  (space pauses, → steps)", " 运行  （空格暂停，→ 单步）"))]]
        return box(title: UIText(language).pick("Demo", "演示"), body: body, width: inner, color: 114)
    }

    /// A box of `width` cells around `body` with `title` on its top edge.
    private func box(title: String, body: [[Run]], width: Int, color: UInt8) -> [[Run]] {
        let w = max(6, width)
        let edge = Style(fg: .ansi(color))
        let t = CellBuffer.fit(title, width: w - 5)
        var lines: [[Run]] = [[Run("┌─ ", edge), Run(t, Style(fg: .ansi(color), bold: true)),
                               Run(" " + String(repeating: "─", count: max(0, w - 5 - DisplayWidth.of(t))) + "┐", edge)]]
        for l in body {
            let clipped = clip(l, width: w - 4)
            let used = clipped.reduce(0) { $0 + DisplayWidth.of($1.text) }
            lines.append([Run("│ ", edge)] + clipped + [Run(String(repeating: " ", count: max(0, w - 4 - used)) + " │", edge)])
        }
        lines.append([Run("└" + String(repeating: "─", count: w - 2) + "┘", edge)])
        return lines
    }

    // MARK: inlines

    /// Cuts runs to `width` cells, ending in "…" when cut.
    func clip(_ runs: [Run], width: Int) -> [Run] {
        var out: [Run] = []
        var used = 0
        let total = runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width { return runs }
        for r in runs {
            var text = ""
            for ch in r.text {
                let w = DisplayWidth.of(ch)
                if used + w > width - 1 { out.append(Run(text, r.style)); out.append(Run("…", Self.dim)); return out }
                text.append(ch); used += w
            }
            out.append(Run(text, r.style))
        }
        return out
    }

    /// Characters that should not start a line (CJK closing punctuation).
    static let noLineStart: Set<Character> = ["。", "，", "、", "！", "？", "；", "：", "」", "』", "）", "》", "…", ",", ".", ")", "!", "?", ";", ":"]

    /// Wraps runs to `width` display cells.
    func wrap(_ runs: [Run], width: Int) -> [[Run]] {
        let width = max(1, width)
        // Atoms: a word, a space, or one wide character, each with its style.
        struct Atom { var text: String; var style: Style; var width: Int; var isSpace: Bool; var isNewline: Bool }
        var atoms: [Atom] = []
        for r in runs {
            var word = ""
            func flush() { if !word.isEmpty { atoms.append(Atom(text: word, style: r.style, width: DisplayWidth.of(word), isSpace: false, isNewline: false)); word = "" } }
            for ch in r.text {
                if ch == "\n" { flush(); atoms.append(Atom(text: "", style: r.style, width: 0, isSpace: false, isNewline: true)); continue }
                if ch == " " || ch == "\t" { flush(); atoms.append(Atom(text: " ", style: r.style, width: 1, isSpace: true, isNewline: false)); continue }
                let w = DisplayWidth.of(ch)
                if w == 2 || Self.noLineStart.contains(ch) && !word.isEmpty && DisplayWidth.of(word.last!) == 2 {
                    flush(); atoms.append(Atom(text: String(ch), style: r.style, width: w, isSpace: false, isNewline: false))
                } else { word.append(ch) }
            }
            flush()
        }
        var lines: [[Atom]] = [[]]
        var used = 0
        func newLine() { lines.append([]); used = 0 }
        for a in atoms {
            if a.isNewline { newLine(); continue }
            if a.isSpace {
                if used == 0 { continue }
                if used + 1 > width { newLine(); continue }
                lines[lines.count - 1].append(a); used += 1
                continue
            }
            if used + a.width <= width { lines[lines.count - 1].append(a); used += a.width; continue }
            // Keep closing punctuation with the character before it.
            if let first = a.text.first, Self.noLineStart.contains(first), let last = lines[lines.count - 1].last,
               !last.isSpace, last.width == 2, lines[lines.count - 1].count > 1 {
                lines[lines.count - 1].removeLast()
                newLine()
                lines[lines.count - 1].append(last); used = last.width
                if used + a.width <= width { lines[lines.count - 1].append(a); used += a.width; continue }
            }
            // Drop trailing spaces before breaking.
            while lines[lines.count - 1].last?.isSpace == true { lines[lines.count - 1].removeLast() }
            if used > 0 { newLine() }
            if a.width <= width { lines[lines.count - 1].append(a); used = a.width; continue }
            // A word longer than the line: break it by characters.
            var piece = ""
            for ch in a.text {
                let w = DisplayWidth.of(ch)
                if used + w > width {
                    lines[lines.count - 1].append(Atom(text: piece, style: a.style, width: used, isSpace: false, isNewline: false))
                    piece = ""; newLine()
                }
                piece.append(ch); used += w
            }
            if !piece.isEmpty { lines[lines.count - 1].append(Atom(text: piece, style: a.style, width: DisplayWidth.of(piece), isSpace: false, isNewline: false)) }
        }
        return lines.map { atoms in
            var out: [Run] = []
            var trimmed = atoms
            while trimmed.last?.isSpace == true { trimmed.removeLast() }
            for a in trimmed {
                if let last = out.last, last.style == a.style { out[out.count - 1].text += a.text } else { out.append(Run(a.text, a.style)) }
            }
            return out
        }
    }
}
