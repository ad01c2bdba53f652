import Engine
import Lessons

/// `detr-matching`: predictions and ground-truth boxes on an image, the
/// Hungarian matching between them drawn pair by pair in shared colours,
/// and DETR's matching cost as a heat map (`DETR.MatchingScene`).
///
/// ```
/// detr-matching · Q = 6 predictions, T = 3 objects   matched 2/3
/// ┌ image ───────────────────────┐ ┌ cost (rows q, columns t) ┐
/// │ ┌q2──┐   ┌╌t0╌┐              │ │ ...                       │
/// q2 → t0  cost -2.41   class 1 p 0.83   L1 0.06   GIoU 0.79
/// ```
public struct DETRMatchingDemo: Demo {
    public static let name = "detr-matching"
    public static let summary = "DETR's Hungarian matching: predicted and target boxes paired by colour beside the cost matrix."
    public static let parameters: [DemoParameter] = [
        DemoParameter("queries", .int(1...20), default: "6", "predictions Q"),
        DemoParameter("targets", .int(0...20), default: "3", "ground-truth objects T"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the scene"),
    ]

    public let scene: DETR.MatchingScene
    /// Matched pairs revealed so far.
    public private(set) var shown = 0

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let q = try p.int("queries")
        let t = try p.int("targets")
        let seed = UInt64(try p.int("seed"))
        scene = DETR.MatchingScene(queries: q, targets: t, seed: seed)
    }

    public mutating func step() -> Bool {
        guard shown < scene.matching.count else { return false }
        shown += 1
        return true
    }

    public func preferredHeight(width: Int) -> Int { 1 + 18 + min(scene.matching.count, 8) + 1 }

    /// Colours for matched pairs (xterm-256).
    static let palette: [UInt8] = [39, 208, 112, 170, 220, 45, 196, 99]

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let q = scene.boxes.count, t = scene.targets.count
        var y = area.y
        buffer.putFitted("detr-matching · Q = \(q) predictions, T = \(t) objects, C = \(scene.classes) classes   matched \(shown)/\(scene.matching.count)",
                         x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        let pairs = Array(scene.matching.prefix(shown))
        let colourOfQuery = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1[0], Self.palette[$0 % Self.palette.count]) })
        let colourOfTarget = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1[1], Self.palette[$0 % Self.palette.count]) })

        let panelHeight = min(18, max(0, area.maxY - y - 1))
        if panelHeight >= 5 {
            var grid = BoxGrid(width: 1, height: 1, title: "image: targets ╌ dashed, predictions ─ solid")
            for (i, b) in scene.targets.enumerated() {
                let c = DETR.xyxy(fromCenter: b)
                grid.boxes.append(.init(x0: c[0], y0: c[1], x1: c[2], y1: c[3], label: "t\(i)",
                                        color: colourOfTarget[i] ?? 250, dashed: true))
            }
            for (i, b) in scene.boxes.enumerated() {
                let c = DETR.xyxy(fromCenter: b)
                grid.boxes.append(.init(x0: c[0], y0: c[1], x1: c[2], y1: c[3], label: "q\(i)", color: colourOfQuery[i] ?? 244))
            }
            let wide = area.width >= 70
            let left = wide ? area.width * 11 / 20 : area.width
            grid.draw(into: &buffer, area: Rect(x: area.x, y: y, width: left - (wide ? 1 : 0), height: panelHeight))
            if wide {
                var map = HeatMap(values: scene.cost, rowLabels: (0..<q).map { "q\($0)" }, columnLabels: (0..<t).map { "t\($0)" })
                map.title = "matching cost (rows q, columns t)"
                map.showValues = true
                map.draw(into: &buffer, area: Rect(x: area.x + left + 1, y: y, width: area.width - left - 1, height: panelHeight))
            }
            y += panelHeight
        }
        // The pairs revealed so far, with the three terms of their cost.
        for pair in pairs where y < area.maxY {
            let (qi, ti) = (pair[0], pair[1])
            let (p, l1, g) = scene.terms(query: qi, target: ti)
            var st = Style()
            if buffer.colorMode.hasColor { st.fg = .ansi(colourOfQuery[qi] ?? 250) }
            buffer.putFitted("q\(qi) → t\(ti)   cost \(AxisFormat.label(scene.cost[qi][ti]))   class \(scene.labels[ti]) p \(AxisFormat.label(p))   L1 \(AxisFormat.label(l1))   GIoU \(AxisFormat.label(g))",
                             x: area.x, y: y, width: area.width, style: st)
            y += 1
        }
        if y < area.maxY {
            let total = pairs.reduce(0.0) { $0 + scene.cost[$1[0]][$1[1]] }
            let note = shown == scene.matching.count
                ? "total cost \(AxisFormat.label(total)), the minimum over all one-to-one matchings; \(q - scene.matching.count) predictions learn \"no object\""
                : "step → reveals the next matched pair"
            buffer.putFitted(note, x: area.x, y: y, width: area.width, style: Style(dim: true))
        }
    }
}
