/// Greedy line filling by display columns.
///
/// Break opportunities: at spaces (which vanish at a line end), and between two
/// characters when either is wide (CJK ideographs, kana, Hangul, emoji), as
/// CJK text has no spaces. No break is taken before closing punctuation
/// (。，、！？ and `,.;:!?)` ...) or after opening punctuation (「（ ...), so such
/// a mark travels with its neighbour instead of starting a line (the kinsoku
/// rule of JIS X 4051 / UAX #14, simplified). A word wider than the line is
/// broken between characters. A line never exceeds `width` columns, provided
/// `width >= 2`.
enum TextWrapper {
    /// One character with its style and width.
    struct Cell {
        var character: Character
        var style: RunStyle
        var width: Int
        /// A space that must not be a break (inside a short formula).
        var glue = false
    }

    /// Input pieces: characters, a forced line break, or a source line break
    /// (a space, except between two wide characters: CJK text has no spaces,
    /// so a line break inside a Chinese sentence must vanish, as pandoc's
    /// `east_asian_line_breaks` does).
    enum Piece {
        case cell(Cell)
        case newline
        case softBreak(RunStyle)
    }

    /// Replaces each soft break by a space or by nothing.
    static func resolveSoftBreaks(_ pieces: [Piece]) -> [Piece] {
        guard pieces.contains(where: { if case .softBreak = $0 { true } else { false } }) else { return pieces }
        var out: [Piece] = []
        out.reserveCapacity(pieces.count)
        for (i, piece) in pieces.enumerated() {
            guard case .softBreak(let style) = piece else { out.append(piece); continue }
            var before: Cell?, after: Cell?
            if case .cell(let c)? = out.last { before = c }
            if i + 1 < pieces.count, case .cell(let c) = pieces[i + 1] { after = c }
            if let before, let after, before.width == 2, after.width == 2 { continue }
            out.append(.cell(Cell(character: " ", style: style, width: 1)))
        }
        return out
    }

    private enum Token {
        case space([Cell])
        case word([Cell], width: Int)
        case newline
    }

    static let noBreakBefore: Set<Character> = [
        "。", "，", "、", "！", "？", "；", "：", "」", "』", "）", "》", "〉", "】", "〕", "…", "ー", "々",
        "〜", "．", "・", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "'", "\"",
    ]
    static let noBreakAfter: Set<Character> = ["「", "『", "（", "《", "〈", "【", "〔", "“", "‘", "(", "[", "{"]

    /// Wraps `pieces` into lines of runs at most `width` columns wide.
    static func wrap(_ pieces: [Piece], width: Int) -> [[StyledRun]] {
        let width = max(width, 2)
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var currentWidth = 0
        var pending: [Cell] = []
        for token in tokens(resolveSoftBreaks(pieces)) {
            switch token {
            case .newline:
                lines.append(current)
                current = []; currentWidth = 0; pending = []
            case .space(let cells):
                if !current.isEmpty { pending += cells }
            case .word(let cells, let w):
                let pendingWidth = pending.reduce(0) { $0 + $1.width }
                if currentWidth + pendingWidth + w <= width {
                    current += pending + cells
                    currentWidth += pendingWidth + w
                    pending = []
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                pending = []
                var rest = cells[...]
                var restWidth = w
                while restWidth > width {
                    var taken = 0, used = 0
                    while taken < rest.count, used + rest[rest.startIndex + taken].width <= width {
                        used += rest[rest.startIndex + taken].width
                        taken += 1
                    }
                    taken = max(taken, 1)
                    let head = rest.prefix(taken)
                    lines.append(Array(head))
                    restWidth -= head.reduce(0) { $0 + $1.width }
                    rest = rest.dropFirst(taken)
                }
                current = Array(rest)
                currentWidth = restWidth
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map(runs)
    }

    /// Splits pieces into spaces, unbreakable words and forced breaks.
    private static func tokens(_ pieces: [Piece]) -> [Token] {
        var out: [Token] = []
        var word: [Cell] = []
        var wordWidth = 0
        var spaces: [Cell] = []
        func flushWord() {
            if !word.isEmpty { out.append(.word(word, width: wordWidth)); word = []; wordWidth = 0 }
        }
        func flushSpaces() {
            if !spaces.isEmpty { out.append(.space(spaces)); spaces = [] }
        }
        for piece in pieces {
            switch piece {
            case .newline:
                flushWord(); flushSpaces()
                out.append(.newline)
            case .softBreak:
                break   // resolved before tokenising
            case .cell(let cell):
                if cell.character == " " && !cell.glue {
                    flushWord()
                    spaces.append(cell)
                    continue
                }
                if !spaces.isEmpty, word.isEmpty, noBreakBefore.contains(cell.character),
                   case .word(let previous, let w)? = out.last {
                    // "word ，" keeps the mark with the word before it, spaces included.
                    out.removeLast()
                    word = previous + spaces
                    wordWidth = w + spaces.count
                    spaces = []
                }
                flushSpaces()
                if let last = word.last, canBreak(between: last, and: cell) { flushWord() }
                word.append(cell)
                wordWidth += cell.width
            }
        }
        flushWord(); flushSpaces()
        return out
    }

    private static func canBreak(between a: Cell, and b: Cell) -> Bool {
        guard a.width == 2 || b.width == 2 else { return false }
        return !noBreakBefore.contains(b.character) && !noBreakAfter.contains(a.character)
    }

    /// Merges cells of equal style into runs.
    static func runs(_ cells: [Cell]) -> [StyledRun] {
        var out: [StyledRun] = []
        for cell in cells {
            if let last = out.last, last.style == cell.style {
                out[out.count - 1].text.append(cell.character)
            } else {
                out.append(StyledRun(String(cell.character), cell.style))
            }
        }
        return out
    }

    /// Cells of `text` in `style`; tabs and newlines become spaces, other control characters vanish.
    static func cells(_ text: String, _ style: RunStyle) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(text.count)
        for c in text {
            if c == "\t" || c == "\n" || c == "\r\n" || c == "\r" {
                out.append(Cell(character: " ", style: style, width: 1))
                continue
            }
            let w = DisplayWidth.of(c)
            if w == 0 && (c.isASCII || c.unicodeScalars.first!.properties.generalCategory == .control) { continue }
            out.append(Cell(character: c, style: style, width: w))
        }
        return out
    }

    /// Wraps a single line of cells (code) into chunks at most `width` wide,
    /// breaking after a space in the right half of the line when there is one,
    /// else between any two characters.
    static func chop(_ cells: [Cell], width: Int) -> [[StyledRun]] {
        let width = max(width, 2)
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var used = 0
        for cell in cells {
            if used + cell.width > width, !current.isEmpty {
                var cut = current.count
                if let space = current.lastIndex(where: { $0.character == " " }), space + 1 < current.count,
                   current[...space].reduce(0, { $0 + $1.width }) > width / 2 {
                    cut = space + 1
                }
                lines.append(Array(current[..<cut]))
                current = Array(current[cut...])
                used = current.reduce(0) { $0 + $1.width }
            }
            current.append(cell)
            used += cell.width
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map(runs)
    }
}
