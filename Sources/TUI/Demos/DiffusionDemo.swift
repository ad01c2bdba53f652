import Engine
import Lessons

/// `diffusion`: DDPM or DDIM sampling of a 2-D toy distribution, from pure
/// noise to the data, with the exact noise predictor of a Gaussian mixture
/// standing in for the network (`Diffusion.ToyMixture`, `Diffusion.ToySampler`).
///
/// Each frame runs a slice of the sampling steps; the scatter plot shows
/// every point (●) and the mixture's means (▲, numbered), and the lines
/// under it say how many points have reached a target and how they are
/// shared among the targets. The title ends with the sampling speed in
/// point-steps per second (points × steps / seconds inside the sampler),
/// the figure the benchmark reads from the last frame.
///
/// ```
/// diffusion · DDIM, 50 steps, 1500 points, linear schedule   step 50/50   t = clean
/// ┌y 1.3 ──────────────────────────────┐
/// │          ● ●▲●        ●▲●          │
/// on a target  97.5%  (within 3 std of a mean)
/// share %      12.6 12.4 …   (the mixture: 12.5 each)
/// speed        2400000 point-steps/s
/// ```
public struct DiffusionDemo: Demo {
    public static let name = "diffusion"
    public static let summary = "A 2-D toy distribution sampled by DDPM or DDIM, from noise to the data."
    public static let parameters: [DemoParameter] = [
        DemoParameter("sampler", .choice(["ddpm", "ddim"]), default: "ddim",
                      "ddpm adds fresh noise every step; ddim (eta = 0) is deterministic"),
        DemoParameter("steps", .int(1...trainingSteps), default: "50", "sampling steps N out of the 1000 training steps"),
        DemoParameter("points", .int(1...200_000), default: "1500", "samples drawn side by side"),
        DemoParameter("schedule", .choice(Diffusion.Schedule.allCases.map(\.rawValue)), default: "linear",
                      "linear (1e-4 … 0.02), scaled_linear (0.00085 … 0.012) or squaredcos_cap_v2"),
        DemoParameter("modes", .int(1...12), default: "8", "Gaussians on the ring"),
        DemoParameter("class", .int(0...12), default: "0", "guide towards this Gaussian (1-modes); 0 means no guidance"),
        DemoParameter("scale", .real(0...20), default: "3", "guidance scale w when class is set"),
        DemoParameter("frames", .int(1...1000), default: "25", "frames the run is split into"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the starting noise (and of DDPM's noise)"),
    ]

    /// The training schedule's length, as in Stable Diffusion.
    public static let trainingSteps = 1000

    public let schedule: Diffusion.Schedule
    public let frames: Int
    public private(set) var sampler: Diffusion.ToySampler
    /// Seconds spent inside sampling steps so far, and point-steps done.
    public private(set) var secondsSampling = 0.0
    public private(set) var pointSteps = 0

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let kind = Diffusion.ToySampler.Kind(rawValue: try p.choice("sampler"))!
        let schedule = Diffusion.Schedule(rawValue: try p.choice("schedule"))!
        let steps = try p.int("steps")
        let points = try p.int("points")
        let modes = try p.int("modes")
        let target = try p.int("class")
        guard target <= modes else { throw DemoError("class must be from 0 to modes = \(modes), got \(target)") }
        let scale = try p.real("scale")
        frames = try p.int("frames")
        let seed = UInt64(try p.int("seed"))
        let (start, end) = switch schedule {
        case .scaledLinear: (0.00085, 0.012)
        default: (0.0001, 0.02)
        }
        let betas = Diffusion.betas(schedule: schedule, steps: Self.trainingSteps, betaStart: start, betaEnd: end)
        self.schedule = schedule
        sampler = Diffusion.ToySampler(mixture: .ring(count: modes), kind: kind, betas: betas, steps: steps,
                                       points: points, seed: seed,
                                       guide: target > 0 ? (target - 1, scale) : nil)
    }

    public mutating func step() -> Bool {
        guard !sampler.isFinished else { return false }
        let total = sampler.timesteps.count
        let slice = (total + frames - 1) / frames
        let start = ContinuousClock.now
        var ran = 0
        while ran < slice, sampler.step() { ran += 1 }
        let elapsed = ContinuousClock.now - start
        secondsSampling += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        pointSteps += ran * sampler.points.count
        return true
    }

    public func preferredHeight(width: Int) -> Int { width >= 60 ? 28 : 20 }

    /// Sampling speed so far; nil before the first step.
    public var pointStepsPerSecond: Int? {
        secondsSampling > 0 ? Int((Double(pointSteps) / secondsSampling).rounded()) : nil
    }

    /// Per component: how many points are nearest to its mean, and how many
    /// of the points lie within 3 standard deviations of their nearest mean.
    public func census() -> (nearest: [Int], onTarget: Int) {
        let mixture = sampler.mixture
        var nearest = [Int](repeating: 0, count: mixture.components.count), onTarget = 0
        for p in sampler.points {
            let k = mixture.nearest(x: p.x, y: p.y)
            nearest[k] += 1
            let c = mixture.components[k]
            let dx = p.x - c.mean.x, dy = p.y - c.mean.y
            if dx * dx + dy * dy <= 9 * c.std * c.std { onTarget += 1 }
        }
        return (nearest, onTarget)
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let kind = sampler.kind == .ddpm ? "DDPM" : "DDIM"
        let total = sampler.timesteps.count
        var title = "diffusion · \(kind), \(total) step\(total == 1 ? "" : "s"), \(sampler.points.count) points, \(schedule.rawValue) schedule"
        if let guide = sampler.guide { title += ", guided to \(guide.component + 1) (w = \(AxisFormat.label(guide.scale)))" }
        title += "   step \(sampler.done)/\(total)"
        title += sampler.currentT.map { "   t = \($0)" } ?? "   t = clean"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1

        // Points first, then the means on top so the targets stay visible.
        var plot = ScatterPlot(title: sampler.done == 0 ? "x_T: pure noise, N(0, I)" : "samples (●) and the mixture's means (▲)")
        plot.points = sampler.points.map { ScatterPlot.Point(x: $0.x, y: $0.y) }
        for (k, c) in sampler.mixture.components.enumerated() {
            plot.points.append(ScatterPlot.Point(x: c.mean.x, y: c.mean.y, label: "\(k + 1)", group: 2))
        }
        let bottom = Swift.max(y, area.maxY - 3)
        plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: bottom - y))
        y = bottom

