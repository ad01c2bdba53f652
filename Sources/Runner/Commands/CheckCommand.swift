import ArgumentParser

/// `lectern check` (not built yet).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not built yet)")
    func run() throws { fail("'check' is not built yet", code: ExitStatus.internalError) }
}
