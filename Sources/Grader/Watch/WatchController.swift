import Foundation
import Lessons

/// The logic of `lectern watch` without the terminal: what a save or a key
/// does to the screen state, the checks it runs and the attempts it records.
/// The command owns the loop (waiting on the watcher and stdin) and drawing.
public final class WatchController {
    /// Grades one file; `Checker.check` in the command, a stand-in in tests.
    public typealias CheckFunction = (_ spec: ExerciseSpec, _ file: URL, _ points: Double,
                                      _ onPhase: @escaping @Sendable (CheckPhase) -> Void) -> CheckReport

    public enum KeyAction: Equatable { case quit, redraw, ignore }

    public let workspace: Workspace
    public let store: ProgressStore
    /// The course's exercise blocks in course order.
    public let blocks: [ExerciseBlock]
    public private(set) var state: WatchState
    let check: CheckFunction
    let spec: (String) -> ExerciseSpec?
    /// Receives "compiling", "running 3/40"... while a check runs.
    public var onPhase: @Sendable (String) -> Void = { _ in }

    public init(workspace: Workspace, store: ProgressStore, blocks: [ExerciseBlock], mode: FileWatcher.Mode,
                spec: @escaping (String) -> ExerciseSpec? = ExerciseRegistry.spec, check: @escaping CheckFunction) {
        self.workspace = workspace; self.store = store; self.blocks = blocks; self.spec = spec; self.check = check
        state = WatchState(watching: "\(Workspace.exercisesFolder)/", mode: mode, solved: 0, total: blocks.count)
        refreshCounts()
    }

    /// A file was saved: checks it when it is an exercise file. Returns true when the screen changed.
    @discardableResult
    public func saved(_ file: URL) -> Bool {
        guard let id = workspace.exerciseID(of: file) else { return false }
        runCheck(id)
        return true
    }

    /// Handles one key press.
    public func key(_ byte: UInt8) -> KeyAction {
        switch byte {
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4:   // q, Ctrl-C, Ctrl-D
            return .quit
        case UInt8(ascii: "r"):
            guard let id = state.exercise else { return .ignore }
            runCheck(id)
            return .redraw
        case UInt8(ascii: "h"):
            guard let id = state.exercise ?? state.next, let block = blocks.first(where: { $0.id == id }) else {
                return .ignore
            }
            do {
                if let hint = try store.nextHint(id, hints: block.hints) {
                    state.message = "Hint \(hint.index + 1) of \(block.hints.count) for \(id): "
                        + InlineText.plain(LessonParser.inlines(hint.text))
                } else {
                    state.message = block.hints.isEmpty ? "\(id) has no hints."
                        : "No more hints for \(id); `lectern hint \(id)` lists them all."
                }
            } catch {
                state.message = "(could not read the hints from \(store.path): \(error))"
            }
            return .redraw
        case UInt8(ascii: "n"):
            state.exercise = nil
            state.file = nil
            state.report = nil
            state.message = nil
            return .redraw
        default:
            return .ignore
        }
    }

    func runCheck(_ id: String) {
        state.exercise = id
        state.file = "\(Workspace.exercisesFolder)/\(id).swift"
        state.report = nil
        state.phase = nil
        guard let block = blocks.first(where: { $0.id == id }) else {
            state.message = "\(id) is not an exercise of this course."
            return
        }
        guard let spec = spec(id) else {
            state.message = "The grader does not know \(id) yet."
            return
        }
        state.message = nil
        let file = workspace.exerciseFile(id)
        let report = check(spec, file, block.points) { [onPhase] phase in
            switch phase {
            case .preparingToolkit: onPhase(CheckPhase.toolkitMessage)
            case .compiling: onPhase("compiling")
            case .running(let done, let total): onPhase("running \(done)/\(total)")
            case .comparing: onPhase("comparing")
            }
        }
        state.report = report
        do { try store.recordAttempt(report, file: file) } catch {
            state.message = "(could not record this attempt in \(store.path): \(error))"
        }
        refreshCounts()
    }

    func refreshCounts() {
        let summary = (try? store.summary()) ?? [:]
        state.solved = blocks.filter { summary[$0.id]?.status == .passed }.count
        state.next = blocks.first { summary[$0.id]?.status != .passed }?.id
    }
}
