import Foundation

/// Collects file saves and lets each one through only after the file has been
/// quiet for `delay` seconds, so an editor writing a file in several steps (or
/// a burst of saves) gives one check, not several. Pure: the caller gives the time.
public struct Debouncer: Sendable {
    public var delay: Double
    private var pending: [String: Double] = [:]   // path → time of the last save

    public init(delay: Double = 0.15) { self.delay = delay }

    /// Notes a save of `path` at `time`.
    public mutating func saved(_ path: String, at time: Double) { pending[path] = time }

    /// The paths quiet since `time - delay`, oldest save first; they leave the queue.
    public mutating func ready(at time: Double) -> [String] {
        let due = pending.filter { time - $0.value >= delay }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        for (path, _) in due { pending[path] = nil }
        return due.map(\.key)
    }

    /// Seconds until the next path is due, or nil when nothing waits.
    public func nextDeadline(after time: Double) -> Double? {
        pending.values.min().map { max(0, $0 + delay - time) }
    }

    public var isEmpty: Bool { pending.isEmpty }
}

/// What the watch screen shows; `WatchScreen.render` draws it.
public struct WatchState: Sendable {
    /// The folder being watched, as shown ("Exercises/").
    public var watching: String
    public var mode: FileWatcher.Mode
    /// The exercise last saved, and its file relative to the workspace.
    public var exercise: String?
    public var file: String?
    /// "compiling", "running 3/40"... while a check runs.
    public var phase: String?
    public var report: CheckReport?
    /// A line such as a hint or "not an exercise file", shown under the verdict.
    public var message: String?
    public var solved: Int
    public var total: Int
    /// The first exercise not passed yet, suggested when nothing was checked.
    public var next: String?

    public init(watching: String, mode: FileWatcher.Mode, solved: Int, total: Int, next: String? = nil) {
        self.watching = watching; self.mode = mode; self.solved = solved; self.total = total; self.next = next
    }
}

/// The rustlings-style screen of `lectern watch`: the exercise, its verdict,
/// a progress bar and the keys. Pure, so tests read it as text.
public enum WatchScreen {
    public static func render(_ s: WatchState, width: Int, color: Bool) -> [String] {
        let width = max(width, 30)
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        let title = " lectern watch "
        lines.append(paint("━━" + title + String(repeating: "━", count: max(0, width - 2 - title.count)), "1"))
        if let exercise = s.exercise {
            lines.append(paint(exercise, "1") + (s.file.map { "  ·  \($0)" } ?? ""))
            lines.append("")
            if let phase = s.phase {
                lines.append("  checking… \(phase)")
            } else if let report = s.report {
                lines.append(contentsOf: report.humanText(color: color).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            }
        } else {
            lines.append("Save an exercise file and it is checked right away.")
            if let next = s.next { lines.append("Next to solve: \(paint(next, "1"))  (Exercises/\(next).swift)") }
        }
        if let message = s.message {
            lines.append("")
            lines.append(contentsOf: message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        lines.append("")
        let barWidth = max(10, min(40, width - 30))
        let filled = s.total == 0 ? 0 : Int((Double(s.solved) / Double(s.total) * Double(barWidth)).rounded(.down))
        let bar = paint(String(repeating: "#", count: filled), "32") + String(repeating: "-", count: barWidth - filled)
        lines.append("Progress: [\(bar)] \(s.solved)/\(s.total) exercises")
        lines.append(paint("Watching \(s.watching) (\(s.mode.rawValue))", "2"))
        lines.append(paint("q quit · r re-check · h hint · n next", "2"))
        return lines
    }
}
