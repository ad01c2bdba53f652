/// A dot canvas at braille resolution: every terminal cell holds 2×4 dots
/// (Unicode braille patterns, U+2800 + a bit per dot), so a 40×10 cell area
/// plots 80×40 points.
///
/// Dot (dx, dy) inside a cell maps to a bit of the pattern as Unicode lays it
/// out: column 0 rows 0-2 are bits 0-2, column 1 rows 0-2 are bits 3-5, and
/// row 3 is bit 6 (left) and bit 7 (right).
///
/// Usage:
/// ```swift
/// var canvas = BrailleCanvas(columns: 20, rows: 5)          // 40×20 dots
/// canvas.line(from: (0, 19), to: (39, 0), color: .ansi(39))  // a rising line
/// canvas.draw(into: &buffer, at: 2, 1)
/// ```
public struct BrailleCanvas: Sendable {
    /// Size in cells.
    public let columns: Int, rows: Int
    /// Size in dots.
    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    private var bits: [UInt8]
    private var colors: [Style.Color]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns); self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: .default, count: self.columns * self.rows)
    }

    private static let bitFor: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Turns on the dot at (x, y), origin top-left; dots outside are ignored.
    /// The cell takes the colour of the last dot set in it.
    public mutating func set(_ x: Int, _ y: Int, color: Style.Color = .default) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let i = (y / 4) * columns + x / 2
        bits[i] |= Self.bitFor[x % 2][y % 4]
        colors[i] = color
    }

    /// True when the dot at (x, y) is on.
    public func isSet(_ x: Int, _ y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return bits[(y / 4) * columns + x / 2] & Self.bitFor[x % 2][y % 4] != 0
    }

    /// A straight line of dots (Bresenham), both ends included.
    public mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), color: Style.Color = .default) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var err = dx + dy
        // Bound the walk so absurd coordinates cannot spin for long.
        var budget = dx - dy + 2
        while budget > 0 {
            set(x, y, color: color)
            if x == b.x && y == b.y { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
            budget -= 1
        }
    }

    /// The character for cell (column, row): a braille pattern, or a space when empty.
    public func character(column: Int, row: Int) -> Character {
        let b = bits[row * columns + column]
        return b == 0 ? " " : Character(Unicode.Scalar(0x2800 + UInt32(b))!)
    }

    /// Copies the non-empty cells into `buffer` with the top-left cell at (x, y).
    public func draw(into buffer: inout CellBuffer, at x: Int, _ y: Int, style: Style = .plain) {
        for r in 0..<rows {
            for c in 0..<columns where bits[r * columns + c] != 0 {
                var s = style
                if buffer.colorMode.hasColor { s.fg = colors[r * columns + c] }
                buffer[x + c, y + r] = Cell(character(column: c, row: r), style: s)
            }
        }
    }
}
