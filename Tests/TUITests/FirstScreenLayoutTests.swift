import Lessons
import Testing
@testable import TUI

/// The terminal app lays out only the first screen of a lesson before drawing
/// it, then the rest; every key finishes the layout before it acts.
@Suite struct FirstScreenLayoutTests {
    /// The fixture lesson's blocks forty times over (exercise and quiz included).
    static func longLesson() -> Lesson {
        var lesson = AppFixtures.englishLesson()
        lesson.blocks = Array(repeating: lesson.blocks, count: 40).flatMap { $0 }
        return lesson
    }

    static func openModel(firstScreenFirst: Bool) -> Model {
        var model = AppFixtures.model()
        model.layoutFirstScreenFirst = firstScreenFirst
        model.openLesson = 0
        model.focus = .lesson
        model.lesson = longLesson()
        model.relayout()
        return model
    }

    @Test func theFirstScreenIsTheTopOfTheWholeLayout() throws {
        let whole = try #require(Self.openModel(firstScreenFirst: false).document)
        var model = Self.openModel(firstScreenFirst: true)
        let first = try #require(model.document)
        #expect(first.lines.count >= model.lessonTextRect.height)
        #expect(first.lines.count < whole.lines.count / 4)
        #expect(Array(whole.lines.prefix(first.lines.count)) == first.lines)
        #expect(first.estimatedLineCount != nil)
        let finished = model.finishLayout()
        #expect(finished)
        #expect(model.document == whole)
        let again = model.finishLayout()
        #expect(!again)
    }

    @Test func aKeyFinishesTheLayoutBeforeActing() {
        var model = Self.openModel(firstScreenFirst: true)
        let whole = Self.openModel(firstScreenFirst: false)
        _ = update(&model, .key(.char("G")))
        #expect(model.document == whole.document)
        #expect(model.scroll == whole.maxScroll)
        #expect(model.maxScroll > 0)
    }

    @Test func aRememberedPositionIsLaidOutBeforeTheFirstFrame() throws {
        var model = AppFixtures.model()
        model.layoutFirstScreenFirst = true
        model.openLesson = 0
        model.lesson = Self.longLesson()
        model.pendingScroll = 300
        model.relayout()
        let doc = try #require(model.document)
        #expect(doc.lines.count >= 300 + model.lessonTextRect.height)
        #expect(doc.lines.count < Self.openModel(firstScreenFirst: false).document?.lines.count ?? 0)
    }

    @Test func aSearchLaysOutTheWholeLesson() {
        var model = Self.openModel(firstScreenFirst: true)
        let keys = [Key.char("/")] + "needle".map(Key.char) + [.enter]
        for key in keys { _ = update(&model, .key(key)) }
        #expect(model.search.matches.count == 40)
        model.relayout()   // with a query, a relayout is whole at once
        #expect(model.document?.estimatedLineCount == nil)
    }

    @Test func piecesOfALayoutAreTheWholeLayout() {
        let lesson = Self.longLesson()
        let layout = LessonLayout(width: 60)
        var pass = LessonLayout.Pass(layout, lesson)
        var lines: [LessonDocument.Line] = []
        while !pass.done { lines += pass.lines(blocks: 3) }
        #expect(lines == layout.layout(lesson).lines)
    }
}
