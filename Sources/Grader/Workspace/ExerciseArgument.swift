import Foundation
import Lessons

/// Turning what a learner types after `lectern check` (or `hint`, `try`,
/// `reset`) into an exercise id: the id, a unique short name (`deque`), a
/// path to the file (`Exercises/sliding-window-max/deque.swift`, tab-completed
/// or not), or nothing at all (the most recently saved exercise file).
public enum ExerciseArgument {
    public enum Match: Equatable, Sendable {
        /// The exercise, and the file named on the command line when it is not
        /// the workspace's own file for that exercise.
        case found(id: String, file: URL?)
        /// A short name several exercises share.
        case ambiguous([String])
        case unknown(suggestions: [String])
    }

    /// Resolves `text` among `ids`; relative paths are read from `directory`.
    public static func resolve(_ text: String, ids: [String], workspace: Workspace?,
                               directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> Match {
        if ids.contains(text) { return .found(id: text, file: nil) }
        let fm = FileManager.default
        // A path to an existing file: the workspace knows its id, else its folder and name say it.
        if text.hasSuffix(".swift") {
            let url = (text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appendingPathComponent(text)).standardizedFileURL
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                if let workspace, let id = workspace.exerciseID(of: url), ids.contains(id) {
                    return .found(id: id, file: nil)
                }
                let id = url.deletingLastPathComponent().lastPathComponent + "/" + url.deletingPathExtension().lastPathComponent
                if ids.contains(id) { return .found(id: id, file: url) }
                let byName = ids.filter { ExerciseID.name(of: $0) == url.deletingPathExtension().lastPathComponent }
                if byName.count == 1 { return .found(id: byName[0], file: url) }
                if byName.count > 1 { return .ambiguous(byName) }
            }
        }
        // A path-like spelling of an id: "Exercises/a/b.swift", "./a/b", "a/b/".
        var trimmed = text
        if trimmed.hasSuffix(".swift") { trimmed.removeLast(".swift".count) }
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed.hasPrefix(Workspace.exercisesFolder + "/") { trimmed.removeFirst(Workspace.exercisesFolder.count + 1) }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if ids.contains(trimmed) { return .found(id: trimmed, file: nil) }
        // A short name: the part after the slash, whole or as a unique prefix.
        let named = ids.filter { ExerciseID.name(of: $0) == trimmed }
        if named.count == 1 { return .found(id: named[0], file: nil) }
        if named.count > 1 { return .ambiguous(named) }
        if !trimmed.isEmpty {
            let prefixed = ids.filter { ExerciseID.name(of: $0).hasPrefix(trimmed) || $0.hasPrefix(trimmed) }
            if prefixed.count == 1 { return .found(id: prefixed[0], file: nil) }
            if prefixed.count > 1, prefixed.count <= 8 { return .ambiguous(prefixed) }
        }
        // A typo: the nearest ids, or the ids whose short name is nearest.
        var suggestions = EditDistance.nearest(trimmed, among: ids)
        if suggestions.isEmpty {
            let names = EditDistance.nearest(trimmed, among: ids.map { ExerciseID.name(of: $0) })
            suggestions = ids.filter { names.contains(ExerciseID.name(of: $0)) }
        }
        return .unknown(suggestions: suggestions)
    }

    /// The message for a match that is not `.found`.
    public static func problem(_ text: String, _ match: Match) -> String? {
        switch match {
        case .found: return nil
        case .ambiguous(let ids):
            return "'\(text)' names several exercises: \(ids.joined(separator: ", ")); give the full id"
        case .unknown(let suggestions):
            return "no exercise '\(text)'" + EditDistance.didYouMean(suggestions) + " (`lectern list` shows them all)"
        }
    }

    /// The id of the workspace's most recently modified exercise file among
    /// `ids` (what `lectern check` with no argument checks), or nil.
    public static func mostRecentlySaved(in workspace: Workspace, ids: [String]) -> String? {
        var best: (id: String, date: Date)?
        for id in ids {
            let path = workspace.exerciseFile(id).path
            guard let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if best == nil || date > best!.date { best = (id, date) }
        }
        return best?.id
    }
}
