import ArgumentParser

/// `lectern hint` (not built yet).
struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "(not built yet)")
    func run() throws { fail("'hint' is not built yet", code: ExitStatus.internalError) }
}
