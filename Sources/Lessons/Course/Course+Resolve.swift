import Foundation

/// Turning what a learner types into a lesson id: the id itself, its number
/// in the course (`show 1`), or, for a typo, the nearest ids.
extension Course {
    /// A lesson argument resolved, or the ids worth suggesting.
    public enum LessonMatch: Equatable, Sendable {
        case found(String)
        case unknown(suggestions: [String])
    }

    /// `text` as a lesson id: an exact id, a 1-based number in course order,
    /// or a unique id prefix; otherwise the nearest ids by edit distance.
    public func resolveLesson(_ text: String) -> LessonMatch {
        let text = text.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        if lessonIDs.contains(text) { return .found(text) }
        if let n = Int(text), n >= 1, n <= lessonIDs.count { return .found(lessonIDs[n - 1]) }
        let prefixed = lessonIDs.filter { $0.hasPrefix(text) }
        if !text.isEmpty, prefixed.count == 1 { return .found(prefixed[0]) }
        return .unknown(suggestions: EditDistance.nearest(text, among: lessonIDs))
    }
}

extension Course {
    /// "lesson 'rnn' has no zh translation; showing English", when `language`
    /// was asked for and that translation does not exist; nil otherwise.
    public func fallbackNote(_ id: String, language: String?) -> String? {
        guard let language, !language.isEmpty, language != "en", !languages(of: id).contains(language) else { return nil }
        return "lesson '\(id)' has no '\(language)' translation yet; showing English"
    }
}

/// Levenshtein distance, for "did you mean …?".
public enum EditDistance {
    /// Insertions, deletions and substitutions turning `a` into `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidates closest to `text` (at most three), when close enough to
    /// be a typo: within a third of the longer length, and at least 2.
    public static func nearest(_ text: String, among candidates: [String]) -> [String] {
        let scored = candidates.map { (id: $0, d: between(text.lowercased(), $0.lowercased())) }
        guard let best = scored.map(\.d).min() else { return [] }
        let allowed = max(2, max(text.count, 1) / 3)
        guard best <= allowed else { return [] }
        return scored.filter { $0.d == best }.map(\.id).prefix(3).map { $0 }
    }

    /// " (did you mean tokenization/merge?)", or "" without suggestions.
    public static func didYouMean(_ suggestions: [String]) -> String {
        guard !suggestions.isEmpty else { return "" }
        let list = suggestions.count == 1 ? suggestions[0]
            : suggestions.dropLast().joined(separator: ", ") + " or " + suggestions.last!
        return "; did you mean \(list)?"
    }
}
