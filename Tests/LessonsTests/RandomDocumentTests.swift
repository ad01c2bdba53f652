import Testing
@testable import Lessons

/// Random documents assembled from every kind of block: parsing never fails
/// to produce a lesson, and rendering never exceeds the width at any width.
@Suite struct RandomDocumentTests {
    static let words = ["deque", "window", "maximum", "滑动", "窗口最大值", "。", "，", "🙂", "$x_t$", "$\\sum_{i=1}^{n} x_i^2$",
                        "`nums[i]`", "*em*", "**strong**", "[link](https://example.org/a/long/path)",
                        "Supercalifragilisticexpialidocious", "x̂", "(note)", "「引用」", "n−k+1", "$$ a + b $$"]

    static func sentence(_ rng: inout SplitMix) -> String {
        (0..<(1 + rng.next(upTo: 25))).map { _ in words[rng.next(upTo: words.count)] }.joined(separator: " ")
    }

    static func block(_ rng: inout SplitMix, depth: Int = 0) -> String {
        switch rng.next(upTo: depth > 1 ? 8 : 12) {
        case 0: return String(repeating: "#", count: 1 + rng.next(upTo: 4)) + " " + sentence(&rng)
        case 1, 2, 3: return sentence(&rng)
        case 4: return "```swift\nlet s = \"\(sentence(&rng))\" // \(sentence(&rng))\n\tfunc f() -> Int { 0x1F }\n```"
        case 5: return "| a | b |\n|---|---|\n| \(sentence(&rng)) | \(sentence(&rng)) |"
        case 6: return "```exercise l/\(rng.next(upTo: 3) == 0 ? "Bad Id" : "ok")\ntitle: \(sentence(&rng))\nhints: [one]\n```"
        case 7: return "```quiz\nquestion: \(sentence(&rng).replacingOccurrences(of: ":", with: ""))\nchoices: [yes, no]\nanswer: \(rng.next(upTo: 2) == 0 ? "yes" : "maybe")\n```"
        case 8: return "---"
        case 9: return "```demo d k=\(rng.next(upTo: 9)) text=\"\(["a b", "中 文", "x"][rng.next(upTo: 3)])\"\n```"
        case 10:
            let items = (0..<(1 + rng.next(upTo: 3))).map { _ in block(&rng, depth: depth + 1) }
            let marker = rng.next(upTo: 2) == 0 ? "- " : "1. "
            let pad = String(repeating: " ", count: marker.count)
            return items.map { marker + $0.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + pad) }.joined(separator: "\n")
        default:
            let inner = block(&rng, depth: depth + 1)
            return inner.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        }
    }

    @Test func randomDocumentsRenderWithinEveryWidth() {
        var rng = SplitMix(seed: 2026)
        for _ in 0..<120 {
            let body = (0..<(1 + rng.next(upTo: 8))).map { _ in Self.block(&rng) }.joined(separator: "\n\n")
            let lesson = parseBody(body)
            for problem in lesson.problems { #expect(problem.line != nil, "\(problem)") }
            for width in [10, 11, 13, 20, 27, 40, 59, 80] {
                for line in PlainRenderer(width: width, color: false).lines(lesson) where line.width > width {
                    Issue.record("width \(width): \(line.width) columns: \(line.text)\n--- source:\n\(body)")
                }
            }
        }
    }
}
