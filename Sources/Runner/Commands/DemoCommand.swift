import ArgumentParser

/// `lectern demo` (not built yet).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "(not built yet)")
    func run() throws { fail("'demo' is not built yet", code: ExitStatus.internalError) }
}
