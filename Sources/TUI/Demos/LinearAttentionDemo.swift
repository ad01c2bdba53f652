import Engine
import Foundation
import Lessons

/// `attention-cost`: causal softmax attention against causal linear attention,
/// timed live by the Engine (`LinearAttention.measureCost`) for n doubling
/// from `min` to `max`, on a log-log braille plot with the crossover marked.
///
/// Each step measures one more size. The slope of each line is the exponent
/// of its cost: about 2 for softmax, 1 for linear attention.
///
/// ```
/// attention-cost · causal attention, d = e = 32, one thread   n up to 4096
/// ┌ seconds, log scale ──── ━ softmax O(n²)  ━ linear O(n) ━ crossover ┐
///          n     softmax      linear   softmax/linear
/// ```
public struct AttentionCostDemo: Demo {
    public static let name = "attention-cost"
    public static let summary = "Measured time of causal softmax attention vs causal linear attention as n grows, log-log, with the crossover."
    public static let parameters: [DemoParameter] = [
        DemoParameter("width", .int(1...256), default: "32", "query/key and value width d = e"),
        DemoParameter("min", .int(2...65_536), default: "16", "smallest sequence length n"),
        DemoParameter("max", .int(2...65_536), default: "4096", "largest sequence length n, reached by doubling"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the random inputs"),
    ]

    public let width: Int
    public let sizes: [Int]
    public let seed: UInt64
    /// The sizes measured so far, in order.
    public private(set) var points: [LinearAttention.CostPoint] = []

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        width = try p.int("width")
        let low = try p.int("min")
        let high = try p.int("max")
        guard low <= high else { throw DemoError("min (\(low)) must not exceed max (\(high))") }
        seed = UInt64(try p.int("seed"))
        var sizes: [Int] = []
        var n = low
        while n <= high { sizes.append(n); n *= 2 }
        if sizes.last != high { sizes.append(high) }
        self.sizes = sizes
        points.append(LinearAttention.measureCost(n: sizes[0], width: width, seed: seed))
    }

    public mutating func step() -> Bool {
        guard points.count < sizes.count else { return false }
        points.append(LinearAttention.measureCost(n: sizes[points.count], width: width, seed: seed))
        return true
    }

    public func preferredHeight(width: Int) -> Int { 1 + 16 + 2 + sizes.count + 1 }

    /// The crossover, when the measured sizes bracket one.
    public var crossover: Double? { LinearAttention.crossover(points) }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let title = "attention-cost · causal attention, d = e = \(width), one thread   n = \(sizes[0]) … \(sizes.last!)   measured \(points.count)/\(sizes.count)"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        let plotHeight = min(16, max(0, area.maxY - y - 2))
        if plotHeight >= 5 {
            var plot = LinePlot(title: "seconds, log scale", xLabel: "log₂ n")
            let xs = points.map { log2(Double($0.n)) }
            plot.add(LinePlot.Series(name: "softmax O(n²)", xs: xs, ys: points.map(\.softmaxSeconds), color: .ansi(208)))
            plot.add(LinePlot.Series(name: "linear O(n)", xs: xs, ys: points.map(\.linearSeconds), color: .ansi(39)))
            if let cross = crossover {
                let all = points.flatMap { [$0.softmaxSeconds, $0.linearSeconds] }
                plot.add(LinePlot.Series(name: "crossover n ≈ \(Int(cross.rounded()))", xs: [log2(cross), log2(cross)],
                                         ys: [all.min()!, all.max()!], color: .ansi(160)))
            }
            plot.logScale = true
            plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: plotHeight))
            y += plotHeight
        }
        guard y < area.maxY else { return }
        let crossText = crossover.map { "linear attention is faster from n ≈ \(Int($0.rounded())) on" }
            ?? (points.last.map { $0.linearSeconds < $0.softmaxSeconds } == true && points.first.map { $0.linearSeconds < $0.softmaxSeconds } == true
                ? "linear attention is faster at every measured n" : "no crossover in the measured range")
        buffer.putFitted(crossText, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        let header = CellBuffer.pad("n", width: 8) + CellBuffer.pad("softmax", width: 13) + CellBuffer.pad("linear", width: 13) + "softmax/linear"
        buffer.putFitted(header, x: area.x, y: y, width: area.width, style: Style(dim: true))
        y += 1
        for point in points where y < area.maxY {
            let line = CellBuffer.pad("\(point.n)", width: 8) + CellBuffer.pad(Self.seconds(point.softmaxSeconds), width: 13)
                + CellBuffer.pad(Self.seconds(point.linearSeconds), width: 13)
                + String(format: "%.1f×", point.softmaxSeconds / point.linearSeconds)
            buffer.putFitted(line, x: area.x, y: y, width: area.width)
            y += 1
        }
    }

    /// "12.3 ms", "450 µs", "1.25 s".
    static func seconds(_ s: Double) -> String {
        if s >= 1 { return String(format: "%.2f s", s) }
        if s >= 1e-3 { return String(format: "%.1f ms", s * 1e3) }
        return String(format: "%.0f µs", s * 1e6)
    }
}

