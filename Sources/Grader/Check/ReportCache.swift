import Foundation

/// Reports of unchanged files, so re-checking a file nobody edited answers at
/// once (`lectern watch` re-checks on every save, editors save often).
///
/// Key: the compiled binary (itself keyed by the learner's text, the harness,
/// the toolkit and the flags), the exercise, points, seed, sandbox limits and
/// the identity of this lectern executable (so a changed reference or case
/// generator never serves an old verdict). Reused: `passed`, `wrong_answer`
/// and `too_slow` (re-timing an unchanged slow file costs seconds and gives
/// the same answer; editing the file runs it again). Timeouts, limits and
/// crashes are always run again. The reused report says so
/// (`reused: true`) and keeps its original `durationMs`-free facts.
enum ReportCache {
    static func reusable(_ verdict: Verdict) -> Bool { verdict == .passed || verdict == .wrongAnswer || verdict == .tooSlow }

    static let executableIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return Toolkit.compilerIdentity(path)
    }()

    static func key(binary: String, spec: ExerciseSpec, points: Double, seed: UInt64, limits: SandboxLimits) -> String {
        let material = "report-v2|\((binary as NSString).lastPathComponent)|\(spec.id)|\(points)|\(seed)|\(limits)|\(executableIdentity)"
        return String(SHA256Hex.digest(Array(material.utf8)).prefix(32))
    }

    static func file(_ cache: URL, _ key: String) -> URL {
        cache.appendingPathComponent("reports").appendingPathComponent(key + ".json")
    }

    static func load(_ cache: URL, key: String) -> CheckReport? {
        guard let data = FileManager.default.contents(atPath: file(cache, key).path) else { return nil }
        return try? JSONDecoder().decode(CheckReport.self, from: data)
    }

    static func store(_ report: CheckReport, _ cache: URL, key: String) {
        let url = file(cache, key)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(report) else { return }
        // Written aside and renamed, so a concurrent reader never sees half a file.
        let temp = url.path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temp, contents: data) { rename(temp, url.path) }
    }
}
