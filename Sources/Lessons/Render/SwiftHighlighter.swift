/// A small lexer that colours Swift source by role: keywords, string literals
/// (including `"""` blocks and interpolation, kept as string), numbers,
/// comments (`//`, nested `/* */`), and capitalised names as types.
///
/// It is a highlighter, not a parser: it never rejects input, and a construct
/// it does not know is plain text.
enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "associatedtype", "actor", "as", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate",
        "for", "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating",
        "nil", "nonisolated", "open", "operator", "override", "private", "protocol", "public", "repeat",
        "rethrows", "return", "self", "Self", "some", "any", "static", "struct", "subscript", "super", "switch",
        "throw", "throws", "true", "try", "typealias", "var", "where", "while", "consuming", "borrowing",
        "lazy", "weak", "final", "convenience", "required", "indirect", "sending",
    ]

    /// The runs of each source line (split at "\n"), tabs expanded to 4 spaces.
    static func highlight(_ source: String) -> [[StyledRun]] {
        let chars = Array(source.replacingTabs())
        var lines: [[StyledRun]] = [[]]
        func emit(_ text: String, _ role: TextRole) {
            // Tokens may span lines (block comments, multi-line strings).
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, part) in parts.enumerated() {
                if k > 0 { lines.append([]) }
                if part.isEmpty { continue }
                let style = RunStyle(role)
                if let last = lines[lines.count - 1].last, last.style == style {
                    lines[lines.count - 1][lines[lines.count - 1].count - 1].text += part
                } else {
                    lines[lines.count - 1].append(StyledRun(String(part), style))
                }
            }
        }
        var i = 0
        func peek(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }
        while i < chars.count {
            let c = chars[i]
            let start = i
            if c == "/" && peek(1) == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                emit(String(chars[start..<i]), .comment)
            } else if c == "/" && peek(1) == "*" {
                var depth = 0
                while i < chars.count {
                    if chars[i] == "/" && peek(1) == "*" { depth += 1; i += 2; continue }
                    if chars[i] == "*" && peek(1) == "/" { depth -= 1; i += 2; if depth == 0 { break }; continue }
                    i += 1
                }
                emit(String(chars[start..<min(i, chars.count)]), .comment)
            } else if c == "\"" {
                let triple = peek(1) == "\"" && peek(2) == "\""
                i += triple ? 3 : 1
                while i < chars.count {
                    if chars[i] == "\\" { i += 2; continue }
                    if !triple && chars[i] == "\n" { break }
                    if chars[i] == "\"" {
                        if !triple { i += 1; break }
                        if peek(1) == "\"" && peek(2) == "\"" { i += 3; break }
                    }
                    i += 1
                }
                emit(String(chars[start..<min(i, chars.count)]), .string)
            } else if c.isNumber && c.isASCII {
                i += 1
                while i < chars.count, chars[i].isHexDigit || chars[i] == "_" || chars[i] == "x" || chars[i] == "o"
                    || chars[i] == "b" || (chars[i] == "." && (peek(1)?.isNumber ?? false) && chars[i].isASCII)
                    || ((chars[i] == "-" || chars[i] == "+") && (chars[i - 1] == "e" || chars[i - 1] == "E")) {
                    i += 1
                }
                emit(String(chars[start..<i]), .number)
            } else if c.isLetter || c == "_" || c == "@" || c == "#" {
                i += 1
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let word = String(chars[start..<i])
                if keywords.contains(word) || (c == "@" || c == "#") && word.count > 1 {
                    emit(word, .keyword)
                } else if c.isUppercase {
                    emit(word, .type)
                } else {
                    emit(word, .text)
                }
            } else {
                i += 1
                emit(String(c), .text)
            }
        }
        return lines
    }

    /// Runs of each line of `source` without highlighting.
    static func plain(_ source: String) -> [[StyledRun]] {
        source.replacingTabs().split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.isEmpty ? [] : [StyledRun(String($0), RunStyle(.text))]
        }
    }
}

extension String {
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        var out = ""
        var column = 0
        for c in self {
            if c == "\t" {
                let n = 4 - column % 4
                out += String(repeating: " ", count: n); column += n
            } else if c == "\n" {
                out.append(c); column = 0
            } else {
                out.append(c); column += 1
            }
        }
        return out
    }
}
