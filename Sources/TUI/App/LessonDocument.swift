import Lessons

/// A lesson laid out for a given width: styled lines, each knowing which
/// special block (exercise, quiz, demo) it belongs to, so the app can tell
/// what is "under the cursor".
public struct LessonDocument: Sendable, Equatable {
    /// A run of text in one style.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var style: Style
        public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
    }

    /// What a line belongs to.
    public enum Anchor: Sendable, Hashable {
        /// The n-th exercise of the lesson (index into `lesson.exercises`).
        case exercise(Int)
        case quiz(Int)
        case demo(Int)
    }

    public struct Line: Sendable, Equatable {
        public var runs: [Run]
        public var anchor: Anchor?
        public init(_ runs: [Run], anchor: Anchor? = nil) { self.runs = runs; self.anchor = anchor }
        /// The line's text without styles (used by search).
        public var text: String { runs.map(\.text).joined() }
    }

    public var lines: [Line]
    public var width: Int
    /// While only the top of a long lesson is laid out: the number of lines
    /// the whole would have, guessed from the blocks done so far; nil once complete.
    public var estimatedLineCount: Int?

    public init(lines: [Line], width: Int, estimatedLineCount: Int? = nil) {
        self.lines = lines; self.width = width; self.estimatedLineCount = estimatedLineCount
    }

    /// The lines of the whole lesson: exact when complete, else the estimate.
    public var lineCount: Int { estimatedLineCount ?? lines.count }

    /// The first line of every anchor, in order.
    public var anchorStarts: [(anchor: Anchor, line: Int)] {
        var seen = Set<Anchor>()
        var out: [(Anchor, Int)] = []
        for (i, l) in lines.enumerated() {
            if let a = l.anchor, !seen.contains(a) { seen.insert(a); out.append((a, i)) }
        }
        return out
    }

    /// Lines whose text contains `query` (case-insensitive).
    public func matches(_ query: String) -> [Int] {
        guard !query.isEmpty else { return [] }
        let q = query.lowercased()
        return lines.indices.filter { lines[$0].text.lowercased().contains(q) }
    }
}
