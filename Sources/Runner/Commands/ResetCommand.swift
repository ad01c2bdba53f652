import ArgumentParser

/// `lectern reset` (not built yet).
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "(not built yet)")
    func run() throws { fail("'reset' is not built yet", code: ExitStatus.internalError) }
}
