import Engine
import Testing
@testable import TUI

@Suite struct CheckpointingDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "checkpointing") == CheckpointingDemo.self)
        #expect(DemoCatalog.type(named: "detr-matching") == DETRMatchingDemo.self)
    }

    /// The first frame: the title names the √n plan with its cost, the scatter is drawn,
    /// and the chain row shows the checkpoints.
    @Test func firstFrameShowsPlansAndTheSqrtPlan() throws {
        let demo = try CheckpointingDemo(parameters: ["n": "100", "plans": "200"])
        let s = demo.study.sqrt
        #expect(s.plan == [10, 20, 30, 40, 50, 60, 70, 80, 90])
        let rows = Self.frame(demo)
        #expect(rows[0].hasPrefix("checkpointing · n = 100 layers"))
        #expect(rows[0].contains("peak \(s.cost.peakMemory), \(s.cost.forwardEvaluations) evaluations"))
        #expect(rows.contains { $0.contains("■") } && rows.contains { $0.contains("▲") })
        #expect(rows.contains { $0.hasPrefix("forward pass done: kept x_0, 9 checkpoints and x_100; 100 evaluations") })
        // The chain row: one cell per layer at width 100, a block at each checkpoint and at the output.
        let chain = try #require(rows.first { $0.hasPrefix("────") })
        #expect(chain.filter { $0 == "█" }.count == 10)
    }

    /// Every frontier point is the best plan for its memory: no random plan beats it.
    @Test func frontierDominatesRandomPlans() throws {
        let demo = try CheckpointingDemo(parameters: ["n": "60", "plans": "300", "seed": "4"])
        for p in demo.study.random {
            let fits = demo.study.frontier.filter { $0.cost.peakMemory <= p.cost.peakMemory }
            if let best = fits.map(\.cost.forwardEvaluations).min() {
                #expect(best <= p.cost.forwardEvaluations)
            }
        }
    }

    /// Stepping walks the segments from the last; the final count equals the cost model's.
    @Test func backwardPassStepsThroughSegments() throws {
        var demo = try CheckpointingDemo(parameters: ["n": "100", "plans": "10"])
        let first = demo.step()
        #expect(first)
        var rows = Self.frame(demo)
        #expect(rows.contains { $0.hasPrefix("backward, segment (90, 100]: recomputing x_91 … x_99; held") })
        #expect(rows.contains { $0.contains("▒") })
        var steps = 1
        while demo.step() { steps += 1 }
        #expect(steps == 10)
        rows = Self.frame(demo, width: 200)
        #expect(rows.contains { $0.contains("segment (0, 10]") && $0.contains("evaluations so far \(demo.study.sqrt.cost.forwardEvaluations)") })
    }

    @Test func detrMatchingRevealsPairs() throws {
        var demo = try DETRMatchingDemo(parameters: ["queries": "6", "targets": "3", "seed": "1"])
        #expect(demo.scene.matching.count == 3)
        var rows = Self.frame(demo)
        #expect(rows[0].hasPrefix("detr-matching · Q = 6 predictions, T = 3 objects") && rows[0].contains("matched 0/3"))
        #expect(rows.contains { $0.contains("matching cost (rows q, columns t)") })
        #expect(rows.contains { $0.contains("t0") } && rows.contains { $0.contains("q5") })
        while demo.step() {}
        rows = Self.frame(demo)
        let first = demo.scene.matching[0]
        #expect(rows.contains { $0.hasPrefix("q\(first[0]) → t\(first[1])   cost") })
        let total = demo.scene.matching.reduce(0.0) { $0 + demo.scene.cost[$1[0]][$1[1]] }
        #expect(rows.contains { $0.hasPrefix("total cost \(AxisFormat.label(total))") })
    }

    @Test func badParametersNameTheParameter() {
        do {
            _ = try CheckpointingDemo(parameters: ["n": "1"])
            Issue.record("expected an error")
        } catch { #expect(error.description.contains("n must be")) }
        do {
            _ = try DETRMatchingDemo(parameters: ["boxes": "3"])
            Issue.record("expected an error")
        } catch { #expect(error.description.contains("boxes")) }
    }

    @Test func narrowFramesAndNoTargetsDoNotCrash() throws {
        var demo = try CheckpointingDemo(parameters: ["n": "7", "plans": "5"])
        _ = demo.step()
        for width in [1, 10, 30, 79] { _ = Self.frame(demo, width: width) }
        var empty = try DETRMatchingDemo(parameters: ["targets": "0"])
        let moved = empty.step()
        #expect(!moved)
        for width in [1, 10, 40, 100] { _ = Self.frame(empty, width: width) }
    }
}
