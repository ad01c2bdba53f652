/// An exercise id such as `sliding-window-max/deque`: the lesson it belongs
/// to, a slash, and its name (also the starter's and solution's file name).
///
/// Ids travel as plain strings in JSON, Markdown and the progress store; this
/// is the one place that splits and joins them.
public struct ExerciseID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The lesson part, before the slash.
    public var lesson: String
    /// The exercise part, after the slash.
    public var name: String

    public init(lesson: String, name: String) { self.lesson = lesson; self.name = name }

    /// Splits `text` at its first slash; nil unless both parts are non-empty
    /// and there is no second slash.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        lesson = String(parts[0]); name = String(parts[1])
    }

    /// The lesson part of `text`, or all of it when it has no slash: for
    /// messages and lookups that must not fail on a malformed id.
    public static func lesson(of text: String) -> String {
        ExerciseID(text)?.lesson ?? String(text.split(separator: "/").first ?? Substring(text))
    }

    /// The name part of `text`, or "" when it has none.
    public static func name(of text: String) -> String { ExerciseID(text)?.name ?? "" }

    public var description: String { "\(lesson)/\(name)" }

    public static func < (a: ExerciseID, b: ExerciseID) -> Bool { a.description < b.description }
}
