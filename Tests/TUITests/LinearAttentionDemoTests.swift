import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct LinearAttentionDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "attention-cost") == AttentionCostDemo.self)
        #expect(DemoCatalog.type(named: "flash-chunks") == FlashChunksDemo.self)
    }

    @Test func attentionCostMeasuresEverySize() throws {
        var demo = try AttentionCostDemo(parameters: ["width": "4", "min": "8", "max": "64"])
        #expect(demo.sizes == [8, 16, 32, 64] && demo.points.count == 1)
        while demo.step() {}
        #expect(demo.points.map(\.n) == [8, 16, 32, 64])
        let rows = Self.frame(demo)
        #expect(rows[0].hasPrefix("attention-cost · causal attention, d = e = 4, one thread   n = 8 … 64   measured 4/4"))
        #expect(rows.contains { $0.contains("softmax O(n²)") && $0.contains("linear O(n)") })
        #expect(rows.contains { $0.hasPrefix("n       softmax") })
        let last = try #require(rows.first { $0.hasPrefix("64 ") })
        #expect(last.hasSuffix("×"))
        // Braille dots were drawn.
        #expect(rows.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        // The verdict line is one of the three the demo can print.
        #expect(rows.contains { $0.hasPrefix("linear attention is faster") || $0.hasPrefix("no crossover") })
    }

    @Test func flashChunksCausalGrid() throws {
        var demo = try FlashChunksDemo(parameters: ["n": "8", "chunk": "4", "causal": "true"])
        #expect(demo.shownRows == 4)
        #expect(demo.step() && !demo.step())
        let rows = Self.frame(demo)
        #expect(rows[0].hasPrefix("flash-chunks · n = 8, chunk c = 4, causal"))
        #expect(rows[2] == "0   █·······")
        #expect(rows[6] == "4   ░░░░█···")
        #expect(rows[9] == "    ░░░░████")
        #expect(rows.contains { $0.hasPrefix("█ local") && $0.contains("(20 pairs)") })
        #expect(rows.contains { $0.hasPrefix("░ global") && $0.contains("(16 pairs)") })
        #expect(!rows.contains { $0.hasPrefix("▓") })
    }

    @Test func flashChunksNonCausalShowsBoth() throws {
        var demo = try FlashChunksDemo(parameters: ["n": "6", "chunk": "3", "causal": "false"])
        while demo.step() {}
        let rows = Self.frame(demo)
        #expect(rows[2] == "0   ▓▓▓░░░")
        #expect(rows.contains { $0.hasPrefix("▓ both") })
    }

    @Test func badParametersNameTheParameter() {
        for (params, word) in [(["chunk": "3"], "chunk"), (["causal": "maybe"], "causal"), (["n": "0"], "n"),
                               (["colour": "1"], "colour")] {
            do {
                _ = try FlashChunksDemo(parameters: params)
                Issue.record("expected an error for \(params)")
            } catch { #expect(error.description.contains(word)) }
        }
        do {
            _ = try AttentionCostDemo(parameters: ["min": "64", "max": "8"])
            Issue.record("expected an error")
        } catch { #expect(error.description.contains("min")) }
    }

    @Test func narrowFramesDoNotCrash() throws {
        let a = try AttentionCostDemo(parameters: ["width": "2", "min": "4", "max": "8"])
        let f = try FlashChunksDemo(parameters: [:])
        for width in [1, 10, 30] { _ = Self.frame(a, width: width); _ = Self.frame(f, width: width) }
    }
}
