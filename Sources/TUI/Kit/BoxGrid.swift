import Lessons

/// Rectangles on an image-like grid: detection boxes (predictions against
/// ground truth, DETR's matched pairs), windows over a sequence, tiles.
///
/// Boxes are given in the grid's own coordinates (`0...width` × `0...height`,
/// origin top-left, e.g. normalised `0...1` or pixels), scaled to the area,
/// and outlined with box-drawing characters: solid (`┌─┐`) or, with
/// `dashed`, dashed (`┌╌┐`) so ground truth and predictions differ even in
/// monochrome. The label sits inside the top-left corner when it fits.
///
/// Usage:
/// ```swift
/// var grid = BoxGrid(width: 1, height: 1, title: "predictions vs ground truth")
/// grid.boxes = [
///     .init(x0: 0.1, y0: 0.2, x1: 0.5, y1: 0.7, label: "cat 0.92", color: 39),
///     .init(x0: 0.12, y0: 0.25, x1: 0.48, y1: 0.7, label: "gt", color: 208, dashed: true),
/// ]
/// grid.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 14))
/// ```
public struct BoxGrid: Sendable {
    public struct Box: Sendable {
        public var x0: Double, y0: Double, x1: Double, y1: Double
        public var label: String
        /// An xterm-256 colour index.
        public var color: UInt8
        public var dashed: Bool
        public init(x0: Double, y0: Double, x1: Double, y1: Double, label: String = "",
                    color: UInt8 = 39, dashed: Bool = false) {
            self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
            self.label = label; self.color = color; self.dashed = dashed
        }
    }

    /// The extent of the coordinate space.
    public var width: Double, height: Double
    public var title: String
    public var boxes: [Box] = []
    /// Draws a faint dot every few cells so positions can be read.
    public var showGrid = true

    public init(width: Double = 1, height: Double = 1, title: String = "", boxes: [Box] = []) {
        self.width = width; self.height = height; self.title = title; self.boxes = boxes
    }

    /// Draws the title row, an outer frame standing for the image, then every box in order
    /// (later boxes on top).
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var top = area.y
        if !title.isEmpty { buffer.putFitted(title, x: area.x, y: top, width: area.width, style: Style(bold: true)); top += 1 }
        let frame = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        guard frame.width >= 4, frame.height >= 3, width > 0, height > 0 else { return }
        let dim = Style(dim: true)
        buffer.drawFrame(frame, style: dim)
        let inner = frame.inset(1)
        if showGrid {
            for y in stride(from: inner.y + 1, to: inner.maxY, by: 3) {
                for x in stride(from: inner.x + 2, to: inner.maxX, by: 6) { buffer[x, y] = Cell("·", style: dim) }
            }
        }
        for b in boxes {
            func col(_ v: Double) -> Int { inner.x + Int((min(max(v / width, 0), 1) * Double(inner.width - 1)).rounded()) }
            func row(_ v: Double) -> Int { inner.y + Int((min(max(v / height, 0), 1) * Double(inner.height - 1)).rounded()) }
            let left = col(min(b.x0, b.x1)), right = max(col(max(b.x0, b.x1)), left + 1)
            let upper = row(min(b.y0, b.y1)), lower = max(row(max(b.y0, b.y1)), upper + 1)
            var st = Style()
            if buffer.colorMode.hasColor { st.fg = .ansi(b.color) }
            let h: Character = b.dashed ? "╌" : "─", v: Character = b.dashed ? "╎" : "│"
            if right - left > 1 {
                buffer.horizontalLine(x: left + 1, y: upper, length: right - left - 1, h, style: st)
                buffer.horizontalLine(x: left + 1, y: lower, length: right - left - 1, h, style: st)
            }
            if lower - upper > 1 {
                buffer.verticalLine(x: left, y: upper + 1, length: lower - upper - 1, v, style: st)
                buffer.verticalLine(x: right, y: upper + 1, length: lower - upper - 1, v, style: st)
            }
            buffer[left, upper] = Cell("┌", style: st); buffer[right, upper] = Cell("┐", style: st)
            buffer[left, lower] = Cell("└", style: st); buffer[right, lower] = Cell("┘", style: st)
            if !b.label.isEmpty, right - left >= 3 {
                var ls = st; ls.bold = true
                buffer.putFitted(b.label, x: left + 1, y: upper, width: right - left - 1, style: ls)
            }
        }
    }
}
