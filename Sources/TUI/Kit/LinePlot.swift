import Foundation
import Lessons

/// A line chart in braille dots with a y axis (top, middle, bottom labels),
/// an x axis (first and last x), a title and a legend: loss curves, gradient
/// norms, any few series over a shared x.
///
/// Layout inside `area` (top to bottom): one title/legend row, the plot with
/// the y labels on its left, the x axis, and one row of x labels. Needs at
/// least 12×5 cells; smaller areas get a one-line summary instead.
///
/// Usage:
/// ```swift
/// var plot = LinePlot(title: "loss", xLabel: "step")
/// plot.add(LinePlot.Series(name: "train", values: [2.3, 1.7, 1.2, 0.9], color: .ansi(39)))
/// plot.add(LinePlot.Series(name: "val", values: [2.4, 1.9, 1.5, 1.3], color: .ansi(208)))
/// plot.logScale = true                      // optional: log10 y axis for positive data
/// plot.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 60, height: 14))
/// ```
public struct LinePlot: Sendable {
    /// One named line. Points are joined in the order given.
    public struct Series: Sendable {
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        public var color: Style.Color

        /// A series over x = `xStart`, `xStart + xStep`, ….
        public init(name: String, values: [Double], xStart: Double = 0, xStep: Double = 1,
                    color: Style.Color = .default) {
            self.name = name; self.ys = values; self.color = color
            xs = values.indices.map { xStart + Double($0) * xStep }
        }

        /// A series of explicit (x, y) points.
        public init(name: String, xs: [Double], ys: [Double], color: Style.Color = .default) {
            precondition(xs.count == ys.count, "LinePlot.Series: xs and ys differ in length")
            self.name = name; self.xs = xs; self.ys = ys; self.color = color
        }
    }

    public var title: String
    public var xLabel: String
    public var series: [Series] = []
    /// Fixed y range; nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// Plots log10(y); non-positive values are skipped.
    public var logScale = false

    public init(title: String = "", xLabel: String = "", series: [Series] = []) {
        self.title = title; self.xLabel = xLabel; self.series = series
    }

    public mutating func add(_ s: Series) { series.append(s) }

    private func transform(_ y: Double) -> Double? {
        if logScale { return y > 0 ? log10(y) : nil }
        return y.isFinite ? y : nil
    }

    /// Draws the chart into `area` of `buffer`.
    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let dimStyle = Style(dim: true)
        // Header: title and legend.
        var col = area.x
        if !title.isEmpty { col = buffer.putFitted(title + "  ", x: col, y: area.y, width: area.maxX - col, style: Style(bold: true)) }
        for s in series where col < area.maxX - 2 {
            var st = Style()
            if buffer.colorMode.hasColor { st.fg = s.color }
            col = buffer.put("━ ", x: col, y: area.y, style: st, clip: area)
            col = buffer.putFitted(s.name + "  ", x: col, y: area.y, width: area.maxX - col)
        }

        let ys = series.flatMap { $0.ys.compactMap(transform) }
        let xsAll = series.flatMap(\.xs).filter(\.isFinite)
        guard area.width >= 12, area.height >= 5, let yr0 = AxisFormat.range(of: ys),
              let xr = AxisFormat.range(of: xsAll) else {
            if area.height >= 2 {
                let last = series.compactMap { s in s.ys.last.map { "\(s.name) \(AxisFormat.label($0))" } }
                buffer.putFitted(last.isEmpty ? "(no data)" : last.joined(separator: "  "),
                                 x: area.x, y: area.y + 1, width: area.width, style: dimStyle)
            }
            return
        }
        let yr: ClosedRange<Double>
        if let fixed = yRange, let lo = transform(fixed.lowerBound), let hi = transform(fixed.upperBound), lo < hi {
            yr = lo...hi
        } else { yr = yr0 }
        func show(_ t: Double) -> String { AxisFormat.label(logScale ? pow(10, t) : t) }

        let labels = [show(yr.upperBound), show((yr.lowerBound + yr.upperBound) / 2), show(yr.lowerBound)]
        let gutter = min(labels.map { DisplayWidth.of($0) }.max()!, area.width / 3)
        let plotX = area.x + gutter + 1
        let plotTop = area.y + 1
        let plotRows = area.height - 3
        let plotCols = area.maxX - plotX
        guard plotRows >= 1, plotCols >= 2 else { return }

        // Axes.
        let axisX = plotX - 1
        buffer.verticalLine(x: axisX, y: plotTop, length: plotRows, "│", style: dimStyle)
        buffer[axisX, plotTop + plotRows] = Cell("└", style: dimStyle)
        buffer.horizontalLine(x: plotX, y: plotTop + plotRows, length: plotCols, "─", style: dimStyle)
        let labelRows = [plotTop, plotTop + (plotRows - 1) / 2, plotTop + plotRows - 1]
        for (i, row) in labelRows.enumerated() where i == 0 || row != labelRows[i - 1] {
            let text = CellBuffer.fit(labels[i], width: gutter)
            buffer.put(text, x: axisX - DisplayWidth.of(text), y: row, style: dimStyle)
            buffer[axisX, row] = Cell("┤", style: dimStyle)
        }
        let xRow = plotTop + plotRows + 1
        let xLo = AxisFormat.label(xr.lowerBound), xHi = AxisFormat.label(xr.upperBound)
        buffer.put(xLo, x: plotX, y: xRow, style: dimStyle, clip: area)
        buffer.put(xHi, x: area.maxX - DisplayWidth.of(xHi), y: xRow, style: dimStyle, clip: area)
        if !xLabel.isEmpty {
            let w = DisplayWidth.of(xLabel)
            let cx = plotX + (plotCols - w) / 2
            if cx > plotX + DisplayWidth.of(xLo), cx + w < area.maxX - DisplayWidth.of(xHi) {
                buffer.put(xLabel, x: cx, y: xRow, style: dimStyle)
            }
        }

        // Lines.
        var canvas = BrailleCanvas(columns: plotCols, rows: plotRows)
        let xSpan = xr.upperBound - xr.lowerBound, ySpan = yr.upperBound - yr.lowerBound
        func dot(_ x: Double, _ y: Double) -> (x: Int, y: Int) {
            let fx = (x - xr.lowerBound) / xSpan, fy = (y - yr.lowerBound) / ySpan
            let px = Int((fx * Double(canvas.dotWidth - 1)).rounded())
            let py = Int(((1 - min(max(fy, -0.01), 1.01)) * Double(canvas.dotHeight - 1)).rounded())
            return (px, py)
        }
        for s in series {
            var previous: (x: Int, y: Int)?
            for (x, y) in zip(s.xs, s.ys) {
                guard x.isFinite, let ty = transform(y) else { previous = nil; continue }
                let p = dot(x, ty)
                if let q = previous { canvas.line(from: q, to: p, color: s.color) } else { canvas.set(p.x, p.y, color: s.color) }
                previous = p
            }
        }
        canvas.draw(into: &buffer, at: plotX, plotTop)
    }
}