/// `flash-chunks`: which mechanism links query i to key j in FLASH's
/// mixed-chunk attention (`FLASH.chunkPattern`), as an n×n grid: local
/// (quadratic, inside a chunk), global (linear, across chunks), both, or
/// masked. Each step reveals one more chunk of query rows.
public struct FlashChunksDemo: Demo {
    public static let name = "flash-chunks"
    public static let summary = "FLASH's mixed-chunk attention pattern: exact attention inside chunks, linear attention across them."
    public static let parameters: [DemoParameter] = [
        DemoParameter("n", .int(1...64), default: "16", "sequence length"),
        DemoParameter("chunk", .int(1...64), default: "4", "chunk size c, dividing n"),
        DemoParameter("causal", .flag, default: "true", "row i sees columns j ≤ i only"),
    ]

    public let n: Int
    public let chunk: Int
    public let causal: Bool
    public let pattern: [[FLASH.Link]]
    /// How many query rows are shown.
    public private(set) var shownRows: Int

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        n = try p.int("n")
        chunk = try p.int("chunk")
        guard n % chunk == 0 else { throw DemoError("chunk must divide n = \(n), got \(chunk)") }
        causal = try p.flag("causal")
        pattern = FLASH.chunkPattern(n: n, chunk: chunk, causal: causal)
        shownRows = min(n, chunk)
    }

    public mutating func step() -> Bool {
        guard shownRows < n else { return false }
        shownRows = min(n, shownRows + chunk)
        return true
    }

    public func preferredHeight(width: Int) -> Int { 2 + n + 1 + 5 }

    static func glyph(_ link: FLASH.Link) -> (Character, Style.Color) {
        switch link {
        case .local: ("█", .ansi(208))
        case .global: ("░", .ansi(39))
        case .both: ("▓", .ansi(141))
        case .none: ("·", .default)
        }
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let title = "flash-chunks · n = \(n), chunk c = \(chunk), \(causal ? "causal" : "non-causal")   rows: queries i, columns: keys j"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        // Column ruler: a mark at the start of every chunk.
        let gutter = 4
        var ruler = String(repeating: " ", count: gutter)
        for j in 0..<n { ruler.append(j % chunk == 0 ? "|" : " ") }
        buffer.putFitted(ruler, x: area.x, y: y, width: area.width, style: Style(dim: true))
        y += 1
        for i in 0..<n where y < area.maxY {
            let label = CellBuffer.pad(i % chunk == 0 ? "\(i)" : "", width: gutter)
            buffer.put(label, x: area.x, y: y, style: Style(dim: true), clip: area)
            if i < shownRows {
                for j in 0..<n where area.x + gutter + j < area.maxX {
                    let (ch, color) = Self.glyph(pattern[i][j])
                    var style = Style()
                    if buffer.colorMode.hasColor { style.fg = color }
                    buffer[area.x + gutter + j, y] = Cell(ch, style: style)
                }
            }
            y += 1
        }
        let counts = Dictionary(grouping: pattern.flatMap { $0 }, by: { $0 }).mapValues(\.count)
        let legend: [(FLASH.Link, String)] = [
            (.local, "local: exact relu² attention inside the chunk, O(n·c)"),
            (.global, "global: linear attention through the s×e summary, O(n)"),
            (.both, "both (non-causal, same chunk)"),
            (.none, causal ? "masked: a later key" : "masked"),
        ]
        y += 1
        for (link, meaning) in legend where y < area.maxY && (counts[link] ?? 0) > 0 {
            let (ch, color) = Self.glyph(link)
            var style = Style()
            if buffer.colorMode.hasColor { style.fg = color }
            buffer[area.x, y] = Cell(ch, style: style)
            buffer.putFitted(" \(meaning)   (\(counts[link] ?? 0) pairs)", x: area.x + 1, y: y, width: area.width - 1)
            y += 1
        }
    }
}
