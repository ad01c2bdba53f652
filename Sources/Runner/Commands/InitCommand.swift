import ArgumentParser

/// `lectern init` (not built yet).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "(not built yet)")
    func run() throws { fail("'init' is not built yet", code: ExitStatus.internalError) }
}
