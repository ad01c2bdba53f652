import ArgumentParser

/// `lectern watch` (not built yet).
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "(not built yet)")
    func run() throws { fail("'watch' is not built yet", code: ExitStatus.internalError) }
}
