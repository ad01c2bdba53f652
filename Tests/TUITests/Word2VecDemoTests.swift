import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct Word2VecDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "word2vec") == Word2VecDemo.self)
    }

    /// Content/word2vec/corpus.txt is the demo's default corpus, one sentence a line.
    @Test func shippedCorpusMatchesTheGenerator() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content/word2vec/corpus.txt")
        let shipped = try String(contentsOf: file, encoding: .utf8)
        let generated = Word2Vec.SyntheticCorpus.sentences(count: 3000, seed: 1).map { $0.joined(separator: " ") }
        #expect(shipped == generated.joined(separator: "\n") + "\n")
        let demo = try Word2VecDemo(parameters: [:])
        #expect(demo.trainer.totalWords == generated.reduce(0) { $0 + $1.split(separator: " ").count } * 10)
    }

    @Test func badParametersNameTheParameter() {
        #expect(throws: DemoError.self) { try Word2VecDemo(parameters: ["dim": "0"]) }
        #expect(throws: DemoError.self) { try Word2VecDemo(parameters: ["speed": "9"]) }
        do {
            _ = try Word2VecDemo(parameters: ["words": "cat,zebra"])
            Issue.record("an unknown word was accepted")
        } catch {
            #expect(error.description.contains("'zebra'"))
            #expect(error.description.hasPrefix("words:"))
        }
    }

    /// The lesson's settings: the loss falls, and the final frame shows
    /// neighbours, the analogy, the PCA map and the speed.
    @Test func trainsAndDrawsEveryPanel() throws {
        var demo = try Word2VecDemo(parameters: ["sentences": "3000", "dim": "24", "epochs": "10", "window": "3",
                                                "frames": "5", "words": "cat,king"])
        let first = Self.frame(demo)
        #expect(first[0].hasPrefix("word2vec · skip-gram, negative sampling   epoch 1/10"))
        #expect(!first[0].contains("words/s"))
        #expect(first.contains { $0.contains("training starts at the next step") })
        var steps = 0
        while demo.step() { steps += 1 }
        #expect(steps == 5)
        #expect(demo.losses.count == 5 && demo.losses.last! < demo.losses.first!)
        #expect(demo.wordsPerSecond != nil)

        let rows = Self.frame(demo)
        #expect(rows[0].contains("epoch 10/10") && rows[0].contains("words/s: "))
        #expect(rows.contains { $0.contains("mean loss per slice") })
        #expect(rows.contains { $0.contains("entity words, PCA") })
        #expect(rows.contains { $0.hasPrefix("nearest   cat → ") })
        #expect(demo.trainer.nearest("cat", k: 8).contains { $0.word == "kitten" })
        #expect(demo.trainer.similarity("cat", "kitten")! > demo.trainer.similarity("cat", "iphone")! + 0.2)
        #expect(rows.contains { $0.contains("man : king = woman : queen") })
        // The projection separates the three classes: animals, people and devices
        // have distinct centroids.
        let points = demo.projection()
        #expect(points.count == Word2Vec.SyntheticCorpus.entityWords.count)
        func centroid(_ g: Int) -> (Double, Double) {
            let p = points.filter { $0.group == g }
            return (p.map(\.x).reduce(0, +) / Double(p.count), p.map(\.y).reduce(0, +) / Double(p.count))
        }
        let c = (0...2).map(centroid)
        for i in 0..<3 { for j in (i + 1)..<3 {
            let d = ((c[i].0 - c[j].0) * (c[i].0 - c[j].0) + (c[i].1 - c[j].1) * (c[i].1 - c[j].1)).squareRoot()
            #expect(d > 0.2, "classes \(i) and \(j) overlap")
        } }
    }

    @Test func narrowFrameStacksThePanels() throws {
        var demo = try Word2VecDemo(parameters: ["sentences": "300", "epochs": "1", "frames": "1"])
        _ = demo.step()
        let rows = Self.frame(demo, width: 50)
        #expect(rows.count == demo.preferredHeight(width: 50))
        #expect(rows.allSatisfy { $0.count <= 50 })
        let loss = try #require(rows.firstIndex { $0.contains("mean loss per slice") })
        let map = try #require(rows.firstIndex { $0.contains("entity words, PCA") })
        #expect(loss < map)
    }

    @Test func formatting() {
        #expect(Word2VecDemo.format(0.98765, 2) == "0.99")
        #expect(Word2VecDemo.format(-0.5, 1) == "-0.5")
        #expect(Word2VecDemo.format(-0.001, 2) == "0.00")
        #expect(Word2VecDemo.format(3, 0) == "3")
        #expect(Word2VecDemo.trimmed("  cat ") == "cat")
    }
}
