import Testing
import Lessons

@Suite struct ExerciseIDTests {
    @Test func splitsAndJoins() throws {
        let id = try #require(ExerciseID("sliding-window-max/deque"))
        #expect(id.lesson == "sliding-window-max" && id.name == "deque")
        #expect(id.description == "sliding-window-max/deque")
        #expect(ExerciseID(lesson: "a", name: "b") == ExerciseID("a/b"))
    }

    @Test func rejectsMalformedIDs() {
        for bad in ["", "deque", "/deque", "lesson/", "a/b/c"] { #expect(ExerciseID(bad) == nil, "\(bad)") }
        #expect(ExerciseID.lesson(of: "deque") == "deque")
        #expect(ExerciseID.name(of: "deque") == "")
        #expect(ExerciseID.lesson(of: "rnn/bptt") == "rnn" && ExerciseID.name(of: "rnn/bptt") == "bptt")
    }
}
