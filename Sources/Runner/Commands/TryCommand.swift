import ArgumentParser

/// `lectern try` (not built yet).
struct TryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "try", abstract: "(not built yet)")
    func run() throws { fail("'try' is not built yet", code: ExitStatus.internalError) }
}
