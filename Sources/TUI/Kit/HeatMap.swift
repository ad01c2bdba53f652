import Lessons

/// A matrix drawn as shaded cells with row and column labels and a legend:
/// attention weights, confusion matrices, similarity tables.
///
/// In 256-colour mode each value becomes a background shade from a dark-blue
/// to yellow ramp of xterm colours; in 8-colour and monochrome mode it
/// becomes a character from the ramp ` .:-=+*#%@`, so the picture survives
/// `NO_COLOR`. With `showValues` and cells at least 5 wide the numbers are
/// printed in the cells too.
///
/// Usage:
/// ```swift
/// var map = HeatMap(values: [[0.9, 0.1], [0.3, 0.7]], rowLabels: ["the", "cat"],
///                   columnLabels: ["the", "cat"])
/// map.title = "attention"
/// map.range = 0...1                          // optional: fixed scale for the legend
/// map.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 8))
/// ```
public struct HeatMap: Sendable {
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var title = ""
    /// Fixed value range; nil fits the data.
    public var range: ClosedRange<Double>?
    public var showValues = false

    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = []) {
        self.values = values; self.rowLabels = rowLabels; self.columnLabels = columnLabels
    }

    /// Background shades, low to high (xterm-256 indices: blues, teals, greens, yellow).
    public static let colorRamp: [UInt8] = [17, 18, 19, 20, 25, 31, 37, 43, 42, 78, 114, 150, 186, 222, 226]
    /// Characters, low to high, for terminals without colour.
    public static let characterRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The ramp position (0..<count) of `v` within `range`.
    public static func level(_ v: Double, in range: ClosedRange<Double>, count: Int) -> Int {
        guard v.isFinite, range.upperBound > range.lowerBound else { return 0 }
        let f = (v - range.lowerBound) / (range.upperBound - range.lowerBound)
        return min(count - 1, max(0, Int(f * Double(count))))
    }

    /// Draws the map into `area` of `buffer`: title row, column labels row,
    /// one row per matrix row (more when there is room), then a legend row.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let rowsN = values.count, colsN = values.map(\.count).max() ?? 0
        var y = area.y
        if !title.isEmpty { buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true)); y += 1 }
        guard rowsN > 0, colsN > 0, let r = range ?? AxisFormat.range(of: values.joined()) else {
            if y < area.maxY { buffer.putFitted("(empty matrix)", x: area.x, y: y, width: area.width, style: Style(dim: true)) }
            return
        }
        let useColor = buffer.colorMode == .full
        let labelW = min(rowLabels.map { DisplayWidth.of($0) }.max() ?? 0, max(0, area.width / 4))
        let left = area.x + (labelW > 0 ? labelW + 1 : 0)
        let cellW = max(1, min(6, (area.maxX - left) / colsN))
        let hasColumnLabels = !columnLabels.isEmpty && cellW >= 2
        let available = area.maxY - y - (hasColumnLabels ? 1 : 0) - 1   // minus legend
        guard available >= 1 else { return }
        let cellH = max(1, min(2, available / rowsN))

        if hasColumnLabels {
            for c in 0..<min(colsN, columnLabels.count) {
                buffer.putFitted(columnLabels[c], x: left + c * cellW, y: y, width: cellW - 1, style: Style(dim: true))
            }
            y += 1
        }
        let visibleRows = min(rowsN, available / cellH)
        for rIdx in 0..<visibleRows {
            let top = y + rIdx * cellH
            if labelW > 0, rIdx < rowLabels.count {
                let text = CellBuffer.fit(rowLabels[rIdx], width: labelW)
                buffer.put(text, x: left - 1 - DisplayWidth.of(text), y: top, style: Style(dim: true))
            }
            for c in 0..<colsN {
                let v = c < values[rIdx].count ? values[rIdx][c] : .nan
                let x = left + c * cellW
                guard x < area.maxX else { break }
                let w = min(cellW, area.maxX - x)
                for dy in 0..<cellH {
                    if useColor {
                        let shade = Self.colorRamp[Self.level(v, in: r, count: Self.colorRamp.count)]
                        buffer.fill(Rect(x: x, y: top + dy, width: w, height: 1), style: Style(bg: .ansi(shade)))
                    } else {
                        let ch = Self.characterRamp[Self.level(v, in: r, count: Self.characterRamp.count)]
                        buffer.fill(Rect(x: x, y: top + dy, width: w, height: 1), ch)
                    }
                }
                if showValues, cellW >= 5, useColor {
                    let fg: Style.Color = Self.level(v, in: r, count: 2) == 1 ? .ansi(16) : .ansi(255)
                    let shade = Self.colorRamp[Self.level(v, in: r, count: Self.colorRamp.count)]
                    buffer.putFitted(AxisFormat.label(v), x: x, y: top, width: cellW - 1, style: Style(fg: fg, bg: .ansi(shade)))
                }
            }
        }
        if visibleRows < rowsN, y + visibleRows * cellH < area.maxY - 1 {
            buffer.putFitted("… \(rowsN - visibleRows) more rows", x: left, y: y + visibleRows * cellH, width: area.maxX - left, style: Style(dim: true))
        }
        // Legend: low label, the ramp, high label.
        let legendY = area.maxY - 1
        var x = buffer.put(AxisFormat.label(r.lowerBound) + " ", x: area.x, y: legendY, style: Style(dim: true), clip: area)
        if useColor {
            for shade in Self.colorRamp where x < area.maxX { buffer[x, legendY] = Cell(" ", style: Style(bg: .ansi(shade))); x += 1 }
        } else {
            x = buffer.put("[" + String(Self.characterRamp) + "]", x: x, y: legendY, clip: area)
        }
        buffer.put(" " + AxisFormat.label(r.upperBound), x: x, y: legendY, style: Style(dim: true), clip: area)
    }
}
