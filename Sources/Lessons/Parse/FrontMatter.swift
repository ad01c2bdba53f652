import Foundation
import Yams

/// The YAML header of a lesson file, between two `---` lines.
///
/// ```
/// ---
/// id: sliding-window-max
/// title: Sliding-window maximum
/// summary: One pass and a deque beat k passes.
/// ---
/// ```
struct FrontMatter {
    var id: String?
    var title: String?
    var summary: String?
    /// The body after the header.
    var body: Substring
    /// How many source lines precede `body`: cmark's line 1 is file line `bodyOffset + 1`.
    var bodyOffset: Int
    var problems: [ContentProblem]

    /// Splits `source` into header and body and reads the header's fields.
    /// Never fails: problems are collected, and a missing header leaves the fields nil.
    static func split(_ source: String, file: String) -> FrontMatter {
        var text = Substring(source)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Only the header's lines are looked at: the body (megabytes in a long
        // lesson) is never split into lines here.
        let newline = UInt8(ascii: "\n")
        let firstEnd = text.utf8.firstIndex(of: newline) ?? text.endIndex
        guard text[..<firstEnd].trimmingTrailingSpace() == "---" else {
            return FrontMatter(body: text, bodyOffset: 0, problems: [
                ContentProblem(file: file, line: 1,
                               message: "missing front matter: the file must start with a '---' line, then id, title and summary, then '---'"),
            ])
        }
        var close = 0
        var closeStart = firstEnd, closeEnd = firstEnd
        var found = false
        while closeEnd < text.endIndex {
            closeStart = text.index(after: closeEnd)
            closeEnd = text[closeStart...].utf8.firstIndex(of: newline) ?? text.endIndex
            close += 1
            let l = text[closeStart..<closeEnd].trimmingTrailingSpace()
            if l == "---" || l == "..." { found = true; break }
        }
        guard found else {
            return FrontMatter(body: text, bodyOffset: 0, problems: [
                ContentProblem(file: file, line: 1, message: "front matter is not closed: no '---' line after the opening one"),
            ])
        }
        // The header lines between the two fences, without the newline before the closing one.
        let yaml = close == 1 ? "" : String(text[text.index(after: firstEnd)..<text.index(before: closeStart)])
        // The body starts after the closing line; keep everything after it verbatim.
        let body = closeEnd < text.endIndex ? text[text.index(after: closeEnd)...] : Substring("")
        var matter = FrontMatter(body: body, bodyOffset: close + 1, problems: [])
        matter.readFields(yaml: yaml, file: file)
        return matter
    }

    private mutating func readFields(yaml: String, file: String) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (line, message) = YAMLDiagnostics.describe(error)
            problems.append(ContentProblem(file: file, line: line.map { $0 + 1 } ?? 1,
                                           message: "front matter: \(message)"))
            return
        }
        guard let mapping = root?.mapping else {
            problems.append(ContentProblem(file: file, line: 2,
                                           message: "front matter must be a mapping with id, title and summary"))
            return
        }
        func field(_ key: String) -> String? {
            guard let node = mapping[key] else {
                problems.append(ContentProblem(file: file, line: 1, message: "front matter: missing field '\(key)'"))
                return nil
            }
            guard let scalar = node.scalar, !scalar.string.isEmpty else {
                let line = (node.mark?.line).map { $0 + 1 } ?? 1
                problems.append(ContentProblem(file: file, line: line,
                                               message: "front matter: '\(key)' must be a non-empty string"))
                return nil
            }
            return scalar.string
        }
        id = field("id")
        title = field("title")
        summary = field("summary")
    }
}

/// Turns Yams errors into a line (1-based within the YAML text) and a short message.
enum YAMLDiagnostics {
    static func describe(_ error: any Error) -> (line: Int?, message: String) {
        guard let yaml = error as? YamlError else { return (nil, "\(error)") }
        switch yaml {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " (\($0.text))" } ?? ""
            let advice = problem.contains("mapping values are not allowed") ? "; put text containing ': ' in quotes" : ""
            return (mark.line, "bad YAML: \(problem)\(ctx)\(advice)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, "bad YAML: duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (nil, "bad YAML: \(problem)")
        default:
            return (nil, "bad YAML: \(yaml)")
        }
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, answered from the bytes when both
    /// ends are printable ASCII (nothing to trim, the common case).
    func trimmingWhitespaces() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
