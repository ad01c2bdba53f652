import Foundation
import Lessons
import Testing
@testable import TUI

/// The drawing kit, checked on hand-worked pictures.
@Suite struct KitTests {
    @Test func brailleDotsMapToUnicodeBits() {
        var c = BrailleCanvas(columns: 2, rows: 1)
        // Left column top to bottom: bits 0, 1, 2, 6; right column: 3, 4, 5, 7.
        c.set(0, 0); c.set(0, 3)
        #expect(c.character(column: 0, row: 0) == Character(Unicode.Scalar(0x2800 + 0x01 + 0x40)!))
        c.set(3, 1); c.set(3, 3)
        #expect(c.character(column: 1, row: 0) == Character(Unicode.Scalar(0x2800 + 0x10 + 0x80)!))
        c.set(99, 99)   // outside: ignored
        #expect(c.isSet(0, 0) && !c.isSet(1, 0))
    }

    @Test func brailleLineHasEveryDotOnTheDiagonal() {
        var c = BrailleCanvas(columns: 4, rows: 2)   // 8×8 dots
        c.line(from: (0, 0), to: (7, 7))
        for i in 0..<8 { #expect(c.isSet(i, i)) }
        var count = 0
        for x in 0..<8 { for y in 0..<8 where c.isSet(x, y) { count += 1 } }
        #expect(count == 8)
    }

    @Test func brailleLineMatchesNaiveRasterOnRandomSegments() {
        // The line never leaves the segment's bounding box, covers both ends,
        // and has exactly max(|dx|, |dy|) + 1 dots (one per step of the major axis).
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            let a = (x: Int.random(in: 0..<40, using: &rng), y: Int.random(in: 0..<40, using: &rng))
            let b = (x: Int.random(in: 0..<40, using: &rng), y: Int.random(in: 0..<40, using: &rng))
            var c = BrailleCanvas(columns: 20, rows: 10)
            c.line(from: a, to: b)
            var dots = 0
            for x in 0..<40 { for y in 0..<40 where c.isSet(x, y) {
                dots += 1
                #expect(x >= min(a.x, b.x) && x <= max(a.x, b.x) && y >= min(a.y, b.y) && y <= max(a.y, b.y))
            } }
            #expect(c.isSet(a.x, a.y) && c.isSet(b.x, b.y))
            #expect(dots == max(abs(a.x - b.x), abs(a.y - b.y)) + 1)
        }
    }

    @Test func linePlotDrawsAxesLabelsAndLegend() {
        var b = CellBuffer(width: 30, height: 8)
        var plot = LinePlot(title: "loss", xLabel: "step")
        plot.add(.init(name: "train", values: [4, 3, 2, 1, 0]))
        plot.draw(into: &b, area: b.bounds)
        let rows = b.textRows
        #expect(rows[0] == "loss  ━ train")
        #expect(rows[1].hasPrefix("4┤⠉⠒⠢⢄⣀"))     // Bresenham from dot (0, 0) to (55, 19)
        #expect(rows[3].hasPrefix("2┤"))
        #expect(rows[5].hasPrefix("0┤"))
        #expect(rows[6] == " └────────────────────────────")
        #expect(rows[7].hasPrefix("  0") && rows[7].hasSuffix("4") && rows[7].contains("step"))
    }

    @Test func linePlotLogScaleAndTinyArea() {
        var b = CellBuffer(width: 30, height: 8)
        var plot = LinePlot(title: "", series: [.init(name: "loss", values: [1000, 100, 10, 1])])
        plot.logScale = true
        plot.draw(into: &b, area: b.bounds)
        #expect(b.textRows[1].hasPrefix("1000┤"))
        #expect(b.textRows[5].hasPrefix("   1┤"))
        var small = CellBuffer(width: 10, height: 3)
        plot.draw(into: &small, area: small.bounds)
        #expect(small.textRows[1] == "loss 1")   // too small for axes: the last value instead
    }

    @Test func heatMapMonochromeUsesTheCharacterRamp() {
        var b = CellBuffer(width: 20, height: 5)
        b.colorMode = .monochrome
        var map = HeatMap(values: [[0, 1], [0.5, 0.25]], rowLabels: ["a", "b"], columnLabels: ["x", "y"])
        map.range = 0...1
        map.draw(into: &b, area: b.bounds)
        let rows = b.textRows
        #expect(rows[0] == "  x     y")
        #expect(rows[1] == "a       @@@@@@")      // 0 → " ", 1 → "@" (6 cells per column)
        #expect(rows[3] == "")
        #expect(rows[4] == "0 [ .:-=+*#%@] 1")
        // 0.5 is level 5 of 10 ("+"), 0.25 is level 2 (":").
        #expect(rows[2] == "b ++++++::::::")
    }

    @Test func heatMapColourUsesBackgroundShades() {
        var b = CellBuffer(width: 20, height: 4)
        var map = HeatMap(values: [[0, 1]])
        map.range = 0...1
        map.draw(into: &b, area: b.bounds)
        #expect(b[0, 0].style.bg == .ansi(HeatMap.colorRamp.first!))
        #expect(b[6, 0].style.bg == .ansi(HeatMap.colorRamp.last!))
        #expect(HeatMap.level(0.999, in: 0...1, count: 10) == 9 && HeatMap.level(-5, in: 0...1, count: 10) == 0)
    }

