import Testing
@testable import TUI

@Suite struct SlidingWindowDemoTests {
    static func frame(_ demo: SlidingWindowDemo, width: Int = 72) -> [String] {
        demo.frame(width: width).textRows
    }

    static func advance(_ demo: inout SlidingWindowDemo, _ steps: Int) {
        for _ in 0..<steps {
            let moved = demo.step()
            #expect(moved)
        }
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "sliding-window") == SlidingWindowDemo.self)
    }

    @Test func startFrameShowsTheArrayAndAnEmptyDeque() throws {
        let demo = try SlidingWindowDemo(parameters: [:])
        #expect(Self.frame(demo) == [
            "Sliding-window max  k=3  start, nothing read yet",
            "",
            "index     0   1   2   3   4   5   6   7",
            "nums      1   3  -1  -3   5   3   6   7",
            "",
            "popped  -",
            "deque   indices []  values []",
            "output  []",
        ])
    }

    /// After three steps (i = 0, 1, 2) the first window is full: deque [1, 2], output [3].
    @Test func stepThree() throws {
        var demo = try SlidingWindowDemo(parameters: ["nums": "1,3,-1,-3,5,3,6,7", "k": "3"])
        Self.advance(&demo, 3)
        #expect(Self.frame(demo) == [
            "Sliding-window max  k=3  step 3/8  nums[2] = -1",
            "",
            "index     0   1   2   3   4   5   6   7",
            "nums    [ 1   3  -1] -3   5   3   6   7",
            "                  ^",
            "popped  none; push 2",
            "deque   indices [1, 2]  values [3, -1]  (front = window max)",
            "output  [3]  +3",
        ])
    }

    /// Step 5 reads 5: index 1 expires at the front, 3 and 2 are popped from the back.
    @Test func stepFivePopsBothEnds() throws {
        var demo = try SlidingWindowDemo(parameters: [:])
        Self.advance(&demo, 5)
        let rows = Self.frame(demo)
        #expect(rows[3] == "nums      1   3 [-1  -3   5]  3   6   7")
        #expect(rows[5] == "popped  front: 1 expired; back: 3 (-3), 2 (-1) ≤ 5; push 4")
        #expect(rows[6] == "deque   indices [4]  values [5]  (front = window max)")
        #expect(rows[7] == "output  [3, 3, 5]  +5")
    }

    @Test func finalStep() throws {
        var demo = try SlidingWindowDemo(parameters: ["nums": "1, 3, -1, -3, 5, 3, 6, 7"])
        Self.advance(&demo, 8)
        let moved = demo.step()
        #expect(!moved)                               // nothing more to show
        let rows = Self.frame(demo)
        #expect(rows[0] == "Sliding-window max  k=3  step 8/8  nums[7] = 7")
        #expect(rows[3] == "nums      1   3  -1  -3   5 [ 3   6   7]")
        #expect(rows[5] == "popped  back: 6 (6) ≤ 7; push 7")
        #expect(rows[6] == "deque   indices [7]  values [7]  (front = window max)")
        #expect(rows[7] == "output  [3, 3, 5, 5, 6, 7]  +7")
        #expect(demo.outputSoFar == [3, 3, 5, 5, 6, 7])
    }

    /// A taller area (the full-screen app) adds the lesson's step table, newest last.
    @Test func tallAreaShowsTheStepTable() throws {
        var demo = try SlidingWindowDemo(parameters: [:])
        Self.advance(&demo, 5)
        var buffer = CellBuffer(width: 72, height: 14)
        demo.draw(into: &buffer, area: buffer.bounds)
        let rows = buffer.textRows
        #expect(Array(rows[9...]) == [
            "i  nums[i]  deque after            output",
            "1        3  1 (3)                  -",
            "2       -1  1 (3), 2 (-1)          3",
            "3       -3  1 (3), 2 (-1), 3 (-3)  3",
            "4        5  4 (5)                  5",
        ])
    }

    /// A long array in a narrow area scrolls to the newest index and stays inside the width.
    @Test func narrowAreaScrollsAndClips() throws {
        let nums = (0..<30).map { ($0 * 37) % 23 - 11 }
        var demo = try SlidingWindowDemo(parameters: ["nums": nums.map(String.init).joined(separator: ","), "k": "5"])
        while demo.step() {}
        let rows = Self.frame(demo, width: 30)
        #expect(rows.allSatisfy { $0.count <= 30 })
        #expect(rows[2].hasSuffix("29"))              // scrolled so the newest index shows
        #expect(rows[3].hasSuffix("]"))
        #expect(rows[7].hasPrefix("output  […, "))
    }

    @Test func badParametersNameTheParameter() {
        func message(_ p: [String: String]) -> String {
            do { _ = try SlidingWindowDemo(parameters: p); return "no error" } catch { return error.description }
        }
        #expect(message(["k": "0"]) == "k must be between 1 and 8, got 0")
        #expect(message(["k": "9"]) == "k must be between 1 and 8, got 9")
        #expect(message(["k": "three"]) == "k must be an integer, got 'three'")
        #expect(message(["nums": ""]) == "nums must not be empty")
        #expect(message(["nums": "1,,2"]).hasPrefix("nums must be comma-separated integers; item 2"))
        #expect(message(["nums": "1,2.5", "k": "1"]).contains("'2.5'"))
        #expect(message(["width": "3"]).hasPrefix("unknown parameter 'width'"))
    }
}
