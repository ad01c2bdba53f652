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
    private static let openBytes = Array(open.utf8), closeBytes = Array(close.utf8)

    /// Rewrites the math spans of `source`, leaving fenced code and inline code untouched.
    static func protect(_ source: Substring) -> String {
        var out = ""
        out.reserveCapacity(source.utf8.count + 16)
        var fence: (char: Character, count: Int)?
        var start = source.startIndex
        while true {
            let end = source[start...].utf8.firstIndex(of: UInt8(ascii: "\n")) ?? source.endIndex
            let line = source[start..<end]
            if start > source.startIndex { out.append("\n") }
            out += protectedLine(line, fence: &fence)
            guard end < source.endIndex else { break }
            start = source.utf8.index(after: end)
        }
        return out
    }

    /// One source line as `protect` writes it, opening or closing a fence on the way.
    /// The bytes decide the common cases (no fence marker, no dollar sign) without
    /// walking the line character by character.
    private static func protectedLine(_ line: Substring, fence: inout (char: Character, count: Int)?) -> Substring {
        // Fences may sit inside list items and quotes: look past indentation and '>'.
        let lead = line.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: ">") }
        let marker = lead == UInt8(ascii: "`") || lead == UInt8(ascii: "~")
        if let open = fence {
            guard marker else { return line }
            let stripped = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
            let run = stripped.prefix(while: { $0 == open.char })
            if run.count >= open.count, stripped.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
                fence = nil
            }
            return line
        }
        if marker {
            let stripped = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
            if let c = stripped.first, c == "`" || c == "~" {
                let run = stripped.prefix(while: { $0 == c }).count
                if run >= 3 && !(c == "`" && stripped.dropFirst(run).contains("`")) {
                    fence = (c, run)
                    return line
                }
            }
        }
        // Without a dollar sign there is no math, and the line is kept as it is.
        guard line.utf8.contains(UInt8(ascii: "$")) else { return line }
        return Substring(protectLine(line))
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
        guard holdsSentinel(text, open) else { return text.isEmpty ? [] : [.text(text)] }
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

    /// `text.contains(sentinel)` on the UTF-8 bytes: both sentinels are three
    /// bytes (EE 80 8x), and a lead byte is never a continuation byte.
    private static func holdsSentinel(_ text: String, _ sentinel: Character) -> Bool {
        let want = sentinel == open ? openBytes : closeBytes
        var bytes = text.utf8.makeIterator()
        while let b = bytes.next() {
            guard b == want[0], bytes.next() == want[1], bytes.next() == want[2] else { continue }
            return true
        }
        return false
    }

    /// Puts dollar signs back where sentinels ended up outside text (URLs, HTML, stray halves).
    static func restoreDollars(_ text: String) -> String {
        guard holdsSentinel(text, open) || holdsSentinel(text, close) else { return text }
        return String(text.map { $0 == open || $0 == close ? "$" : $0 })
    }
}
