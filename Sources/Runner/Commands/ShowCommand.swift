import ArgumentParser

/// `lectern show` (not built yet).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not built yet)")
    func run() throws { fail("'show' is not built yet", code: ExitStatus.internalError) }
}
