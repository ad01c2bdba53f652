import Lessons

/// Lines, frames and fitted text: the primitives the app and the kit share.
extension CellBuffer {
    /// Draws a frame with light box-drawing characters around `rect` (the
    /// frame takes the outer ring of cells), with an optional title in the top
    /// edge. Does nothing for rectangles smaller than 2×2.
    public mutating func drawFrame(_ rect: Rect, title: String? = nil, style: Style = .plain,
                                   titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x + 1..<right {
            self[x, rect.y] = Cell("─", style: style)
            self[x, bottom] = Cell("─", style: style)
        }
        for y in rect.y + 1..<bottom {
            self[rect.x, y] = Cell("│", style: style)
            self[right, y] = Cell("│", style: style)
        }
        self[rect.x, rect.y] = Cell("┌", style: style)
        self[right, rect.y] = Cell("┐", style: style)
        self[rect.x, bottom] = Cell("└", style: style)
        self[right, bottom] = Cell("┘", style: style)
        if let title, !title.isEmpty, rect.width > 4 {
            let text = " " + Self.fit(title, width: rect.width - 4) + " "
            put(text, x: rect.x + 1, y: rect.y, style: titleStyle ?? style,
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
    }

    /// A horizontal run of `character` from (x, y), `length` cells long.
    public mutating func horizontalLine(x: Int, y: Int, length: Int, _ character: Character = "─",
                                        style: Style = .plain) {
        guard length > 0 else { return }
        for i in 0..<length { self[x + i, y] = Cell(character, style: style) }
    }

    /// A vertical run of `character` from (x, y), `length` cells tall.
    public mutating func verticalLine(x: Int, y: Int, length: Int, _ character: Character = "│",
                                      style: Style = .plain) {
        guard length > 0 else { return }
        for i in 0..<length { self[x, y + i] = Cell(character, style: style) }
    }

    /// Writes `text` cut to `width` display cells (with "…" when cut), clipped
    /// to the buffer. Returns the column after the text.
    @discardableResult
    public mutating func putFitted(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) -> Int {
        guard width > 0 else { return x }
        return put(Self.fit(text, width: width), x: x, y: y, style: style,
                   clip: Rect(x: x, y: y, width: width, height: 1))
    }

    /// `text` cut to at most `width` display cells, ending in "…" when cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `width` display cells.
    public static func pad(_ text: String, width: Int) -> String {
        let cut = fit(text, width: width)
        let w = DisplayWidth.of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    /// Sets the style of every cell in `rect`, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        for y in max(rect.y, 0)..<min(rect.maxY, height) {
            for x in max(rect.x, 0)..<min(rect.maxX, width) {
                var cell = self[x, y]
                transform(&cell.style)
                self[x, y] = cell
            }
        }
    }
}
