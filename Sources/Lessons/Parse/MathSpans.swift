/// Finds `$...$` math in Markdown source before cmark sees it, and finds it
/// again in cmark's text nodes afterwards.
///
/// TeX is full of characters that Markdown reads as markup: `x_{t-1}` and
/// `\alpha_{i}` can open and close emphasis, `\{` loses its backslash. So
/// before parsing, each math span outside code is rewritten as
/// `MathSpans.open` + content with every ASCII punctuation character
/// backslash-escaped + `MathSpans.close`. cmark then hands the content back
/// verbatim inside a text node, between two private-use sentinels that cannot
/// be confused with a literal dollar sign.
///
/// A span opens at a `$` (or `$$`) that is not escaped and is followed by a
/// non-space, and closes at the next `$` (or `$$`) on the same line that is
/// preceded by a non-space and not followed by a digit, so "$5 and $10" stays
/// text (the rule pandoc uses for `tex_math_dollars`).
enum MathSpans {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Rewrites the math spans of `source`, leaving fenced code and inline code untouched.
    static func protect(_ source: Substring) -> String {
        var out = ""
        out.reserveCapacity(source.utf8.count + 16)
        var fence: (char: Character, count: Int)?
        var first = true
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out.append("\n") }
            first = false
            // Fences may sit inside list items and quotes: look past indentation and '>'.
            let stripped = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
            if let open = fence {
                let run = stripped.prefix(while: { $0 == open.char })
                if run.count >= open.count, stripped.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                out += line
                continue
            }
            if let c = stripped.first, c == "`" || c == "~" {
                let run = stripped.prefix(while: { $0 == c }).count
                if run >= 3 && !(c == "`" && stripped.dropFirst(run).contains("`")) {
                    fence = (c, run)
                    out += line
                    continue
                }
            }
            out += protectLine(line)
        }
        return out
    }

    /// One line outside fenced code: skips inline code spans, rewrites math.
    private static func protectLine(_ line: Substring) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                out.append(c); out.append(chars[i + 1]); i += 2
                continue
            }
            if c == "`" {
                // A code span: a run of n backticks up to the next run of exactly n.
                var n = 0
                while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                if let end = closingBackticks(chars, from: i + n, count: n) {
                    out += String(chars[i..<(end + n)])
                    i = end + n
                } else {
                    out += String(chars[i..<(i + n)])
                    i += n
                }
                continue
            }
            if c == "$", let (contentRange, next) = mathSpan(chars, at: i) {
                out.append(open)
                for m in chars[contentRange] {
                    if m.isASCII, m.isPunctuation || m.isSymbol { out.append("\\") }
                    out.append(m)
                }
                out.append(close)
                i = next
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func closingBackticks(_ chars: [Character], from start: Int, count n: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "`" {
                var m = 0
                while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                if m == n { return j }
                j += m
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The content range and the index after the closing delimiter of a math span opening at `i`.
    private static func mathSpan(_ chars: [Character], at i: Int) -> (Range<Int>, Int)? {
        let width = (i + 1 < chars.count && chars[i + 1] == "$") ? 2 : 1
        let start = i + width
        // `$$...$$` is deliberate display math and may have spaces inside its delimiters.
        guard start < chars.count, width == 2 || !chars[start].isWhitespace, chars[start] != "$" else { return nil }
        var j = start
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let closes = width == 1 || (j + 1 < chars.count && chars[j + 1] == "$")
                let after = j + width
                if closes, width == 2 || !chars[j - 1].isWhitespace,
                   after >= chars.count || !(chars[after].isASCII && chars[after].isNumber) {
                    return width == 2 ? (trimmed(chars, start..<j), after) : (start..<j, after)
                }
                if width == 1 { return nil }
            }
            j += 1
        }
        return nil
    }

    private static func trimmed(_ chars: [Character], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, chars[lo].isWhitespace { lo += 1 }
        while hi > lo, chars[hi - 1].isWhitespace { hi -= 1 }
        return lo..<hi
    }

    /// Splits a cmark text literal into text and math spans.
    static func split(_ text: String) -> [Inline] {
        guard text.contains(open) else { return text.isEmpty ? [] : [.text(text)] }
        var result: [Inline] = []
        var buffer = ""
        var rest = Substring(text)
        while let o = rest.firstIndex(of: open) {
            buffer += rest[..<o]
            let after = rest.index(after: o)
            if let c = rest[after...].firstIndex(of: close) {
                if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" }
                result.append(.math(String(rest[after..<c])))
                rest = rest[rest.index(after: c)...]
            } else {
                buffer.append("$")
                rest = rest[after...]
            }
        }
        buffer += rest
        buffer = restoreDollars(buffer)
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }

    /// Puts dollar signs back where sentinels ended up outside text (URLs, HTML, stray halves).
    static func restoreDollars(_ text: String) -> String {
        guard text.contains(open) || text.contains(close) else { return text }
        return String(text.map { $0 == open || $0 == close ? "$" : $0 })
    }
}
