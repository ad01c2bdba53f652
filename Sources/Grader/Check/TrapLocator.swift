import Foundation

/// Turns a crash address into the runtime check that failed and the
/// learner's line, using the binary's line tables (learner binaries are built
/// with `-gline-tables-only`) and `llvm-symbolizer` (beside swiftc, or on PATH).
///
/// In `-O` builds Swift traps without printing a message; the debug info
/// still names the failed check as an inlined frame, e.g.
/// `Swift runtime failure: Index out of range` above
/// `maxSlidingWindow` at `deque.swift:6:61`.
enum TrapLocator {
    struct Location: Equatable {
        /// "Index out of range", "arithmetic overflow", ... when the debug info names it.
        var reason: String?
        /// The learner's line, innermost first.
        var line: Int?
    }

    static func symbolizer() -> String? {
        var candidates: [String] = []
        if let swiftc = try? Toolkit.locateSwiftc() {
            candidates.append((swiftc as NSString).deletingLastPathComponent + "/llvm-symbolizer")
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            candidates.append("\(dir)/llvm-symbolizer")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func locate(binary: String, offset: UInt, learnerName: String) -> Location? {
        guard let tool = symbolizer(),
              let run = try? runTool(tool, ["--obj=\(binary)", "--inlining", "--functions=short",
                                            "0x" + String(offset, radix: 16)],
                                     in: URL(fileURLWithPath: NSTemporaryDirectory())),
              run.status == 0 else { return nil }
        return parse(run.output, learnerName: learnerName)
    }

    /// Reads llvm-symbolizer's pairs of lines: a function, then `file:line:column`.
    static func parse(_ text: String, learnerName: String) -> Location {
        let lines = text.split(separator: "\n").map(String.init)
        var location = Location()
        var i = 0
        while i + 1 < lines.count {
            let function = lines[i], place = lines[i + 1]
            i += 2
            let prefix = "Swift runtime failure: "
            if location.reason == nil, function.hasPrefix(prefix) {
                location.reason = String(function.dropFirst(prefix.count))
            }
            let parts = place.split(separator: ":")
            if location.line == nil, parts.count >= 3, parts[0].hasSuffix("/" + learnerName) || parts[0] == learnerName,
               let n = Int(parts[parts.count - 2]), n > 0 {
                location.line = n
            }
        }
        return location
    }
}
