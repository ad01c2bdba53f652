import Foundation

/// How to spell the `lectern` command in advice printed to the learner:
/// plain `lectern` when that name on PATH is this executable, otherwise the
/// executable's own path (run from a build folder, `lectern` is often not on PATH).
public enum Invocation {
    public static func command(executable: URL?, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String {
        guard let executable else { return "lectern" }
        let me = executable.resolvingSymlinksInPath().path
        for dir in (path ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.resolvingSymlinksInPath().path == me ? "lectern" : executable.path
            }
        }
        return executable.path
    }
}
