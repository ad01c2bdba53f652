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

    /// A piece of the text between break opportunities, as a range of cells.
    private struct Token {
        enum Kind { case word, space, newline }
        var kind: Kind
        var cells: Range<Int>
        var width: Int
    }

    static let noBreakBefore: Set<Character> = [
        "。", "，", "、", "！", "？", "；", "：", "」", "』", "）", "》", "〉", "】", "〕", "…", "ー", "々",
        "〜", "．", "・", ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "'", "\"",
    ]
    static let noBreakAfter: Set<Character> = ["「", "『", "（", "《", "〈", "【", "〔", "“", "‘", "(", "[", "{"]

    /// Wraps `pieces` into lines of runs at most `width` columns wide.
    ///
    /// The pieces become one array of cells (a `Flow`); words, spaces and lines
    /// are then ranges of that array, since every line is a stretch of
    /// consecutive cells.
    static func wrap(_ pieces: [Piece], width: Int) -> [[StyledRun]] {
        var flow = Flow()
        for piece in pieces { flow.add(piece) }
        return wrap(flow, width: width)
    }

    /// Wraps the text of `flow` into lines of runs at most `width` columns wide.
    static func wrap(_ flow: consuming Flow, width: Int) -> [[StyledRun]] {
        let width = max(width, 2)
        flow.keepSoftBreak()
        let cells = flow.cells
        let newlines = flow.newlines
        var lines: [Range<Int>] = []
        var current = 0..<0, currentWidth = 0
        // Columns of the spaces after `current`, kept only if a word follows on the line.
        var pendingWidth = 0
        for token in tokens(cells, newlines: newlines) {
            switch token.kind {
            case .newline:
                lines.append(current)
                current = token.cells; currentWidth = 0; pendingWidth = 0
            case .space:
                if !current.isEmpty { pendingWidth = token.width }
            case .word:
                let w = token.width
                if currentWidth + pendingWidth + w <= width {
                    // The spaces in between, if any, lie between the two ranges.
                    current = current.isEmpty ? token.cells : current.lowerBound..<token.cells.upperBound
                    currentWidth += pendingWidth + w
                    pendingWidth = 0
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                pendingWidth = 0
                // A word wider than the line: whole lines of it, then the rest.
                var rest = token.cells
                var restWidth = w
                while restWidth > width {
                    var taken = 0, used = 0
                    while rest.lowerBound + taken < rest.upperBound, used + cells[rest.lowerBound + taken].width <= width {
                        used += cells[rest.lowerBound + taken].width
                        taken += 1
                    }
                    taken = max(taken, 1)
                    let head = rest.lowerBound..<(rest.lowerBound + taken)
                    lines.append(head)
                    restWidth -= cells[head].reduce(0) { $0 + $1.width }
                    rest = head.upperBound..<rest.upperBound
                }
                current = rest
                currentWidth = restWidth
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { runs(cells[$0]) }
    }

    /// Text on its way to `wrap`: its cells, and where the forced breaks fall
    /// (a break at `k` comes before `cells[k]`). A soft break becomes a space,
    /// or nothing between two wide characters, once the piece after it is known.
    struct Flow {
        private(set) var cells: [Cell] = []
        private(set) var newlines: [Int] = []
        /// Whether the last thing kept was a cell (not a forced break).
        private var afterCell = false
        private var softBreak: RunStyle?

        mutating func append(_ cell: Cell) {
            if let style = softBreak {
                softBreak = nil
                let between = afterCell && cells.last?.width == 2 && cell.width == 2
                if !between { cells.append(Cell(character: " ", style: style, width: 1)) }
            }
            cells.append(cell)
            afterCell = true
        }

        mutating func newline() {
            keepSoftBreak()
            newlines.append(cells.count)
            afterCell = false
        }

        mutating func softBreak(_ style: RunStyle) {
            keepSoftBreak()
            softBreak = style
        }

        /// A soft break followed by anything but a cell is a space.
        mutating func keepSoftBreak() {
            guard let style = softBreak else { return }
            softBreak = nil
            cells.append(Cell(character: " ", style: style, width: 1))
            afterCell = true
        }

        mutating func add(_ piece: Piece) {
            switch piece {
            case .cell(let c): append(c)
            case .newline: newline()
            case .softBreak(let style): softBreak(style)
            }
        }
    }

    /// Splits cells into spaces, unbreakable words and forced breaks.
    private static func tokens(_ cells: [Cell], newlines: [Int]) -> [Token] {
        var out: [Token] = []
        var word: Int?, wordWidth = 0
        var spaces: Int?
        func flushWord(_ k: Int) {
            if let start = word, start < k { out.append(Token(kind: .word, cells: start..<k, width: wordWidth)) }
            word = nil; wordWidth = 0
        }
        func flushSpaces(_ k: Int) {
            if let start = spaces, start < k { out.append(Token(kind: .space, cells: start..<k, width: cells[start..<k].reduce(0) { $0 + $1.width })) }
            spaces = nil
        }
        var nextBreak = 0
        for k in 0...cells.count {
            while nextBreak < newlines.count, newlines[nextBreak] == k {
                flushWord(k); flushSpaces(k)
                out.append(Token(kind: .newline, cells: k..<k, width: 0))
                nextBreak += 1
            }
            guard k < cells.count else { break }
            let cell = cells[k]
            if cell.character == " " && !cell.glue {
                flushWord(k)
                if spaces == nil { spaces = k }
                continue
            }
            if let start = spaces, word == nil, noBreakBefore.contains(cell.character),
               let previous = out.last, previous.kind == .word {
                // "word ，" keeps the mark with the word before it, spaces included.
                out.removeLast()
                word = previous.cells.lowerBound
                wordWidth = previous.width + (k - start)
                spaces = nil
            }
            flushSpaces(k)
            if let start = word, start < k, canBreak(between: cells[k - 1], and: cell) { flushWord(k) }
            if word == nil { word = k }
            wordWidth += cell.width
        }
        flushWord(cells.count); flushSpaces(cells.count)
        return out
    }

    private static func canBreak(between a: Cell, and b: Cell) -> Bool {
        guard a.width == 2 || b.width == 2 else { return false }
        return !noBreakBefore.contains(b.character) && !noBreakAfter.contains(a.character)
    }

    /// Merges cells of equal style into runs.
    static func runs(_ cells: some Collection<Cell>) -> [StyledRun] {
        var out: [StyledRun] = []
        // Each run's text is gathered as UTF-8 and made a string once.
        var bytes: [UInt8] = []
        var style: RunStyle?
        for cell in cells {
            if cell.style != style {
                if let style { out.append(StyledRun(String(decoding: bytes, as: UTF8.self), style)) }
                bytes.removeAll(keepingCapacity: true)
                style = cell.style
            }
            bytes.append(contentsOf: cell.character.utf8)
        }
        if let style { out.append(StyledRun(String(decoding: bytes, as: UTF8.self), style)) }
        return out
    }

    /// Cells of `text` in `style`; tabs and newlines become spaces, other control characters vanish.
    static func cells(_ text: String, _ style: RunStyle) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(text.utf8.count)
        forEachCell(text, style) { out.append($0) }
        return out
    }

    /// Calls `body` with each cell of `text`. ASCII text is read byte by byte
    /// (one byte, one character, "\r\n" aside); other text character by character.
    @inline(__always)
    static func forEachCell(_ text: String, _ style: RunStyle, _ body: (Cell) -> Void) {
        let space = Cell(character: " ", style: style, width: 1)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var previous: UInt8 = 0
            for b in text.utf8 {
                defer { previous = b }
                switch b {
                case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"):
                    continue   // "\r\n" is one character, already a space
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    body(space)
                case 0x20..<0x7F:
                    body(b == 0x20 ? space : Cell(character: Character(Unicode.Scalar(b)), style: style, width: 1))
                default:
                    continue   // other control characters take no room and vanish
                }
            }
            return
        }
        var last: (character: Character, width: Int)?
        for c in text {
            if c == "\t" || c == "\n" || c == "\r\n" || c == "\r" {
                body(space)
                continue
            }
            let w: Int
            if let last, last.character == c { w = last.width } else { w = DisplayWidth.of(c); last = (c, w) }
            if w == 0 && (c.isASCII || c.unicodeScalars.first!.properties.generalCategory == .control) { continue }
            body(Cell(character: c, style: style, width: w))
        }
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
