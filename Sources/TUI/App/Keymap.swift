/// Every key the app answers to, in one table: key handling looks actions
/// up here, and the help overlay and the status-bar footers are drawn from
/// the same rows, so what the app does and what it says it does cannot
/// disagree.
public enum KeyContext: Sendable, Hashable, CaseIterable {
    /// The course outline has the focus.
    case outline
    /// A lesson has the focus.
    case lesson
    /// Overlays.
    case demo, verdict, hint, quiz, help
}

/// What a key asks for.
public enum KeyAction: Sendable, Hashable {
    case quit, help, switchPane, language
    case check, hint, edit, runDemo
    case up, down, top, bottom, pageUp, pageDown
    case open, back, search, nextMatch, previousMatch
    /// Overlays: close, demo controls, quiz answer.
    case close, pause, step, restart, answer
}

public struct KeyBinding: Sendable {
    /// The keys, in the order the help lists them.
    public var keys: [Key]
    /// How the keys are written in the help ("↑/↓  j/k").
    public var label: String
    public var action: KeyAction
    /// One line for the help overlay; nil keeps the row out of the help.
    public var help: String?
    /// Where the binding applies.
    public var contexts: Set<KeyContext>
    /// The short form for the status bar or an overlay's footer ("c check"),
    /// per context; contexts missing here show nothing.
    public var footer: [KeyContext: String]

    init(_ keys: [Key], _ label: String, _ action: KeyAction, help: String?, in contexts: Set<KeyContext>,
         footer: [KeyContext: String] = [:]) {
        self.keys = keys; self.label = label; self.action = action; self.help = help
        self.contexts = contexts; self.footer = footer
    }
}

public enum Keymap {
    static let reading: Set<KeyContext> = [.outline, .lesson]

    /// The table. Order matters twice: the first binding of a key in a
    /// context wins, and the help and footers list rows in this order.
    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .down, .char("k"), .char("j")], "↑/↓  j/k", .down,
                   help: "move in the outline, scroll the lesson", in: [],
                   footer: [.outline: "↑↓ move", .lesson: "↑↓ scroll", .verdict: "↑↓ scroll", .quiz: "↑↓ choose"]),
        KeyBinding([.up, .char("k")], "", .up, help: nil, in: reading.union([.verdict, .quiz])),
        KeyBinding([.down, .char("j")], "", .down, help: nil, in: reading.union([.verdict, .quiz])),
        KeyBinding([.enter, .right, .char("l")], "Enter", .open,
                   help: "open a lesson; answer the quiz / run the demo / check the exercise in view", in: [.outline],
                   footer: [.outline: "Enter open"]),
        KeyBinding([.enter], "", .open, help: nil, in: [.lesson]),
        KeyBinding([.enter], "", .answer, help: nil, in: [.quiz], footer: [.quiz: "Enter answer"]),
        KeyBinding([.escape, .backspace], "", .close, help: nil, in: [.demo, .verdict, .hint, .quiz, .help],
                   footer: [.demo: "Esc close", .verdict: "Esc close", .hint: "Esc close", .quiz: "Esc close",
                            .help: "Esc or ? closes"]),
        KeyBinding([.enter, .char("?")], "", .close, help: nil, in: [.help]),
        KeyBinding([.enter], "", .close, help: nil, in: [.demo, .verdict, .hint]),
        KeyBinding([.pageUp, .pageDown, .char(" ")], "PgUp/PgDn  space", .pageDown, help: "scroll a page", in: []),
        KeyBinding([.pageDown, .char(" ")], "", .pageDown, help: nil, in: reading.union([.verdict])),
        KeyBinding([.pageUp], "", .pageUp, help: nil, in: reading.union([.verdict])),
        KeyBinding([.home, .char("g")], "g / G", .top, help: "top / bottom", in: reading),
        KeyBinding([.end, .char("G")], "", .bottom, help: nil, in: reading),
        KeyBinding([.tab], "Tab", .switchPane, help: "switch between outline and lesson", in: reading,
                   footer: [.outline: "Tab pane"]),
        KeyBinding([.char("/")], "/   n / N", .search, help: "search the lesson; next / previous match", in: [.lesson],
                   footer: [.lesson: "/ search"]),
        KeyBinding([.char("n")], "", .nextMatch, help: nil, in: [.lesson]),
        KeyBinding([.char("N")], "", .previousMatch, help: nil, in: [.lesson]),
        KeyBinding([.char("c")], "c", .check, help: "check the exercise in view (or the next unsolved one)",
                   in: reading.union([.verdict]), footer: [.lesson: "c check", .verdict: "c check again"]),
        KeyBinding([.char("h")], "h", .hint, help: "show the next hint", in: reading.union([.verdict, .hint]),
                   footer: [.lesson: "h hint", .verdict: "h hint", .hint: "h next hint"]),
        KeyBinding([.char("e")], "e", .edit, help: "edit the exercise file in $VISUAL or $EDITOR",
                   in: reading.union([.verdict]), footer: [.lesson: "e edit", .verdict: "e edit"]),
        KeyBinding([.char("r")], "r", .runDemo, help: "run the demo in view (space pauses, → steps)", in: reading,
                   footer: [.lesson: "r demo"]),
        KeyBinding([.escape, .backspace, .left], "Esc  Backspace", .back,
                   help: "back to the outline; close any window", in: [.lesson], footer: [.lesson: "Esc back"]),
        KeyBinding([.char(" ")], "", .pause, help: nil, in: [.demo], footer: [.demo: "space pause"]),
        KeyBinding([.right, .char("l")], "", .step, help: nil, in: [.demo], footer: [.demo: "→ step"]),
        KeyBinding([.char("r")], "", .restart, help: nil, in: [.demo], footer: [.demo: "r restart"]),
        KeyBinding([.char("L")], "L", .language, help: "switch language where a translation exists", in: reading,
                   footer: [.outline: "L language"]),
        KeyBinding([.char("?")], "?", .help, help: "this help", in: reading, footer: [.outline: "? help", .lesson: "? help"]),
        KeyBinding([.char("q")], "q", .quit, help: "quit", in: reading.union([.demo, .verdict, .hint, .quiz, .help]),
                   footer: [.outline: "q quit"]),
    ]

    /// The action `key` asks for in `context`, or nil.
    public static func action(for key: Key, in context: KeyContext) -> KeyAction? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// The rows of the `?` overlay (and the README's key table).
    public static var helpLines: [(keys: String, action: String)] {
        bindings.compactMap { b in b.help.map { (b.label, $0) } }
    }

    /// The footer of a context: its bindings' short forms joined by " · ".
    public static func footer(_ context: KeyContext) -> String {
        bindings.compactMap { $0.footer[context] }.joined(separator: " · ")
    }
}
