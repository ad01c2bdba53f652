import ArgumentParser

/// `lectern list` (not built yet).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "(not built yet)")
    func run() throws { fail("'list' is not built yet", code: ExitStatus.internalError) }
}
