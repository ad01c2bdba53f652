import ArgumentParser

/// `lectern reference` (not built yet).
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reference", abstract: "(not built yet)")
    func run() throws { fail("'reference' is not built yet", code: ExitStatus.internalError) }
}
