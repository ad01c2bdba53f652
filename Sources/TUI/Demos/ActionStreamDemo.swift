import Engine
import Lessons
import Tensor

/// `action-stream`: OadTR's per-frame class probabilities on a synthetic
/// stream of actions, revealed as the stream advances
/// (`OnlineActionDetection.syntheticStream`, `handBuiltDetector`, `stream`).
///
/// Two strips show the true action and the detector's most probable class
/// of every frame seen so far (one character per frame, the latest frames
/// when the stream is wider than the screen); below them, each class's
/// probability against the frame index.
///
/// ```
/// action-stream · 4 classes, window 8, noise 0.4   frame 60/120   agreement 88%
/// true  000000011111122222222000033333…
/// model 000000001111112222222200000333…
/// ┌ class probabilities ┐
/// ```
public struct ActionStreamDemo: Demo {
    public static let name = "action-stream"
    public static let summary = "Online action detection: a window and a task token track the action in a synthetic video stream."
    public static let parameters: [DemoParameter] = [
        DemoParameter("frames", .int(1...2000), default: "120", "length of the stream"),
        DemoParameter("classes", .int(2...8), default: "4", "number of classes, 0 = background"),
        DemoParameter("window", .int(1...64), default: "8", "frames the detector sees"),
        DemoParameter("noise", .real(0...3), default: "0.4", "standard deviation of the feature noise"),
        DemoParameter("every", .int(1...2000), default: "20", "frames revealed per step"),
        DemoParameter("seed", .int(0...Int.max), default: "3", "seed of the stream"),
    ]

    public let stream: OnlineActionDetection.LabelledStream
    public let window: Int
    public let noise: Double
    public let every: Int
    /// T×C class probabilities, computed once for the whole stream.
    public let probabilities: Matrix
    /// The most probable class of every frame.
    public let predicted: [Int]
    /// Frames revealed so far.
    public private(set) var shown: Int

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let frames = try p.int("frames")
        let classes = try p.int("classes")
        window = try p.int("window")
        noise = try p.real("noise")
        every = try p.int("every")
        let seed = UInt64(try p.int("seed"))
        stream = OnlineActionDetection.syntheticStream(length: frames, classes: classes, noise: noise, seed: seed)
        let detector = OnlineActionDetection.handBuiltDetector(classes: classes, window: window)
        let table = OnlineActionDetection.stream(frames: stream.frames, detector: detector)
        probabilities = table
        predicted = (0..<frames).map { t in
            let row = table.row(t)
            return row.indices.max { row[$0] < row[$1] } ?? 0
        }
        shown = min(frames, every)
    }

    public mutating func step() -> Bool {
        guard shown < stream.labels.count else { return false }
        shown = min(stream.labels.count, shown + every)
        return true
    }

    /// The share of revealed frames where the most probable class is the true one.
    public var agreement: Double {
        guard shown > 0 else { return 0 }
        return Double((0..<shown).filter { predicted[$0] == stream.labels[$0] }.count) / Double(shown)
    }

    public func preferredHeight(width: Int) -> Int { 1 + 2 + 14 }

    static let palette: [UInt8] = [245, 39, 208, 76, 170, 220, 160, 45]

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let title = "action-stream · \(stream.classes) classes, window \(window), noise \(AxisFormat.label(noise))"
            + "   frame \(shown)/\(stream.labels.count)   agreement \(Int((agreement * 100).rounded()))%"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        // 1. the strips: one character per frame, the latest frames that fit.
        let label = 6
        let fit = max(0, area.width - label)
        let first = max(0, shown - fit)
        for (name, classes) in [("true", stream.labels), ("model", predicted)] where y < area.maxY {
            buffer.putFitted(CellBuffer.pad(name, width: label), x: area.x, y: y, width: label, style: Style(dim: true))
            for t in first..<shown {
                let c = classes[t]
                buffer[area.x + label + t - first, y] = Cell(Character(String(c)),
                                                             style: Style(fg: .ansi(Self.palette[c % Self.palette.count])))
            }
            y += 1
        }
        // 2. the probabilities of every class over the revealed frames.
        let plotHeight = min(14, area.maxY - y)
        guard plotHeight >= 5 else { return }
        var plot = LinePlot(title: "class probabilities (0 = background)", xLabel: "frame")
        plot.yRange = 0...1
        for c in 0..<stream.classes {
            plot.add(LinePlot.Series(name: "class \(c)", values: (0..<shown).map { probabilities[$0, c] },
                                     color: .ansi(Self.palette[c % Self.palette.count])))
        }
        plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: plotHeight))
    }
}
