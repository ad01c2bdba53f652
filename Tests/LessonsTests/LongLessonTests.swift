import Foundation
import Testing
@testable import Lessons

/// The ways a long lesson is read and rendered in pieces (special blocks read
/// ahead and several at once, rendering from any top-level block, `show` in
/// one piece per processor) give exactly what one pass over the whole gives.
@Suite struct LongLessonTests {
    /// Every fixture's body, and a quiz and a demo, repeated until the lesson
    /// has well over the block counts where the work is split.
    static let long: Lesson = {
        // A fixture without its front matter (the text after the second '---' line).
        let bodies = Fixtures.names.compactMap { name -> String? in
            let url = Fixtures.directory.appendingPathComponent(name + ".md")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        }
        var body = ""
        var round = 0
        while body.utf8.count < 600_000 {
            for b in bodies { body += b + "\n\n" }
            body += "```quiz\nquestion: Round \(round)?\nchoices: [yes, no]\nanswer: yes\n```\n\n```demo sliding-window k=\(round)\n```\n\n"
            round += 1
        }
        return parseBody(body, file: "long.md")
    }()

    @Test func theLongLessonIsLongEnoughToBeSplit() {
        #expect(Self.long.blocks.count > 2_000)   // show splits from 2000 blocks on
        #expect(Self.long.quizzes.count > 64)
    }

    @Test func renderingFromAnyBlockGivesTheSameLines() {
        let renderer = PlainRenderer(width: 60, color: true)
        let whole = renderer.lines(Self.long)
        let n = Self.long.blocks.count
        for start in [0, 1, n / 3, n / 2, n - 1, n] {
            var pass = PlainRenderer.Pass(renderer, Self.long, from: start)
            var piece: [RenderedLine] = []
            while !pass.done { piece += pass.lines(blocks: 37) }
            let skipped = whole.firstIndex { $0.anchor.block >= start } ?? whole.count
            #expect(piece == Array(whole[skipped...]), "from block \(start)")
        }
    }

    @Test func showInPiecesIsShowInOnePass() {
        for color in [false, true] {
            let pieces = PlainRenderer.render(Self.long, width: 70, color: color)
            let whole = PlainRenderer(width: 70, color: color).lines(Self.long).map { color ? ANSIFormatter.format($0) : $0.text }
            #expect(pieces == whole)
        }
    }

    @Test func specialBlocksReadTogetherKeepTheirOrderAndLines() {
        // Many quizzes, each saying its own line, one of them broken.
        var body = ""
        for i in 0..<150 {
            body += i == 75 ? "```quiz\nquestion: broken\n```\n\n"
                : "```quiz\nquestion: Q\(i)\nchoices: [a, b]\nanswer: b\n```\n\n"
        }
        let lesson = parseBody(body)
        #expect(lesson.quizzes.count == 149)
        #expect(lesson.quizzes.map(\.question) == (0..<150).filter { $0 != 75 }.map { "Q\($0)" })
        #expect(lesson.quizzes.allSatisfy { $0.answer == 1 })
        // Front matter is 5 lines, and every block takes 6.
        #expect(lesson.quizzes.first?.line == 6)
        #expect(lesson.problems.map(\.line) == [6 + 75 * 6])
    }

    @Test func concurrentMapKeepsIndexOrder() {
        #expect(concurrentMap(1_000, minimum: 2) { $0 * $0 } == (0..<1_000).map { $0 * $0 })
        #expect(concurrentMap(3, minimum: 64) { "\($0)" } == ["0", "1", "2"])
        #expect(concurrentMap(0, minimum: 1) { $0 }.isEmpty)
    }
}
