/// The typed form of a lesson file: front matter plus a CommonMark body.
///
/// Parsing lives in `LessonParser`; rendering in `PlainRenderer`. Every node
/// that can carry an error keeps its source line so messages can say
/// "lesson.md:42".
public struct Lesson: Sendable, Equatable {
    /// The lesson id (folder name and front matter `id`).
    public var id: String
    public var title: String
    public var summary: String
    /// The language of this file: "en" for `lesson.md`, "zh" for `lesson.zh.md`.
    public var language: String
    /// The file this lesson was read from.
    public var file: String
    public var blocks: [Block]
    /// Problems found while parsing; the rest of the lesson still loads.
    public var problems: [ContentProblem]

    public init(id: String, title: String, summary: String, language: String, file: String,
                blocks: [Block], problems: [ContentProblem] = []) {
        self.id = id; self.title = title; self.summary = summary; self.language = language
        self.file = file; self.blocks = blocks; self.problems = problems
    }

    /// Every exercise block, in reading order (including those nested in lists or quotes).
    public var exercises: [ExerciseBlock] {
        specialBlocks.compactMap { if case .exercise(let e) = $0 { e } else { nil } }
    }

    /// Every quiz block, in reading order (including nested ones); the renderer's
    /// `LineAnchor.quiz` indexes this list.
    public var quizzes: [QuizBlock] {
        specialBlocks.compactMap { if case .quiz(let q) = $0 { q } else { nil } }
    }

    /// Every demo block, in reading order (including nested ones); `LineAnchor.demo` indexes this list.
    public var demos: [DemoBlock] {
        specialBlocks.compactMap { if case .demo(let d) = $0 { d } else { nil } }
    }

    /// Exercise, quiz, demo and broken blocks at any depth, in reading order.
    public var specialBlocks: [Block] { Self.specialBlocks(in: blocks[...]) }

    /// Exercise, quiz, demo and broken blocks at any depth in `blocks`, in reading order.
    static func specialBlocks(in blocks: ArraySlice<Block>) -> [Block] {
        var out: [Block] = []
        func walk(_ blocks: some Sequence<Block>) {
            for b in blocks {
                switch b {
                case .exercise, .quiz, .demo, .broken: out.append(b)
                case .quote(let inner): walk(inner)
                case .list(let list): list.items.forEach(walk)
                default: break
                }
            }
        }
        walk(blocks)
        return out
    }
}

/// A block-level node.
public enum Block: Sendable, Equatable {
    case heading(level: Int, [Inline], line: Int)
    case paragraph([Inline])
    case list(ListBlock)
    case quote([Block])
    /// A fenced or indented code block; `language` is the info string's first word.
    case code(language: String?, text: String, line: Int)
    case thematicBreak
    /// A table, kept as rows of cells of inline spans; the first row is the header.
    case table(rows: [[[Inline]]])
    case exercise(ExerciseBlock)
    case demo(DemoBlock)
    case quiz(QuizBlock)
    /// A special block that failed to parse: shown in place with its error.
    case broken(ContentProblem)
}

public struct ListBlock: Sendable, Equatable {
    /// `nil` for a bullet list; the first number for an ordered list.
    public var start: Int?
    public var tight: Bool
    public var items: [[Block]]
    public init(start: Int?, tight: Bool, items: [[Block]]) {
        self.start = start; self.tight = tight; self.items = items
    }
}

/// An inline span.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(text: [Inline], url: String)
    /// `$...$` math, kept as its TeX source; the renderer maps it to Unicode.
    case math(String)
    case softBreak
    case lineBreak
}

/// ```` ```exercise ID ```` followed by YAML: title, points, hints, and
/// optionally `kind` and `partial`.
public struct ExerciseBlock: Sendable, Equatable {
    public var id: String
    public var title: String
    public var points: Double
    public var hints: [String]
    public var line: Int
    /// The grader exercise this block is an instance of, when it differs from
    /// `id` (an instructor's `windows/deque` with `kind: sliding-window-max/deque`).
    public var kind: String?
    /// How a failing attempt earns part of the points; nil takes the course default.
    public var partial: PartialCredit?
    /// False when the block has no `points:` (it counts 1, and `lectern validate` reports it).
    public var pointsWritten: Bool
    public init(id: String, title: String, points: Double, hints: [String], line: Int,
                kind: String? = nil, partial: PartialCredit? = nil, pointsWritten: Bool = true) {
        self.id = id; self.title = title; self.points = points; self.hints = hints; self.line = line
        self.kind = kind; self.partial = partial; self.pointsWritten = pointsWritten
    }

    /// The grader id that judges this exercise: `kind`, else `id`.
    public var gradedAs: String { kind ?? id }
}

/// How much of an exercise's points a submission that does not pass earns,
/// from the case groups (example, edge, hidden, performance) it passes in full.
///
/// Written in an exercise block or in `course.yaml` as `partial: none`,
/// `partial: groups` (every group present weighs the same) or a mapping of
/// weights `partial: {example: 1, edge: 1, hidden: 2, performance: 1}`
/// (a group the mapping leaves out weighs 0).
public enum PartialCredit: Sendable, Equatable, CustomStringConvertible {
    /// All the points when every case passes, none otherwise.
    case none
    /// Points × (weight of the groups passed in full) / (weight of the groups present).
    case groups([String: Double])

    /// The default: every group present weighs 1.
    public static let equalGroups = PartialCredit.groups([:])
    /// The group names a weight may name.
    public static let groupNames = ["example", "edge", "hidden", "performance"]

    /// The weight of `group`: 1 for every group under `equalGroups`.
    public func weight(of group: String) -> Double {
        switch self {
        case .none: return 0
        case .groups(let w): return w.isEmpty ? 1 : (w[group] ?? 0)
        }
    }

    /// `none`, `groups`, or `example=1,edge=1,...` in group order (stable, for cache keys).
    public var description: String {
        switch self {
        case .none: return "none"
        case .groups(let w) where w.isEmpty: return "groups"
        case .groups(let w):
            return Self.groupNames.compactMap { g in w[g].map { "\(g)=\($0)" } }.joined(separator: ",")
        }
    }
}

/// ```` ```demo NAME key=value ... ````.
public struct DemoBlock: Sendable, Equatable {
    public var name: String
    public var parameters: [String: String]
    /// The parameters in the order written, for display.
    public var parameterOrder: [String]
    public var line: Int
    public init(name: String, parameters: [String: String], parameterOrder: [String], line: Int) {
        self.name = name; self.parameters = parameters; self.parameterOrder = parameterOrder; self.line = line
    }
}

/// ```` ```quiz ```` followed by YAML: question, choices, answer, optional explanation.
public struct QuizBlock: Sendable, Equatable {
    public var question: String
    public var choices: [String]
    /// Index into `choices`.
    public var answer: Int
    public var explanation: String?
    public var line: Int
    public init(question: String, choices: [String], answer: Int, explanation: String?, line: Int) {
        self.question = question; self.choices = choices; self.answer = answer
        self.explanation = explanation; self.line = line
    }
}

/// Something wrong in course content, located by file and line.
public struct ContentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
