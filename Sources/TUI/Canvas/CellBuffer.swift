import Lessons

/// One terminal cell's look.
public struct Style: Sendable, Hashable {
    /// A colour: one of the 256 xterm colours, or the terminal default.
    public enum Color: Sendable, Hashable {
        case `default`
        case ansi(UInt8)
    }
    public var fg: Color = .default
    public var bg: Color = .default
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var reverse = false

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, dim: Bool = false,
                italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.dim = dim
        self.italic = italic; self.underline = underline; self.reverse = reverse
    }

    public static let plain = Style()
}

/// A cell: a grapheme cluster and its style. A wide character occupies its
/// cell and marks the next as a `continuation`.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character: draw nothing there.
    public var continuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, continuation: Bool = false) {
        self.character = character; self.style = style; self.continuation = continuation
    }
}

/// A rectangle of cells, origin top-left.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    /// This rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// An in-memory screen: everything the app and the demos draw goes here
/// first, so drawing is pure and testable; only the ncurses adapter copies a
/// buffer to the terminal.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// What the target terminal can show; drawing code that needs colour to
    /// carry meaning (heat maps) falls back to characters when it is `.monochrome`.
    public var colorMode: ColorMode = .full

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` starting at (x, y), clipped to `clip` (the whole buffer by
    /// default). A wide character that would straddle the right edge is
    /// replaced by a space. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return x }
        let right = min(area.maxX, width)
        var col = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // Combining mark: attach to the previous cell if we drew it.
                if col - 1 >= max(area.x, 0), col - 1 < right {
                    var prev = self[col - 1, y]
                    if !prev.continuation { prev.character = Character(String(prev.character) + String(ch)); self[col - 1, y] = prev }
                }
                continue
            }
            if col >= right { break }
            if col < area.x { col += w; continue }
            if w == 2 && col + 1 >= right {
                self[col, y] = Cell(" ", style: style)
                col += 1
                break
            }
            clearWide(at: col, y: y)
            self[col, y] = Cell(ch, style: style)
            if w == 2 {
                clearWide(at: col + 1, y: y)
                self[col + 1, y] = Cell(" ", style: style, continuation: true)
            }
            col += w
        }
        return col
    }

    /// Overwriting half of a wide character blanks the other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = self[x, y]
        if cell.continuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if !cell.continuation, DisplayWidth.of(cell.character) == 2, x + 1 < width {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// Fills a rectangle with `character` in `style`.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", style: Style = .plain) {
        let x0 = max(rect.x, 0), x1 = min(rect.maxX, width)
        guard x0 < x1 else { return }
        for y in max(rect.y, 0)..<min(rect.maxY, height) {
            // A wide character cut by the edge loses its other half too, so no row grows wider than the screen.
            clearWide(at: x0, y: y)
            clearWide(at: x1 - 1, y: y)
            for x in x0..<x1 { self[x, y] = Cell(character, style: style) }
        }
    }

    /// The rows as plain text (styles dropped, trailing spaces trimmed), for
    /// snapshot tests and for printing a demo without a terminal.
    public var textRows: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !self[x, y].continuation { s.append(self[x, y].character) }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The rows with ANSI SGR escapes for styles, for printing in colour.
    public func ansiRows() -> [String] {
        (0..<height).map { y in
            var s = ""
            var current = Style.plain
            for x in 0..<width where !self[x, y].continuation {
                let cell = self[x, y]
                if cell.style != current { s += ANSI.sgr(cell.style); current = cell.style }
                s.append(cell.character)
            }
            if current != .plain { s += "\u{1B}[0m" }
            return s
        }
    }
}

/// ANSI escape sequences for `Style`.
public enum ANSI {
    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if case .ansi(let c) = style.fg { codes.append("38;5;\(c)") }
        if case .ansi(let c) = style.bg { codes.append("48;5;\(c)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
