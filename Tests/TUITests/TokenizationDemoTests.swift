import Testing
@testable import TUI
import Engine
import Lessons

@Suite("Tokenization demo")
struct TokenizationDemoTests {
    func render(_ demo: TokenizationDemo, width: Int = 80) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func firstFrameShowsBytes() throws {
        let demo = try TokenizationDemo(parameters: ["text": "Hello World", "merges": "10"])
        let rows = render(demo)
        #expect(rows[0].hasPrefix("Byte-level BPE  step 0/10"))
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
            #expect(rows[0].hasPrefix("Byte-level BPE  step \(steps)/\(demo.trace.steps.count)"))
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

    /// Golden frames at width 60: the raw bytes, and the end of the default run.
    @Test func goldenFrames() throws {
        var demo = try TokenizationDemo(parameters: ["merges": "40"])
        #expect(Array(render(demo, width: 60).prefix(8)) == [
            "Byte-level BPE  step 0/34   (768 merges learned from the st…",
            "start: every token is one byte (‹hex› = part of a character)",
            "",
            "Hello World   11 tokens, 11 bytes",
            "[H][e][l][l][o][·][W][o][r][l][d]",
            "",
            "你好，世界。一个字节是一个数字。   48 tokens, 48 bytes",
            "[‹E4›][‹BD›][‹A0›][‹E5›][‹A5›][‹BD›][‹EF›][‹BC›][‹8C›][‹E4›]",
        ])
        while demo.step() {}
        #expect(render(demo, width: 60).filter { !$0.isEmpty } == [
            "Byte-level BPE  step 34/34   (768 merges learned from the s…",
            "merge #654 → id 910:  \"你\" + \"好\" = \"你好\"   (fires 1×)",
            "Hello World   4 tokens, 11 bytes",
            "[Hello][·W][or][ld]",
            "你好，世界。一个字节是一个数字。   10 tokens, 48 bytes",
            "[你好][，][世界][。][一个][字节][是][一个][数字][。]",
        ])
    }
}
