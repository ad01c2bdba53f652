import ArgumentParser
import Foundation
import Grader
import Lessons

/// `lectern autograder gradescope OUT.zip`: a Gradescope autograder bundle
/// (`GradescopeBundle` in Grader writes its files).
struct AutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autograder",
        abstract: "Write an autograder bundle for a grading service.",
        subcommands: [GradescopeAutograderCommand.self])
}

struct GradescopeAutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradescope",
        abstract: "Write a Gradescope autograder zip (setup.sh, run_autograder, the course, Lectern's sources).",
        discussion: """
            Upload OUT.zip as a Gradescope programming assignment's autograder. setup.sh installs Swift, \
            libcmark and libncurses and builds Lectern; run_autograder grades /autograder/submission with \
            the course's secret seed and writes /autograder/results/results.json. Solutions are not shipped.
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The zip file to write.")
    var out: String

    @Option(name: .long, help: "Seed of the hidden cases (default: `seed:` of course.yaml).")
    var seed: UInt64?

    @Option(name: .long, help: "A git URL setup.sh clones Lectern from, instead of shipping this build's sources.")
    var repository: String?

    func run() throws {
        let loaded = WorkspaceContext.loadCourse(course, workspace: nil)
        if seed == nil, loaded.seed == nil {
            WorkspaceContext.note("the course has no `seed:`; the bundle grades with the public seed 42 (pass --seed or set seed: in course.yaml)")
        }
        var source: URL?
        if repository == nil, let builtIn = try? Course.locateBuiltIn() {
            let root = builtIn.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { source = root }
        }
        if source == nil, repository == nil {
            fail("Lectern's sources were not found next to this binary; pass --repository URL for setup.sh to clone")
        }
        let zip = StoredZip(entries: GradescopeBundle.entries(course: loaded.root, lecternSource: source,
                                                              repository: repository, seed: seed))
        guard FileManager.default.createFile(atPath: out, contents: Data(zip.bytes())) else {
            fail("cannot write \(out)", code: ExitStatus.internalError)
        }
        print("Wrote \(out): \(zip.entries.count) files (setup.sh, run_autograder, course/"
              + (source != nil ? ", lectern/ sources" : "") + ").")
    }
}
