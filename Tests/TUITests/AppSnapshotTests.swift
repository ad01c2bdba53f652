import Lessons
import Testing
@testable import TUI

/// Whole-screen snapshots as text rows (styles dropped), compared line by
/// line so a failure reads like the screen.
@Suite struct AppSnapshotTests {
    func runtime(width: Int = 100, height: Int = 30) -> AppRuntime {
        let rt = AppRuntime(model: AppFixtures.model(width: width, height: height), environment: FakeEnvironment())
        rt.start(openLesson: 0)
        return rt
    }

    func expectRows(_ buffer: CellBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = buffer.textRows
        #expect(rows.count == expected.count, "\n\(buffer.screen)", sourceLocation: sourceLocation)
        for (i, (got, want)) in zip(rows, expected).enumerated() {
            #expect(got == want, "row \(i)\n\(buffer.screen)", sourceLocation: sourceLocation)
        }
    }

    @Test func outline() {
        let rows = render(runtime().model).textRows
        #expect(rows[0] == " Lectern — modern machine learning by doing                                                 English")
        #expect(rows[1] == "┌ Course · 1/4 solved ──────────┐┌ Sliding-window maximum ─────────────────────────────────────────┐")
        #expect(rows[2] == "│▸1. Sliding-window maximum  1/3││Sliding-window maximum                                           ┃")
        #expect(rows[3] == "│ 2. Tokenization (byte-lev… 0/1││══════════════════════                                           ┃")
        #expect(rows[4] == "│ 3. word2vec                   ││                                                                 ┃")
        #expect(rows[5] == "│                               ││For every window of k numbers we want the largest. A deque keeps ┃")
        #expect(rows[28] == "└───────────────────────────────┘└─────────────────────────────────────────────────────────── 56% ─┘")
        #expect(rows[29] == " ↑↓ move · Enter open · Tab pane · L language · ? help · q quit                         ws: /tmp/ws")
    }

    @Test func lessonAtTheExercise() {
        let rt = runtime()
        rt.send(.key(.enter))
        rt.send(.key(.pageDown))
        let rows = render(rt.model).textRows
        #expect(rows[13] == "│                               │▶┌─ Exercise ────────────────────────────────────────────────────┐│")
        #expect(rows[14] == "│                               │││ One pass with a monotonic deque                               │┃")
        #expect(rows[15] == "│                               │││ sliding-window-max/deque · 3 pts · not started                │┃")
        #expect(rows[16] == "│                               │││ c check  h hint  e edit                                       │┃")
        #expect(rows[20] == "│                               │││ How many times can one index enter the deque?                 │┃")
    }

    @Test func verdictOverlay() {
        let rt = runtime()
        rt.send(.key(.enter))
        rt.send(.checkFinished(exercise: AppFixtures.exerciseID, CheckOutcome(
            verdict: "wrong_answer", passed: false, summary: "12/40 cases passed",
            details: ["case 13 (hidden, shrunk)", "input     {\"nums\": [2, 1], \"k\": 2}", "expected  [2]", "got       [1]"])))
        expectRows(render(rt.model), [
            " Lectern — modern machine learning by doing                                                 English",
            "┌ Course · 1/4 solved ──────────┐┌ Sliding-window maximum ─────────────────────────────────────────┐",
            "│▸1. Sliding-window maximum  1/3││Sliding-window maximum                                           ┃",
            "│ 2. Tokenization (byte-lev… 0/1││══════════════════════                                           ┃",
            "│ 3. word2vec                   ││                                                                 ┃",
            "│                               ││For every window of k numbers we want the largest. A deque keeps ┃",
            "│                               ││the candidates in decreasing order, so each index enters and     ┃",
            "│                               ││leaves once.                                                     ┃",
            "│                               ││                                                                 ┃",
            "│             ┌ Verdict ─────────────────────────────────────────────────────────────┐ tised cost. ┃",
            "│             │ ✗ wrong answer  sliding-window-max/deque                             │             ┃",
            "│             │ 12/40 cases passed                                                   │ tised cost. ┃",
            "│             │                                                                      │             ┃",
            "│             │ case 13 (hidden, shrunk)                                             │ tised cost. ┃",
            "│             │ input     {\"nums\": [2, 1], \"k\": 2}                                   │             ┃",
            "│             │ expected  [2]                                                        │ tised cost. ┃",
            "│             │ got       [1]                                                        │             │",
            "│             │                                                                      │ tised cost. │",
            "│             │ ↑↓ scroll · Esc close · c check again · h hint · e edit              │             │",
            "│             └──────────────────────────────────────────────────────────────────────┘ tised cost. │",
            "│                               ││                                                                 │",
            "│                               ││Filler paragraph 7 about windows, candidates and amortised cost. │",
            "│                               ││                                                                 │",
            "│                               ││Filler paragraph 8 about windows, candidates and amortised cost. │",
            "│                               ││                                                                 │",
            "│                               ││Filler paragraph 9 about windows, candidates and amortised cost. │",
            "│                               ││                                                                 │",
            "│                               ││Filler paragraph 10 about windows, candidates and amortised cost.│",
            "└───────────────────────────────┘└─────────────────────────────────────────────────────────── 56% ─┘",
            " Esc close · q quit                                                                     ws: /tmp/ws",
        ])
    }

    @Test func chineseLesson() {
        let rt = runtime()
        rt.send(.key(.enter))
        rt.send(.key(.char("L")))
        let buffer = render(rt.model)
        let rows = buffer.textRows
        #expect(rows[0].hasSuffix("中文"))
        #expect(rows[1] == "┌ 课程 · 已完成 1/4 ────────────┐┌ 滑动窗口最大值 ─────────────────────────────────────────────────┐")
        #expect(rows[5] == "│                               ││对每个长度为 k 的窗口，我们要找出其中的最大值。双端队列按递减顺序│")
        #expect(rows[6] == "│                               ││保存候选下标，所以每个下标只进出一次。                           │")
        #expect(rows[9] == "│                               │││ 用单调双端队列一次扫描                                        ││")
        // Every row is exactly as wide as the screen: no border is pushed out by a wide character.
        for row in rows.dropFirst().dropLast() { #expect(DisplayWidth.of(row) == 100, "\(row)") }
        // Wide characters take two cells: the second is a continuation.
        let x = rows[5].firstIndex(of: "对").map { DisplayWidth.of(rows[5][..<$0]) }!
        #expect(buffer[x, 5].character == "对" && buffer[x + 1, 5].continuation)
    }

    @Test func smallWindow() {
        let rt = runtime(width: 20, height: 8)
        expectRows(render(rt.model), [
            " Lectern …",
            "┌ Course · 1/4 so… ┐",
            "│▸1. Sliding-w… 1/3│",
            "│ 2. Tokenizat… 0/1│",
            "│ 3. word2vec      │",
            "│                  │",
            "└──────────────────┘",
            " ↑↓ move · Enter op…",
        ])
        // Opening the lesson shows the lesson pane alone.
        rt.send(.key(.enter))
        expectRows(render(rt.model), [
            " Lectern …",
            "┌ Sliding-window … ┐",
            "│Sliding-window    ┃",
            "│maximum           │",
            "│══════════════    │",
            "│                  │",
            "└───────────── 4% ─┘",
            " ↑↓ scroll · / sear…",
        ])
    }

    @Test func tooSmallWindowSaysSo() {
        let rt = runtime(width: 19, height: 8)
        let screen = render(rt.model).screen
        #expect(screen.contains("enlarge the window"))
        #expect(!screen.contains("┌"))
    }
}
