import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct RNNDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "char-rnn") == CharRNNDemo.self)
        #expect(DemoCatalog.type(named: "rnn-gradients") == RNNGradientsDemo.self)
    }

    /// The demo's text is the one shipped in Content/rnn/corpus.txt.
    @Test func demoTextMatchesTheCourseFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/rnn/corpus.txt")
        let shipped = try String(contentsOf: file, encoding: .utf8)
        #expect(RNN.demoText + "\n" == shipped)
    }

    @Test func charRNNTrainsAndSamples() throws {
        var demo = try CharRNNDemo(parameters: ["hidden": "24", "steps": "600", "every": "300", "length": "80"])
        let first = Self.frame(demo)
        #expect(first[0].hasPrefix("char-rnn · vanilla RNN, H = 24, 27 characters   update 0/600"))
        #expect(first.contains { $0.contains("training starts at the next step") })
        let first300 = demo.step(), second300 = demo.step(), more = demo.step()
        #expect(first300 && second300 && !more)               // 600 updates, then done
        #expect(demo.losses.count == 600 && demo.norms.count == 600)
        // The loss over the last 100 updates is well below log 27 ≈ 3.3.
        let late = demo.losses.suffix(100).reduce(0, +) / 100
        #expect(late < 2.2, "late loss \(late)")
        let rows = Self.frame(demo)
        #expect(rows[0].contains("update 600/600"))
        #expect(rows.contains { $0.contains("loss per character") })
        #expect(rows.contains { $0.contains("gradient norm before clipping") })
        #expect(rows.contains { $0.hasPrefix("sample after 600 updates") })
        #expect(demo.sample.count == 80)
    }

    @Test func charRNNIsDeterministic() throws {
        var a = try CharRNNDemo(parameters: ["hidden": "8", "steps": "40", "every": "20"])
        var b = try CharRNNDemo(parameters: ["hidden": "8", "steps": "40", "every": "20"])
        while a.step() {
            let moved = b.step()
            #expect(moved)
        }
        #expect(Self.frame(a) == Self.frame(b))
    }

    @Test func badParametersNameTheParameter() {
        #expect(throws: DemoError.self) { try CharRNNDemo(parameters: ["hidden": "0"]) }
        do {
            _ = try RNNGradientsDemo(parameters: ["scale": "abc"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("scale"))
        }
        do {
            _ = try RNNGradientsDemo(parameters: ["colour": "1"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("colour"))
        }
    }

    /// The final frame plots both curves and prints the values the Engine computed.
    @Test func gradientsFinalFrame() throws {
        var demo = try RNNGradientsDemo(parameters: [:])
        var frames = 0
        while demo.step() { frames += 1 }
        #expect(frames >= 1 && demo.shown == 61)
        let rows = Self.frame(demo)
        #expect(rows[0].hasPrefix("rnn-gradients · ‖∂h_T/∂h_(T−k)‖, H = 16, T = 60"))
        #expect(rows.contains { $0.contains("vanilla RNN") && $0.contains("LSTM (h, c)") })
        let line40 = try #require(rows.first { $0.hasPrefix("k = 40:") })
        #expect(line40 == "k = 40:  vanilla " + CellBuffer.pad(RNNGradientsDemo.number(demo.vanilla[40]), width: 10)
                 + "LSTM " + RNNGradientsDemo.number(demo.lstm[40]))
        #expect(RNNGradientsDemo.number(0.00405) == "4.05e-03" && RNNGradientsDemo.number(0.4243) == "0.424")
        #expect(demo.vanilla[40] < demo.lstm[40])
        // Braille dots were drawn.
        #expect(rows.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
    }

    @Test func narrowFramesDoNotCrash() throws {
        var demo = try CharRNNDemo(parameters: ["hidden": "8", "steps": "10", "every": "10"])
        _ = demo.step()
        for width in [1, 10, 30, 79] { _ = Self.frame(demo, width: width) }
        let g = try RNNGradientsDemo(parameters: ["steps": "5"])
        for width in [1, 10, 30] { _ = Self.frame(g, width: width) }
    }
}
