import ArgumentParser

/// `lectern validate` (not built yet).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not built yet)")
    func run() throws { fail("'validate' is not built yet", code: ExitStatus.internalError) }
}
