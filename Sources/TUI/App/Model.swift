import Lessons

/// Everything the app shows, as plain data. `update` changes it in response
/// to a message; `render` draws it. Nothing here touches the terminal, the
/// disk or the clock.
public struct Model {
    /// One lesson of the course outline.
    public struct LessonEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var exercises: [String]
        /// Languages with a translation besides English ("zh").
        public var translations: Set<String>
        /// The title in each translation's front matter, by language.
        public var translatedTitles: [String: String]
        public init(id: String, title: String, exercises: [String], translations: Set<String> = [],
                    translatedTitles: [String: String] = [:]) {
            self.id = id; self.title = title; self.exercises = exercises; self.translations = translations
            self.translatedTitles = translatedTitles
        }

        /// The title to show in `language`: the translation's, else English.
        public func title(in language: String) -> String { translatedTitles[language] ?? title }
    }

    public enum Focus: Sendable, Equatable { case outline, lesson }

    /// The search typed after `/`.
    public struct Search: Sendable, Equatable {
        public var editing = false
        public var query = ""
        public var matches: [Int] = []
        public var current: Int?
    }

    /// A quiz being answered.
    public struct QuizState: Sendable, Equatable {
        public var index: Int
        public var quiz: QuizBlock
        public var selected = 0
        /// Set once answered: was it right?
        public var result: Bool?
    }

    /// A demo playing in an overlay.
    public struct DemoState {
        public var block: DemoBlock
        public var demo: (any Demo)?
        public var error: String?
        public var clock = AnimationStepper(intervalMs: 600)
        /// Which build of the demo this is; a restart starts a new one, so a
        /// step computed for an older build is dropped when it arrives.
        public var generation = 0
        /// True while steps run in the background (`Effect.stepDemo`).
        public var stepping = false
        /// Steps asked for while others were running; sent when they finish.
        public var owed = 0
    }

    public enum Overlay {
        case help
        case verdict(exercise: String, CheckOutcome, scroll: Int)
        case hint(exercise: String, text: String, number: Int, total: Int)
        case quiz(QuizState)
        case demo(DemoState)
        case message(title: String, lines: [String])
        /// Asks whether to create a workspace at `path`.
        case offerWorkspace(path: String)
    }

    public var courseTitle: String
    public var lessons: [LessonEntry]
    public var language: String
    public var width: Int
    public var height: Int
    public var colorMode: ColorMode = .full

    public var focus: Focus = .outline
    /// The highlighted row of the outline.
    public var selected = 0
    /// The lesson shown in the lesson pane (index into `lessons`).
    public var openLesson: Int?
    public var lesson: Lesson?
    public var lessonError: String?
    public var document: LessonDocument?
    /// When set, `relayout` lays out only what the lesson pane shows and leaves
    /// the rest to `finishLayout` (the terminal app draws in between, so a long
    /// lesson opens at once). Any key finishes the layout before it acts, so
    /// search, jumps and scrolling always see the whole lesson.
    public var layoutFirstScreenFirst = false
    /// The rest of a lesson laid out only in part.
    var pendingLayout: LessonLayout.Pass?
    /// First document line shown in the lesson pane.
    public var scroll = 0
    /// ↓ pressed at the bottom: moves the cursor to a later block in view
    /// (index into the blocks in view), so every block stays reachable.
    public var blockCursor = 0
    /// Applied once the open lesson has loaded (restored reading position).
    public var pendingScroll: Int?

    public var statuses: [String: ExerciseState] = [:]
    /// Lesson id → quiz index → answered right?
    public var quizResults: [String: [Int: Bool]] = [:]
    public var overlay: Overlay?
    public var search = Search()
    /// The check running now and its phase.
    public var checking: (exercise: String, phase: String)?
    public var spinner = 0
    /// An exercise saved again while it was being checked: checked once more after.
    public var recheck: String?
    /// The workspace folder, or nil when the app runs without one.
    public var workspace: String?
    /// Where a workspace would be created when the learner accepts.
    public var proposedWorkspace: String
    /// A one-line notice in the status bar until the next key.
    public var notice: String?
    public var quitting = false
    /// Finds a built-in demo by name (tests substitute their own).
    public var demoLookup: (String) -> (any Demo.Type)? = { DemoCatalog.type(named: $0) }
    /// Maps `$...$` TeX to Unicode for the layout.
    public var math: @Sendable (String) -> String = { $0 }

    public init(courseTitle: String, lessons: [LessonEntry], language: String = "en",
                width: Int = 100, height: Int = 30, workspace: String? = nil,
                proposedWorkspace: String = "./lectern-workspace") {
        self.courseTitle = courseTitle; self.lessons = lessons; self.language = language
        self.width = width; self.height = height; self.workspace = workspace
        self.proposedWorkspace = proposedWorkspace
    }

    // MARK: geometry (shared by update and render)

    /// Smallest window the app draws into; below it, "enlarge the window".
    public static let minimumWidth = 20, minimumHeight = 8

    public var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// Both panes side by side when there is room; otherwise the focused pane only.
    public var splitPanes: Bool { width >= 64 }
    public var outlineWidth: Int { splitPanes ? min(34, max(24, width / 3)) : width }
    /// The lesson pane's text area (inside its frame).
    public var lessonTextRect: Rect {
        let x = splitPanes ? outlineWidth + 1 : 1
        return Rect(x: x, y: 2, width: width - x - 1, height: height - 4)
    }
    public var pageSize: Int { max(1, lessonTextRect.height - 1) }
    public var maxScroll: Int { max(0, (document?.lineCount ?? 0) - lessonTextRect.height) }

    /// The lesson whose exercises `c`, `h` and `e` act on.
    public var currentEntry: LessonEntry? {
        guard let i = openLesson, lessons.indices.contains(i) else { return nil }
        return lessons[i]
    }

    /// Solved and total exercises of a lesson.
    public func progress(of entry: LessonEntry) -> (solved: Int, total: Int) {
        (entry.exercises.filter { statuses[$0] == .passed }.count, entry.exercises.count)
    }

    /// The special blocks with lines in view, top to bottom.
    public var anchorsInView: [LessonDocument.Anchor] {
        guard let doc = document else { return [] }
        let end = min(doc.lines.count, scroll + lessonTextRect.height)
        guard scroll < end else { return [] }
        var out: [LessonDocument.Anchor] = []
        for i in scroll..<end { if let a = doc.lines[i].anchor, out.last != a { out.append(a) } }
        return out
    }

    /// The special block under the cursor: the first in view, or a later one
    /// chosen with ↓ at the bottom of the lesson.
    public var anchorInView: LessonDocument.Anchor? {
        let all = anchorsInView
        return all.isEmpty ? nil : all[min(blockCursor, all.count - 1)]
    }
}
