import Engine
import Lessons

/// `checkpointing`: memory against recomputation for many plans on one
/// chain, then the backward pass of the √n plan segment by segment
/// (`Checkpointing.PlanStudy`).
///
/// ```
/// checkpointing · n = 100 layers, sizes 1-9   √n plan [10, 20, …]: peak 96, 189 evaluations
/// ┌ peak memory vs forward evaluations ─────────────────────┐
/// │ ● random plans   ■ √n plan   ▲ best plan for a budget    │
/// backward pass, segment (80, 90]: recomputing x_81 … x_89
/// ██▒▒▒▒▒▒▒▒▒█·········
/// ```
public struct CheckpointingDemo: Demo {
    public static let name = "checkpointing"
    public static let summary = "Gradient checkpointing: memory against recomputation over many plans, then a backward pass recomputing segments."
    public static let parameters: [DemoParameter] = [
        DemoParameter("n", .int(2...400), default: "100", "layers in the chain"),
        DemoParameter("plans", .int(1...5000), default: "400", "random plans drawn for the scatter"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the sizes and the plans"),
    ]

    public let study: Checkpointing.PlanStudy
    public let schedule: [Checkpointing.PlanStudy.SegmentStep]
    /// Segments of the backward pass shown so far (0: the forward pass has just finished).
    public private(set) var shown = 0

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let n = try p.int("n")
        let plans = try p.int("plans")
        let seed = UInt64(try p.int("seed"))
        study = Checkpointing.PlanStudy(n: n, plans: plans, seed: seed)
        schedule = study.schedule(study.sqrt.plan)
    }

    public mutating func step() -> Bool {
        guard shown < schedule.count else { return false }
        shown += 1
        return true
    }

    public func preferredHeight(width: Int) -> Int { 1 + 16 + 1 + 6 }

    static func planText(_ plan: [Int]) -> String {
        plan.count <= 4 ? "\(plan)" : "[" + plan.prefix(3).map(String.init).joined(separator: ", ") + ", …]"
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let n = study.sizes.count
        var y = area.y
        let s = study.sqrt
        let title = "checkpointing · n = \(n) layers, sizes 1-9   √n plan \(Self.planText(s.plan)): peak \(s.cost.peakMemory), \(s.cost.forwardEvaluations) evaluations"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1

        let plotHeight = min(16, max(0, area.maxY - y - 4))
        if plotHeight >= 5 {
            var plot = ScatterPlot(title: "peak memory (x) vs forward evaluations (y): · random plans  ■ √n plan  ▲ best plan for a budget")
            plot.points = study.random.map { ScatterPlot.Point(x: Double($0.cost.peakMemory), y: Double($0.cost.forwardEvaluations), group: 0) }
            plot.points += study.frontier.map { ScatterPlot.Point(x: Double($0.cost.peakMemory), y: Double($0.cost.forwardEvaluations), group: 2) }
            plot.points.append(ScatterPlot.Point(x: Double(s.cost.peakMemory), y: Double(s.cost.forwardEvaluations), label: "√n", group: 1))
            plot.markers = ["·", "■", "▲"]
            plot.palette = [244, 208, 39]
            plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: plotHeight))
            y += plotHeight
        }
        guard y < area.maxY else { return }

        // The chain as one row of cells: checkpoints, the segment being recomputed, done layers.
        let stepText: String
        var active: (a: Int, b: Int)? = nil
        if shown == 0 {
            stepText = "forward pass done: kept x_0, \(s.plan.count) checkpoints and x_\(n); \(n) evaluations"
        } else {
            let st = schedule[shown - 1]
            active = (st.a, st.b)
            let what = st.b - st.a > 1 ? "recomputing x_\(st.a + 1) … x_\(st.b - 1)" : "nothing to recompute"
            stepText = "backward, segment (\(st.a), \(st.b)]: \(what); held \(st.held); evaluations so far \(st.evaluationsSoFar)"
        }
        buffer.putFitted(stepText, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        guard y < area.maxY else { return }
        let done = shown == 0 ? n + 1 : schedule[shown - 1].a     // layers > done have been walked back
        let checkpoints = Set(s.plan)
        let perCell = max(1, (n + area.width - 1) / max(1, area.width))
        var x = area.x
        var layer = 1
        while layer <= n && x < area.maxX {
            let group = layer..<min(n + 1, layer + perCell)
            let ch: Character
            var st = Style()
            if group.contains(where: { checkpoints.contains($0) || $0 == n }) {
                ch = "█"; if buffer.colorMode.hasColor { st.fg = .ansi(208) }
            } else if let act = active, group.contains(where: { $0 > act.a && $0 < act.b }) {
                ch = "▒"; if buffer.colorMode.hasColor { st.fg = .ansi(39) }
            } else if group.lowerBound > done {
                ch = "·"; st.dim = true
            } else {
                ch = "─"; st.dim = true
            }
            buffer[x, y] = Cell(ch, style: st)
            x += 1
            layer += perCell
        }
        y += 1
        if y < area.maxY {
            buffer.putFitted("█ stored (checkpoint or output)  ▒ recomputed now  · backward done  ─ not yet reached",
                             x: area.x, y: y, width: area.width, style: Style(dim: true))
            y += 1
        }
        if y < area.maxY, let best = study.frontier.last(where: { $0.cost.peakMemory <= s.cost.peakMemory }) {
            buffer.putFitted("best plan within the √n plan's memory (\(s.cost.peakMemory)): \(best.plan.count) checkpoints, peak \(best.cost.peakMemory), \(best.cost.forwardEvaluations) evaluations",
                             x: area.x, y: y, width: area.width)
        }
    }
}
