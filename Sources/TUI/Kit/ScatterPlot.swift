import Lessons

/// Labelled points in a frame: 2-D embeddings (word vectors after PCA),
/// clusters, any small point cloud.
///
/// Each point is a marker character in one cell with its label to the right
/// when the cells there are still free, so crowded labels never overwrite
/// each other or other markers. Points with the same `group` share a colour.
///
/// Usage:
/// ```swift
/// var plot = ScatterPlot(title: "word vectors (PCA)")
/// plot.points = [
///     .init(x: 0.9, y: 0.8, label: "cat", group: 0),
///     .init(x: 0.8, y: 0.9, label: "kitten", group: 0),
///     .init(x: -0.7, y: -0.2, label: "laptop", group: 1),
/// ]
/// plot.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 50, height: 16))
/// ```
public struct ScatterPlot: Sendable {
    public struct Point: Sendable {
        public var x: Double, y: Double
        public var label: String
        public var group: Int
        public init(x: Double, y: Double, label: String = "", group: Int = 0) {
            self.x = x; self.y = y; self.label = label; self.group = group
        }
    }

    public var title: String
    public var points: [Point] = []
    /// Marker per group (cycled); monochrome terminals tell groups apart by these.
    public var markers: [Character] = ["●", "■", "▲", "◆", "✚", "○"]
    /// Colour per group (cycled), xterm-256 indices.
    public var palette: [UInt8] = [39, 208, 112, 170, 220, 45]

    public init(title: String = "", points: [Point] = []) { self.title = title; self.points = points }

    /// Draws the plot: title row, then a frame with the points inside and the
    /// x and y ranges written on the frame.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var top = area.y
        if !title.isEmpty { buffer.putFitted(title, x: area.x, y: top, width: area.width, style: Style(bold: true)); top += 1 }
        let frame = Rect(x: area.x, y: top, width: area.width, height: area.maxY - top)
        guard frame.width >= 4, frame.height >= 3 else { return }
        let dim = Style(dim: true)
        buffer.drawFrame(frame, style: dim)
        let inner = frame.inset(1)
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard let xr = AxisFormat.range(of: finite.map(\.x)), let yr = AxisFormat.range(of: finite.map(\.y)) else {
            buffer.putFitted("(no points)", x: inner.x, y: inner.y, width: inner.width, style: dim)
            return
        }
        // Ranges on the frame: y max top-left, y min bottom-left, x range bottom-right.
        buffer.putFitted("y " + AxisFormat.label(yr.upperBound), x: frame.x + 1, y: frame.y, width: frame.width / 2, style: dim)
        let xText = "x " + AxisFormat.label(xr.lowerBound) + " … " + AxisFormat.label(xr.upperBound)
        buffer.putFitted("y " + AxisFormat.label(yr.lowerBound), x: frame.x + 1, y: frame.maxY - 1, width: frame.width / 2 - 1, style: dim)
        let xw = min(DisplayWidth.of(xText), frame.width / 2 - 1)
        buffer.putFitted(xText, x: frame.maxX - 1 - xw, y: frame.maxY - 1, width: xw, style: dim)

        var taken = Set<Int>()   // cells holding a marker or a label
        func key(_ x: Int, _ y: Int) -> Int { y * buffer.width + x }
        func cell(_ p: Point) -> (Int, Int) {
            let fx = (p.x - xr.lowerBound) / (xr.upperBound - xr.lowerBound)
            let fy = (p.y - yr.lowerBound) / (yr.upperBound - yr.lowerBound)
            return (inner.x + Int((fx * Double(inner.width - 1)).rounded()),
                    inner.y + Int(((1 - fy) * Double(inner.height - 1)).rounded()))
        }
        // Markers first, so labels never hide a point.
        for p in finite {
            let (cx, cy) = cell(p)
            var st = Style(bold: true)
            if buffer.colorMode.hasColor { st.fg = .ansi(palette[abs(p.group) % palette.count]) }
            buffer[cx, cy] = Cell(markers[abs(p.group) % markers.count], style: st)
            taken.insert(key(cx, cy))
        }
        for p in finite where !p.label.isEmpty {
            let (cx, cy) = cell(p)
            var text = p.label
            var start = cx + 2
            if start + DisplayWidth.of(text) > inner.maxX {   // no room on the right: try the left
                start = cx - 1 - DisplayWidth.of(text)
            }
            if start < inner.x { start = cx + 2; text = CellBuffer.fit(text, width: inner.maxX - start) }
            let w = DisplayWidth.of(text)
            guard w > 0, (start - 1..<start + w + 1).allSatisfy({ !taken.contains(key($0, cy)) || $0 == cx }) else { continue }
            buffer.put(text, x: start, y: cy, clip: inner)
            for x in start..<start + w { taken.insert(key(x, cy)) }
        }
    }
}
