import Engine
import Foundation
import Lessons

/// `char-rnn`: the lesson's vanilla RNN trained live as a character-level
/// language model on a short poem (`RNN.CharModel`, `RNN.demoText`).
///
/// Each step runs `every` updates of truncated BPTT + clipping + Adam; the
/// frame shows the loss per update, the gradient norm before clipping (with
/// the clipping threshold), and a sample drawn from the model.
///
/// ```
/// char-rnn · vanilla RNN, H = 64, 27 characters   update 750/3000   loss 0.61
/// ┌ loss per character ─────┐  ┌ gradient norm before clipping ┐
/// sample (temperature 0.8) ────────────────────────────────────────
/// the river reads the stones one at a time. …
/// ```
public struct CharRNNDemo: Demo {
    public static let name = "char-rnn"
    public static let summary = "A character-level RNN learns a short poem: loss, gradient norm and samples as it trains."
    public static let parameters: [DemoParameter] = [
        DemoParameter("hidden", .int(4...256), default: "64", "hidden units H"),
        DemoParameter("steps", .int(1...100_000), default: "3000", "training updates in all"),
        DemoParameter("every", .int(1...100_000), default: "250", "updates per frame"),
        DemoParameter("window", .int(2...200), default: "25", "characters per truncated-BPTT window"),
        DemoParameter("lr", .real(1e-6...1), default: "0.01", "Adam learning rate"),
        DemoParameter("clip", .real(0...1e6), default: "5", "global gradient-norm cap (0 turns clipping off)"),
        DemoParameter("temperature", .real(0.05...5), default: "0.8", "sampling temperature"),
        DemoParameter("length", .int(10...2000), default: "240", "characters sampled per frame"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the weights and of sampling"),
    ]

    public private(set) var model: RNN.CharModel
    public let totalSteps: Int
    public let every: Int
    public let temperature: Double
    public let sampleLength: Int
    public let seed: UInt64
    /// Loss (mean cross-entropy per character) and gradient norm of every update so far.
    public private(set) var losses: [Double] = []
    public private(set) var norms: [Double] = []
    /// The latest sample, drawn after the latest frame's training.
    public private(set) var sample: String

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let hidden = try p.int("hidden")
        totalSteps = try p.int("steps")
        every = try p.int("every")
        let window = try p.int("window")
        let lr = try p.real("lr")
        var clip = try p.real("clip")
        if clip == 0 { clip = .infinity }
        temperature = try p.real("temperature")
        sampleLength = try p.int("length")
        seed = UInt64(try p.int("seed"))
        model = RNN.CharModel(text: RNN.demoText, hidden: hidden, window: window, learningRate: lr,
                              maxNorm: clip, seed: seed)
        sample = model.sample(prime: "the ", length: sampleLength, temperature: temperature, seed: seed)
    }

    public mutating func step() -> Bool {
        guard losses.count < totalSteps else { return false }
        for _ in 0..<min(every, totalSteps - losses.count) {
            let r = model.trainStep()
            losses.append(r.loss)
            norms.append(r.gradientNorm)
        }
        sample = model.sample(prime: "the ", length: sampleLength, temperature: temperature, seed: seed &+ UInt64(losses.count))
        return true
    }

    public func preferredHeight(width: Int) -> Int {
        let plots = width >= 80 ? 12 : 24
        return 1 + plots + 1 + sampleRows(width: width)
    }

    func sampleRows(width: Int) -> Int {
        min(16, ("the " + sample).split(separator: "\n", omittingEmptySubsequences: false)
            .map { max(1, ($0.count + width - 1) / max(1, width)) }.reduce(0, +))
    }

    /// The mean of the last `n` values (a readable loss for the title).
    static func recentMean(_ values: [Double], _ n: Int) -> Double? {
        guard !values.isEmpty else { return nil }
        let tail = values.suffix(n)
        return tail.reduce(0, +) / Double(tail.count)
    }

    /// `values` averaged over consecutive blocks so at most `points` remain.
    static func smoothed(_ values: [Double], points: Int) -> (xs: [Double], ys: [Double]) {
        guard !values.isEmpty else { return ([], []) }
        let block = max(1, (values.count + points - 1) / points)
        var xs: [Double] = [], ys: [Double] = []
        var start = 0
        while start < values.count {
            let end = min(values.count, start + block)
            ys.append(values[start..<end].reduce(0, +) / Double(end - start))
            xs.append(Double(end))
            start = end
        }
        return (xs, ys)
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        var title = "char-rnn · vanilla RNN, H = \(model.hidden), \(model.vocabulary.count) characters   update \(losses.count)/\(totalSteps)"
        if let loss = Self.recentMean(losses, every) { title += "   loss \(AxisFormat.label(loss))" }
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1

        let wide = area.width >= 80
        let plotsHeight = min(wide ? 12 : 24, max(0, area.maxY - y - 2))
        if plotsHeight >= 5 {
            let loss = Self.smoothed(losses, points: 200), norm = Self.smoothed(norms, points: 200)
            var lossPlot = LinePlot(title: "loss per character", xLabel: "update")
            var normPlot = LinePlot(title: "gradient norm before clipping", xLabel: "update")
            if losses.isEmpty {
                buffer.putFitted("(training starts at the next step; loss at start ≈ log V = \(AxisFormat.label(model.evaluate())))",
                                 x: area.x, y: y, width: area.width, style: Style(dim: true))
            } else {
                lossPlot.add(LinePlot.Series(name: "train", xs: loss.xs, ys: loss.ys, color: .ansi(39)))
                normPlot.add(LinePlot.Series(name: "‖g‖", xs: norm.xs, ys: norm.ys, color: .ansi(208)))
                if model.maxNorm.isFinite, let first = norm.xs.first, let last = norm.xs.last {
                    normPlot.add(LinePlot.Series(name: "clip \(AxisFormat.label(model.maxNorm))", xs: [first, last],
                                                 ys: [model.maxNorm, model.maxNorm], color: .ansi(160)))
                }
                normPlot.logScale = true
                if wide {
                    let half = area.width / 2
                    lossPlot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: half - 1, height: plotsHeight))
                    normPlot.draw(into: &buffer, area: Rect(x: area.x + half + 1, y: y, width: area.width - half - 1,
                                                            height: plotsHeight))
                } else {
                    lossPlot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: plotsHeight / 2))
                    normPlot.draw(into: &buffer, area: Rect(x: area.x, y: y + plotsHeight / 2, width: area.width,
                                                            height: plotsHeight - plotsHeight / 2))
                }
            }
            y += plotsHeight
        }
        guard y < area.maxY else { return }
        let label = "sample after \(losses.count) updates (temperature \(AxisFormat.label(temperature))) "
        buffer.putFitted(label + String(repeating: "─", count: max(0, area.width - label.count)),
                         x: area.x, y: y, width: area.width, style: Style(dim: true))
        y += 1
        // The sample, wrapped at the area's width; the prime is shown dim.
        var col = area.x
        let primeStyle = Style(dim: true)
        for (index, ch) in ("the " + sample).enumerated() {
            guard y < area.maxY else { break }
            if ch == "\n" { y += 1; col = area.x; continue }
            if col >= area.maxX { y += 1; col = area.x; guard y < area.maxY else { break } }
            buffer[col, y] = Cell(ch, style: index < 4 ? primeStyle : .plain)
            col += 1
        }
    }
}

