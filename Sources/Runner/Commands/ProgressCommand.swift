import ArgumentParser

/// `lectern progress` (not built yet).
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "(not built yet)")
    func run() throws { fail("'progress' is not built yet", code: ExitStatus.internalError) }
}