        let (nearest, onTarget) = census()
        let count = Swift.max(1, sampler.points.count)
        let label = 13
        if y < area.maxY {
            buffer.putFitted("on a target", x: area.x, y: y, width: label, style: Style(bold: true))
            buffer.putFitted("\(Self.percent(onTarget, count))%  (within 3 std of a mean)", x: area.x + label, y: y,
                             width: area.width - label)
            y += 1
        }
        if y < area.maxY {
            // Shares in the order of the numbered means.
            let shares = nearest.map { Self.percent($0, count) }.joined(separator: " ")
            let goal = sampler.guide == nil ? "   (the mixture: \(Self.percent(1, nearest.count)) each)" : ""
            buffer.putFitted("share %", x: area.x, y: y, width: label, style: Style(bold: true))
            buffer.putFitted(shares + goal, x: area.x + label, y: y, width: area.width - label)
            y += 1
        }
        if y < area.maxY {
            buffer.putFitted("speed", x: area.x, y: y, width: label, style: Style(bold: true))
            let speed = pointStepsPerSecond.map { "\($0) point-steps/s (points × steps / seconds spent sampling)" }
            buffer.putFitted(speed ?? "(sampling starts at the next step)", x: area.x + label, y: y, width: area.width - label)
        }
    }

    /// `part/whole` in percent with one decimal: `percent(1, 8)` is "12.5".
    static func percent(_ part: Int, _ whole: Int) -> String {
        let tenths = Int((Double(part) * 1000 / Double(Swift.max(1, whole))).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
