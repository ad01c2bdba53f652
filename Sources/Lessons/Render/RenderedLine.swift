/// What a piece of rendered text is, so a front end can colour it its own way.
///
/// `PlainRenderer` decides layout and roles; `ANSIFormatter` maps roles to
/// SGR codes for `lectern show`, and the full-screen app maps them to its
/// cell styles.
public enum TextRole: String, Sendable, Hashable, CaseIterable {
    case text
    case heading
    case code
    case math
    case link
    /// A link's address, shown after its text.
    case url
    // Swift highlighting
    case keyword, string, number, comment, type
    // decorations
    case rule, bullet, quoteBar, gutter, tableBorder
    // special blocks (their borders and labels)
    case exercise, quiz, demo, error
}

/// The look of a run: a role plus the font attributes Markdown asked for.
public struct RunStyle: Sendable, Hashable {
    public var role: TextRole
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool

    public init(_ role: TextRole = .text, bold: Bool = false, italic: Bool = false, underline: Bool = false) {
        self.role = role; self.bold = bold; self.italic = italic; self.underline = underline
    }

    public static let plain = RunStyle()
}

/// A stretch of text in one style.
public struct StyledRun: Sendable, Hashable {
    public var text: String
    public var style: RunStyle
    public init(_ text: String, _ style: RunStyle = .plain) { self.text = text; self.style = style }
}

/// Which part of the lesson a rendered line shows.
public struct LineAnchor: Sendable, Hashable {
    /// Index into `Lesson.blocks` of the top-level block this line belongs to.
    public var block: Int
    /// The exercise id when the line is part of an exercise box.
    public var exercise: String?
    /// Index into `Lesson.quizzes` when the line is part of a quiz box.
    public var quiz: Int?
    /// Index into `Lesson.demos` when the line is part of a demo box.
    public var demo: Int?

    public init(block: Int, exercise: String? = nil, quiz: Int? = nil, demo: Int? = nil) {
        self.block = block; self.exercise = exercise; self.quiz = quiz; self.demo = demo
    }
}

/// One output line: styled runs, never wider than the width it was rendered for.
public struct RenderedLine: Sendable, Hashable {
    public var runs: [StyledRun]
    public var anchor: LineAnchor

    public init(_ runs: [StyledRun], anchor: LineAnchor = LineAnchor(block: 0)) {
        self.runs = runs; self.anchor = anchor
    }

    /// The line's text without styling.
    public var text: String { runs.map(\.text).joined() }

    /// Terminal columns the line takes.
    public var width: Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Runs with adjacent equal styles merged and empty runs dropped.
    func normalized() -> RenderedLine {
        var merged: [StyledRun] = []
        for run in runs where !run.text.isEmpty {
            if let last = merged.last, last.style == run.style {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return RenderedLine(merged, anchor: anchor)
    }

    /// The line without trailing spaces (a table's empty last cell, a blank prefix).
    func trimmingTrailingSpaces() -> RenderedLine {
        var line = self
        while let last = line.runs.last {
            var text = Substring(last.text)
            while text.last == " " { text = text.dropLast() }
            if text.isEmpty { line.runs.removeLast(); continue }
            line.runs[line.runs.count - 1].text = String(text)
            break
        }
        return line
    }
}