    @Test func scatterLabelsNeverOverlap() {
        var b = CellBuffer(width: 30, height: 8)
        let plot = ScatterPlot(title: "", points: [
            .init(x: 0, y: 0, label: "alpha"), .init(x: 0.01, y: 0, label: "beta", group: 1), .init(x: 1, y: 1, label: "far"),
        ])
        plot.draw(into: &b, area: b.bounds)
        let text = b.screen
        #expect(text.contains("alpha") != text.contains("beta") || !text.contains("alphabeta"))
        #expect(text.contains("far"))
        #expect(text.contains("●") && text.contains("■"))
    }

    @Test func boxGridOutlinesBoxesInScaledCoordinates() {
        var b = CellBuffer(width: 12, height: 7)
        var grid = BoxGrid(width: 1, height: 1)
        grid.showGrid = false
        grid.boxes = [.init(x0: 0, y0: 0, x1: 1, y1: 1, label: "cat")]
        grid.draw(into: &b, area: b.bounds)
        #expect(b.textRows == [
            "┌──────────┐",
            "│┌cat─────┐│",
            "││        ││",
            "││        ││",
            "││        ││",
            "│└────────┘│",
            "└──────────┘",
        ])
    }

    @Test func stepperPlaysPausesAndSteps() {
        var clock = AnimationStepper(intervalMs: 100)
        let first = clock.advance(byMs: 250)
        #expect(first == 2)
        let second = clock.advance(byMs: 50)
        #expect(second == 1)      // 50 left over + 50
        clock.togglePause()
        let paused = clock.advance(byMs: 1000)
        #expect(clock.paused && paused == 0)
        let stepNow = clock.requestStep()
        #expect(stepNow)
        clock.didStep()
        #expect(clock.steps == 1 && clock.status == "step 1 · paused")
        clock.togglePause()
        clock.finish()
        let due = clock.advance(byMs: 1000)
        let stepAfterEnd = clock.requestStep()
        #expect(due == 0 && !stepAfterEnd)
        #expect(clock.status.hasSuffix("done"))
    }

    @Test func colorModeDetection() {
        #expect(ColorMode.detect(colors: 256, environment: [:]) == .full)
        #expect(ColorMode.detect(colors: 8, environment: [:]) == .basic)
        #expect(ColorMode.detect(colors: 0, environment: [:]) == .monochrome)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": ""]) == .full)
        #expect(ColorMode.nearestBasic(196) == 1)   // bright red → red
        #expect(ColorMode.nearestBasic(21) == 4)    // blue
        #expect(ColorMode.nearestBasic(255) == 7)   // near white
    }

    @Test func fitAndPadCountDisplayCells() {
        #expect(CellBuffer.fit("滑动窗口", width: 5) == "滑动…")
        #expect(CellBuffer.pad("ab", width: 4) == "ab  ")
        var b = CellBuffer(width: 6, height: 1)
        b.put("ab滑动", x: 0, y: 0)
        #expect(b[2, 0].character == "滑" && b[3, 0].continuation && b[4, 0].character == "动")
        b.put("x", x: 3, y: 0)   // overwriting half of a wide character blanks the other half
        #expect(b[2, 0].character == " " && !b[3, 0].continuation)
    }
}

/// A seeded generator so the random cases are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Demo parameters are declared once; every built-in demo builds with its
/// declared defaults, and values are checked against the declarations.
@Suite struct DemoParameterTests {
    @Test func everyDemoBuildsFromItsDefaults() throws {
        for type in DemoCatalog.all {
            #expect(!type.parameters.isEmpty, "\(type.name) declares no parameters")
            #expect(Set(type.parameters.map(\.name)).count == type.parameters.count, "\(type.name) declares a name twice")
            let defaults = Dictionary(uniqueKeysWithValues: type.parameters.map { ($0.name, $0.defaultValue) })
            #expect(throws: Never.self, "\(type.name)") { _ = try type.arguments(defaults) }
        }
    }

    @Test func valuesAreCheckedAgainstTheDeclaration() throws {
        let declared = [DemoParameter("n", .int(1...10), default: "3", "size"),
                        DemoParameter("x", .real(0...1), default: "0.5", "rate"),
                        DemoParameter("mode", .choice(["ddpm", "ddim"]), default: "ddim", "sampler"),
                        DemoParameter("causal", .flag, default: "off", "mask"),
                        DemoParameter("nums", .ints(minCount: 2), default: "1,2", "values")]
        func message(_ values: [String: String]) -> String {
            do { _ = try DemoArguments(values, demo: "toy", declared: declared); return "" } catch { return error.description }
        }
        let args = try DemoArguments(["n": "7", "causal": "on"], demo: "toy", declared: declared)
        #expect(try args.int("n") == 7 && args.real("x") == 0.5 && args.flag("causal") && args.choice("mode") == "ddim")
        #expect(try args.ints("nums") == [1, 2])
        #expect(message(["n": "11"]) == "n must be an integer from 1 to 10, got '11'")
        #expect(message(["x": "2"]) == "x must be a number from 0 to 1, got '2'")
        #expect(message(["mode": "euler"]) == "mode must be ddpm or ddim, got 'euler'")
        #expect(message(["causal": "maybe"]) == "causal must be on or off, got 'maybe'")
        #expect(message(["nums": "1"]).hasPrefix("nums must be at least 2"))
        #expect(message(["size": "1"]) == "unknown parameter 'size'; toy takes n, x, mode, causal, nums")
        #expect(DemoParameter("n", .int(1...10), default: "3", "size").help == "size (1-10)")
    }
}
