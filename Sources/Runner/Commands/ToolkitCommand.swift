import ArgumentParser
import Foundation
import Grader

/// `lectern toolkit`: builds the grader toolkit (Tensor and the harness
/// runtime, once per machine and lectern build) now, so the first check does
/// not wait for it. `make build` runs it; `lectern init` does the same.
struct ToolkitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit",
        abstract: "Prepare the grader toolkit now (make build and lectern init do this).",
        shouldDisplay: false)

    func run() throws {
        var built = false
        if let problem = Checker().prepareToolkit(onBuild: { built = true; WorkspaceContext.note(CheckPhase.toolkitMessage) }) {
            fail(problem, code: ExitStatus.internalError)
        }
        if built { WorkspaceContext.note("the grader toolkit is ready") }
    }
}
