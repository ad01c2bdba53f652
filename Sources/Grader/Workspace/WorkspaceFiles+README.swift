extension WorkspaceFiles {
    /// The learner's README.md. `exampleID` is an exercise id used in the examples.
    static func readme(exampleID: String?) -> String {
        let id = exampleID ?? "sliding-window-max/deque"
        let file = "Exercises/\(id).swift"
        return """
        # Your Lectern workspace

        Each exercise of the course has one file here, `Exercises/<lesson>/<name>.swift`,
        holding a starter: the function to write, a `// TODO`, and a pointer to the part
        of the lesson that explains it. Edit it in any editor, then let the grader judge it.
        Lectern finds this workspace from any folder inside it, as git finds `.git`.

        ## Workflow

        ```
        lectern show <lesson>          read the lesson (or just `lectern` for the full-screen app)
        $EDITOR \(file)
        lectern check \(id)            compile, run the cases, get a verdict
        lectern watch                  re-check every exercise file when you save it (q quits)
        lectern hint \(id)             the next hint; each call shows one more
        lectern try \(id) --input '{...}'   your output beside the reference for your own case
        lectern progress               what you solved, per lesson
        lectern reset \(id)            start an exercise over (your file is backed up first)
        ```

        `lectern check` prints one verdict: `passed`, `wrong_answer` (with the smallest
        failing case it could find), `compile_error`, `runtime_error`, `timeout`,
        `memory_limit`, `output_limit` or `too_slow` (with how your running time grows).

        ## Rules for exercise files

        - Swift \(WorkspaceFiles.languageMode) language mode (of the Swift 6 compiler), compiled with `swiftc -O`.
        - One file per exercise. Write the function exactly as the starter declares it
          (same name, argument labels and types), plus any helpers you like: functions,
          structs, extensions. Helper names cannot clash with the grader's.
        - No top-level code: no statements outside functions or types. The grader
          supplies `main`, feeds your function the cases and reads its results. You
          may `print` while debugging; what you print is shown beside the verdict.
        - `import Foundation` and `import Tensor` (the course's small `Matrix` toolkit)
          work. `import Engine` and `import Grader` do not: the reference solutions
          are out of reach.
        - Some exercises return a small result struct. It is declared for you in
          `Exercises/<lesson>/Support/<name>-types.swift`; use it, do not declare it again.

        ## Editor support

        `Package.swift` is generated for editors: it makes each exercise file a module
        that depends on a copy of the Tensor module in `.lectern/Tensor`. An editor
        with SourceKit-LSP (VS Code with the Swift extension, Neovim, Emacs, Zed...)
        opened on this folder completes `import Tensor`, `Matrix` and its methods,
        and shows compile errors as you type; run `swift build` here once so the
        index exists (checked with sourcekit-lsp from Swift 6.3: completion after
        `Matrix(...).` lists `matmul`, `transposed`, ...). `swift build` compiles
        every exercise file, starters included, but does not grade: only
        `lectern check` does. `lectern init` rewrites `Package.swift`, the support files and
        `.lectern/Tensor`, and never touches your exercise files.

        ## What is in `.lectern/`

        - `workspace.json`: marks this folder as a workspace and names the course.
        - `progress.sqlite`: your attempts, hints seen, quiz answers and reading
          position. If it is ever damaged, Lectern says so, keeps the damaged file
          as `progress.sqlite.corrupt-<time>`, and starts a fresh one.
        - `backups/`: files that `lectern reset` replaced, named `<name>-<time>.swift`.

        """
    }
}
