import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct TransformerDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "attention") == AttentionDemo.self)
        #expect(DemoCatalog.type(named: "action-stream") == ActionStreamDemo.self)
    }

    /// The heat map shows every token and the causal frame has zeros above the diagonal.
    @Test func attentionDrawsTheWeights() throws {
        let demo = try AttentionDemo(parameters: ["causal": "true", "d": "16", "tokens": "a,b,c"])
        let rows = Self.frame(demo)
        #expect(rows[0] == "attention · 3 tokens, d = 16, scaled by 1/√16, causal")
        #expect(rows.contains { $0.hasPrefix("a 1") })                      // row 0 sees itself only
        #expect(rows.contains { $0.contains("upper triangle is 0") })
        for i in 0..<3 {
            #expect(abs(demo.weights.row(i).reduce(0, +) - 1) < 1e-12)
            for j in (i + 1)..<3 { #expect(demo.weights[i, j] == 0) }
        }
    }

    /// Without the scale, wide random vectors give near one-hot rows.
    @Test func unscaledScoresSaturate() throws {
        let demo = try AttentionDemo(parameters: ["d": "512", "scale": "off"])
        #expect(demo.peakUnscaled > 0.95)
        #expect(demo.peakScaled < demo.peakUnscaled - 0.2)
        #expect(Self.frame(demo)[0].hasSuffix("d = 512, unscaled"))
    }

    @Test func badParametersNameTheParameter() {
        for (key, value) in [("causal", "maybe"), ("scale", "half"), ("d", "0"), ("colour", "1")] {
            do {
                _ = try AttentionDemo(parameters: [key: value])
                Issue.record("expected an error for \(key)")
            } catch {
                #expect(error.description.contains(key))
            }
        }
        #expect(throws: DemoError.self) { try ActionStreamDemo(parameters: ["window": "0"]) }
    }

    /// The stream advances `every` frames per step and the detector tracks the true action.
    @Test func actionStreamTracksTheAction() throws {
        var demo = try ActionStreamDemo(parameters: ["frames": "100", "every": "40"])
        #expect(demo.shown == 40)
        let moved = demo.step(), last = demo.step(), done = demo.step()
        #expect(moved && last && !done && demo.shown == 100)
        #expect(demo.agreement > 0.8, "agreement \(demo.agreement)")
        let rows = Self.frame(demo, width: 120)
        #expect(rows[0].hasPrefix("action-stream · 4 classes, window 8, noise 0.4   frame 100/100"))
        let truth = try #require(rows.first { $0.hasPrefix("true  ") })
        let model = try #require(rows.first { $0.hasPrefix("model ") })
        #expect(truth.dropFirst(6) == Substring(demo.stream.labels.map(String.init).joined()))
        #expect(model.dropFirst(6) == Substring(demo.predicted.map(String.init).joined()))
        #expect(rows.contains { $0.contains("class probabilities") })
    }

    @Test func actionStreamIsDeterministic() throws {
        let a = try ActionStreamDemo(parameters: ["seed": "9"]), b = try ActionStreamDemo(parameters: ["seed": "9"])
        #expect(Self.frame(a) == Self.frame(b))
        #expect(a.probabilities == b.probabilities)
    }
}
