import Foundation

/// Reads a lesson file (YAML front matter + CommonMark) into a `Lesson`.
///
/// Parsing never fails on content: a bad header, a malformed special block or
/// an unsupported element becomes a `ContentProblem` (file and line) in
/// `Lesson.problems`, a broken special block also stays in place as
/// `Block.broken`, and the rest of the lesson still loads.
public enum LessonParser {
    /// Parses `source`. `file` names the source in problems; `expectedID` (the
    /// folder name) is used when the header has no id and checked against it when it has.
    public static func parse(_ source: String, file: String, language: String = "en",
                             expectedID: String? = nil) -> Lesson {
        let normalized = source.utf8.contains(UInt8(ascii: "\r")) ? source.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n") : source
        let matter = FrontMatter.split(normalized, file: file)
        var problems = matter.problems
        var tree = MarkdownTree(file: file, lineOffset: matter.bodyOffset)
        let blocks = tree.parse(MathSpans.protect(matter.body))
        problems += tree.problems

        let id = matter.id ?? expectedID ?? ""
        if let expectedID, let declared = matter.id, declared != expectedID {
            problems.append(ContentProblem(file: file, line: 2,
                                           message: "front matter id '\(declared)' does not match the folder name '\(expectedID)'"))
        }
        let title = matter.title ?? firstHeading(blocks) ?? id
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return Lesson(id: id, title: title, summary: matter.summary ?? "", language: language, file: file,
                      blocks: blocks, problems: problems)
    }

    /// Reads and parses the file at `url`.
    ///
    /// - Throws: `ContentProblem` only when the file cannot be read as UTF-8.
    public static func load(contentsOf url: URL, language: String = "en",
                            expectedID: String? = nil) throws(ContentProblem) -> Lesson {
        let data = try ContentFile.read(url)
        return parse(try ContentFile.text(data, file: url.path), file: url.path, language: language, expectedID: expectedID)
    }

    private static func firstHeading(_ blocks: [Block]) -> String? {
        for case .heading(_, let inlines, _) in blocks { return InlineText.plain(inlines) }
        return nil
    }
}

/// Plain text of inline spans (math kept as its TeX source).
public enum InlineText {
    public static func plain(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let t), .code(let t): out += t
            case .math(let m): out += MathText.unicode(m)
            case .emphasis(let i), .strong(let i): out += plain(i)
            case .link(let text, _): out += plain(text)
            case .softBreak, .lineBreak: out += " "
            }
        }
        return out
    }
}

extension LessonParser {
    /// The inline spans of a short Markdown string (an exercise title, a hint,
    /// a quiz choice): code spans, emphasis and `$...$` math are recognised;
    /// separate paragraphs are joined by line breaks.
    public static func inlines(_ markdown: String) -> [Inline] {
        if isPlainText(markdown) { return [.text(markdown)] }
        var tree = MarkdownTree(file: "", lineOffset: 0)
        let blocks = tree.parse(MathSpans.protect(Substring(markdown)))
        var out: [Inline] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .heading(_, let inlines, _):
                    if !out.isEmpty { out.append(.lineBreak) }
                    out += inlines
                case .quote(let inner): collect(inner)
                case .list(let list): list.items.forEach(collect)
                case .code(_, let text, _):
                    if !out.isEmpty { out.append(.lineBreak) }
                    out.append(.code(text))
                case .table(let rows):
                    for row in rows {
                        if !out.isEmpty { out.append(.lineBreak) }
                        out += row.joined(separator: [.text(" | ")])
                    }
                default: break
                }
            }
        }
        collect(blocks)
        return out.isEmpty && !markdown.isEmpty ? [.text(markdown)] : out
    }

    /// True when cmark could only read `markdown` as one paragraph of that very
    /// text: one line that starts with a letter (no list, heading or quote
    /// marker), ends in no space, and holds no character that Markdown or math
    /// gives a meaning (`* _ ` [ ] < > & \ $ | # ! ~`, tabs, line breaks).
    /// Most quiz questions and choices are like that, and skip the parser.
    static func isPlainText(_ markdown: String) -> Bool {
        guard let first = markdown.unicodeScalars.first, let last = markdown.unicodeScalars.last,
              first.isASCII ? first.properties.isAlphabetic : !first.properties.isWhitespace,
              !last.properties.isWhitespace else { return false }
        for byte in markdown.utf8 where byte < 0x80 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "?"),
                 UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "%"),
                 UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