/// `rnn-gradients`: ‖∂h_T/∂h_{T−k}‖ against k for a vanilla RNN beside an
/// LSTM on the same random inputs (`RNN.gradientFlow`), on a log scale.
///
/// The curve is revealed a few steps back at a time; the final frame has
/// all T + 1 points and a short table of values.
public struct RNNGradientsDemo: Demo {
    public static let name = "rnn-gradients"
    public static let summary = "Vanishing gradients: ‖∂h_T/∂h_(T-k)‖ against k for a vanilla RNN and an LSTM, log scale."
    public static let parameters: [DemoParameter] = [
        DemoParameter("hidden", .int(1...128), default: "16", "hidden units H"),
        DemoParameter("steps", .int(1...1000), default: "60", "sequence length T"),
        DemoParameter("input", .int(1...64), default: "4", "input size I"),
        DemoParameter("scale", .real(0...100), default: "1", "weights drawn from U(−scale/√H, scale/√H); 1 is PyTorch's default"),
        DemoParameter("forgetBias", .real(-50...50), default: "2", "added to the LSTM's forget-gate biases"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the weights and inputs"),
        DemoParameter("frames", .int(1...100), default: "6", "frames used to reveal the curve"),
    ]

    public let setup: RNN.GradientFlowSetup
    public let vanilla: [Double]
    public let lstm: [Double]
    public let frames: Int
    /// How many points (k = 0, 1, …) are shown.
    public private(set) var shown: Int

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        var setup = RNN.GradientFlowSetup()
        setup.hidden = try p.int("hidden")
        setup.steps = try p.int("steps")
        setup.input = try p.int("input")
        setup.scale = try p.real("scale")
        setup.forgetBias = try p.real("forgetBias")
        setup.seed = UInt64(try p.int("seed"))
        frames = try p.int("frames")
        self.setup = setup
        (vanilla, lstm) = RNN.gradientFlow(setup)
        shown = min(vanilla.count, max(2, vanilla.count / frames))
    }

    public mutating func step() -> Bool {
        guard shown < vanilla.count else { return false }
        shown = min(vanilla.count, shown + max(1, (vanilla.count + frames - 1) / frames))
        return true
    }

    public func preferredHeight(width: Int) -> Int { 1 + 16 + 5 }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let title = "rnn-gradients · ‖∂h_T/∂h_(T−k)‖, H = \(setup.hidden), T = \(setup.steps), scale \(AxisFormat.label(setup.scale)), forget bias \(AxisFormat.label(setup.forgetBias))"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        let plotHeight = min(16, max(0, area.maxY - y - 1))
        if plotHeight >= 5 {
            var plot = LinePlot(title: "gradient norm, log scale", xLabel: "k steps back")
            plot.add(LinePlot.Series(name: "vanilla RNN", values: Array(vanilla.prefix(shown)), color: .ansi(208)))
            plot.add(LinePlot.Series(name: "LSTM (h, c)", values: Array(lstm.prefix(shown)), color: .ansi(39)))
            plot.logScale = true
            plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: plotHeight))
            y += plotHeight
        }
        // A few exact values: the plot's story in numbers.
        let marks = [1, 10, 20, 40, setup.steps].filter { $0 < shown }
        var seen = Set<Int>()
        for k in marks where y < area.maxY && seen.insert(k).inserted {
            let key = CellBuffer.pad("k = \(k):", width: 9)
            let line = key + "vanilla " + CellBuffer.pad(Self.number(vanilla[k]), width: 10) + "LSTM " + Self.number(lstm[k])
            buffer.putFitted(line, x: area.x, y: y, width: area.width)
            y += 1
        }
    }
}

extension RNNGradientsDemo {
    /// Three significant digits, in scientific notation when small or large.
    static func number(_ x: Double) -> String {
        let a = Swift.abs(x)
        if x == 0 || !x.isFinite { return "\(x)" }
        return String(format: a < 1e-2 || a >= 1e4 ? "%.2e" : "%.3g", x)
    }
}
