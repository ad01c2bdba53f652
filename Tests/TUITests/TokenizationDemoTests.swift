import Testing
@testable import TUI
import Engine
import Lessons

@Suite("Tokenization demo")
struct TokenizationDemoTests {
    func render(_ demo: TokenizationDemo, width: Int = 80) -> [String] {
        var buffer = CellBuffer(width: width, height: demo.preferredHeight(width: width))
        demo.draw(into: &buffer, area: buffer.bounds)
        return buffer.textRows
    }

    @Test func firstFrameShowsBytes() throws {
        let demo = try TokenizationDemo(parameters: ["text": "Hello World", "merges": "10"])
        let rows = render(demo)
        #expect(rows[0].hasPrefix("Byte-level BPE") && rows[0].hasSuffix("step 0/10"))
        #expect(rows.contains("[H][e][l][l][o][·][W][o][r][l][d]"))
        #expect(rows.contains { $0.hasPrefix("Hello World   11 tokens, 11 bytes") })
        // 你 is E4 BD A0: three one-byte tokens, shown as hex because none is a whole character.
        #expect(rows.contains { $0.hasPrefix("[‹E4›][‹BD›][‹A0›]") })
    }

    @Test func stepsFuseTokensAndKeepTheText() throws {
        var demo = try TokenizationDemo(parameters: ["merges": "40"])
        var previous = demo.texts.indices.map { demo.trace.tokens(text: $0, after: 0).count }
        var steps = 0
        while demo.step() {
            steps += 1
            let counts = demo.texts.indices.map { demo.trace.tokens(text: $0, after: demo.shown).count }
            // Every merge that fires removes at least one token, and the bytes never change.
            #expect(counts.reduce(0, +) < previous.reduce(0, +))
            previous = counts
            for t in demo.texts.indices {
                let bytes = demo.trace.tokens(text: t, after: demo.shown).flatMap { demo.trace.vocabulary[$0] }
                #expect(bytes == Array(demo.texts[t].utf8))
            }
            let rows = render(demo)
            #expect(rows[0].hasSuffix("step \(steps)/\(demo.trace.steps.count)"))
            #expect(rows[1].hasPrefix("merge #"))
        }
        #expect(steps == demo.trace.steps.count && steps > 0)
        // By the end 你好 has fused into whole characters at least.
        #expect(render(demo).contains { $0.contains("[你") || $0.contains("[好") })
    }

    @Test func badParametersNameTheParameter() {
        #expect(throws: DemoError.self) { try TokenizationDemo(parameters: ["merges": "zero"]) }
        do { _ = try TokenizationDemo(parameters: ["vocab": "100"]); Issue.record("no error") } catch {
            #expect(error.description.contains("vocab"))
        }
        do { _ = try TokenizationDemo(parameters: ["colour": "red"]); Issue.record("no error") } catch {
            #expect(error.description.contains("colour"))
        }
    }

    @Test func narrowWidthWraps() throws {
        let demo = try TokenizationDemo(parameters: [:])
        let rows = render(demo, width: 24)
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 24 })
        #expect(demo.preferredHeight(width: 24) > demo.preferredHeight(width: 200))
    }
}
