import Foundation
import Testing
@testable import TUI

/// The app and `lectern watch` share Grader's FileWatcher: a save of a
/// watched exercise file re-checks it once, with inotify and with the
/// polling fallback; saves of other files are ignored.
@Suite struct AppWatchTests {
    @Test(arguments: [false, true]) func aSaveReChecksTheExerciseOnce(polling: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-appwatch-\(UUID().uuidString)")
        let lesson = dir.appendingPathComponent("sliding-window-max")
        try FileManager.default.createDirectory(at: lesson, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = lesson.appendingPathComponent("deque.swift")   // AppFixtures.exerciseID
        try "// starter\n".write(to: file, atomically: false, encoding: .utf8)

        let env = FakeEnvironment()
        env.exercisesFolder = dir.path
        let rt = AppRuntime(model: AppFixtures.model(), environment: env)
        rt.preferPolling = polling
        rt.start(openLesson: 0)
        #expect(rt.pollFiles() == false)

        // The polling fallback compares modification times: let the clock move on.
        if polling { Thread.sleep(forTimeInterval: 1.1) }
        env.files[AppFixtures.exerciseID] = "// RIGHT"
        try "// RIGHT\n".write(to: file, atomically: true, encoding: .utf8)          // a rename over the file, as vim saves
        try "ignored\n".write(to: lesson.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        var changed = false
        for _ in 0..<50 where !changed { changed = rt.pollFiles(); if !changed { Thread.sleep(forTimeInterval: 0.05) } }
        #expect(changed)
        rt.waitUntilIdle()
        #expect(env.checks == [AppFixtures.exerciseID])
        #expect(rt.pollFiles() == false, "one save, one check")
    }
}
