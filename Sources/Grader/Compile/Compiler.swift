import Foundation
import Lessons

/// Compiles a learner file with its generated harness:
///
/// ```
/// swiftc -O -gline-tables-only -swift-version 5 -diagnostic-style llvm -module-name Solution \
///        -I <toolkit> -L <toolkit> -lLecternKit -lTensor \
///        <name>.swift __lectern_harness.swift -o <binary>
/// ```
///
/// Learner files compile in the Swift 5 language mode of the Swift 6
/// compiler (no strict-concurrency errors for a global helper variable).
/// The learner file is copied into a private build folder first, so the
/// compiled text is exactly the hashed text. Binaries (and compile errors)
/// are cached under `<cache>/bin/<hash>` keyed by the learner file, the
/// harness, the toolkit and the flags: an unchanged re-check does not compile.
/// Line tables (`-gline-tables-only`, nearly free, unlike full `-g`) let
/// `TrapLocator` name the failed check and the learner's line of a trap.
enum Compiler {
    enum Outcome {
        case binary(path: String, cached: Bool)
        case failed([Diagnostic])
        /// Only with `cachedOnly`: nothing cached for this text yet.
        case notCached
    }

    static let flags = ["-O", "-gline-tables-only"] + Toolkit.languageFlags + ["-diagnostic-style", "llvm", "-module-name", "Solution"]

    /// - Parameter timeLimit: seconds the compiler may run; past it the compiler is killed and
    ///   the file gets a compile error naming the limit (not cached: a loaded machine may be the cause).
    static func compile(learnerSource: String, learnerPath: String, signature: Signature,
                        toolkit: Toolkit, cache: URL, cachedOnly: Bool = false,
                        timeLimit: Double? = nil) throws(GraderFailure) -> Outcome {
        let displayName = (learnerPath as NSString).lastPathComponent
        // The name the file is compiled under; main.swift would be compiled as
        // top-level code, clashing with the harness's @main.
        let copyName = displayName == "main.swift" ? "main_.swift"
            : displayName.hasSuffix(".swift") ? displayName : displayName + ".swift"
        if let line = HarnessGenerator.reservedNameLine(in: learnerSource) {
            return .failed(withSource([Diagnostic(file: learnerPath, line: line, column: 1, severity: .error,
                message: "names containing `__lectern` or `LecternKit` are reserved for the grader; rename this")],
                learnerSource))
        }
        let harness = HarnessGenerator.source(for: signature)
        let material = Array("compile-v1|\(toolkit.key)|\(flags)|\(displayName)\n".utf8)
            + Array(harness.utf8) + [0] + Array(learnerSource.utf8)
        let key = String(SHA256Hex.digest(material).prefix(32))
        let fm = FileManager.default
        let binDir = cache.appendingPathComponent("bin")
        let binary = binDir.appendingPathComponent(key).path
        let errors = binary + ".errors"
        if fm.isExecutableFile(atPath: binary) { return .binary(path: binary, cached: true) }
        if let text = fm.contents(atPath: errors) {
            return .failed(diagnostics(String(decoding: text, as: UTF8.self), learnerCopy: "/" + copyName,
                                       learnerPath: learnerPath, signature: signature, source: learnerSource))
        }
        if cachedOnly { return .notCached }
        try? fm.createDirectory(at: binDir, withIntermediateDirectories: true)
        let work = cache.appendingPathComponent("build-\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do { try fm.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw GraderFailure("cannot create \(work.path): \(ContentFile.plain(error))")
        }
        defer { try? fm.removeItem(at: work) }
        let learnerCopy = work.appendingPathComponent(copyName)
        let harnessFile = work.appendingPathComponent(HarnessGenerator.fileName)
        do {
            try learnerSource.write(to: learnerCopy, atomically: false, encoding: .utf8)
            try harness.write(to: harnessFile, atomically: false, encoding: .utf8)
        } catch { throw GraderFailure("cannot write to \(work.path): \(ContentFile.plain(error))") }
        let output = work.appendingPathComponent("program").path
        let run = try runTool(toolkit.swiftc, flags + [
            "-I", toolkit.directory.path, "-L", toolkit.directory.path, "-lLecternKit", "-lTensor",
            learnerCopy.path, harnessFile.path, "-o", output], in: work, timeLimit: timeLimit)
        if run.timedOut, let timeLimit {
            return .failed([Diagnostic(file: learnerPath, line: 0, column: 0, severity: .error,
                message: "the compiler did not finish within the compile time limit of \(Self.seconds(timeLimit)) and was stopped; "
                    + "a very large literal or a long expression of mixed types is the usual cause (build large data with a loop)")])
        }
        if run.status != 0 || !fm.isExecutableFile(atPath: output) {
            // Paths inside the private folder are replaced so the cached text is reusable.
            let text = run.output.replacingOccurrences(of: work.path, with: "")
            try? Data(text.utf8).write(to: URL(fileURLWithPath: errors))
            return .failed(diagnostics(text, learnerCopy: "/" + learnerCopy.lastPathComponent,
                                       learnerPath: learnerPath, signature: signature, source: learnerSource))
        }
        if rename(output, binary) != 0 && !fm.isExecutableFile(atPath: binary) {
            throw GraderFailure("cannot move the compiled program into \(binDir.path)")
        }
        return .binary(path: binary, cached: false)
    }

    /// "30 s", "0.5 s".
    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }

    /// Parses `file:line:col: severity: message` lines. Only messages about
    /// the learner's file are kept (with the learner's own path); errors that
    /// only the harness sees mean the function is not declared as required.
    static func diagnostics(_ text: String, learnerCopy: String, learnerPath: String,
                            signature: Signature, source: String = "") -> [Diagnostic] {
        withSource(parsedDiagnostics(text, learnerCopy: learnerCopy, learnerPath: learnerPath, signature: signature,
                                     source: source), source)
    }

    /// The diagnostics with the text of the learner's line each one names.
    static func withSource(_ diagnostics: [Diagnostic], _ source: String) -> [Diagnostic] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        return diagnostics.map { d in
            var d = d
            if d.sourceLine == nil, d.line >= 1, d.line <= lines.count {
                let text = lines[d.line - 1]
                d.sourceLine = String(text.hasSuffix("\r") ? text.dropLast() : text[...])
            }
            return d
        }
    }

    /// The line and column of the learner's declaration of the function the
    /// harness calls (`func name(`), else of the first top-level `func`, else (1, 1).
    static func declarationPlace(of function: String, in source: String) -> (line: Int, column: Int) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for pattern in ["func \(function)(", "func \(function)<", "func \(function) "] {
            for (i, l) in lines.enumerated() {
                if let r = l.range(of: pattern) { return (i + 1, l.distance(from: l.startIndex, to: r.lowerBound) + 1) }
            }
        }
        for (i, l) in lines.enumerated() where l.hasPrefix("func ") || l.hasPrefix("public func ") {
            return (i + 1, 1)
        }
        return (1, 1)
    }

    static func parsedDiagnostics(_ text: String, learnerCopy: String, learnerPath: String,
                                  signature: Signature, source: String) -> [Diagnostic] {
        var learner: [Diagnostic] = []
        var harnessErrors: [String] = []
        var other: [String] = []
        for raw in text.split(separator: "\n") {
            let line = String(raw)
            if let d = parseLine(line) {
                if d.file.hasSuffix(learnerCopy) || d.file == learnerCopy {
                    var copy = d
                    copy.file = learnerPath
                    learner.append(copy)
                } else if d.file.hasSuffix(HarnessGenerator.fileName), d.severity == .error {
                    harnessErrors.append(d.message)
                }
            } else if line.contains("error:") {
                other.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        if learner.contains(where: { $0.severity == .error }) { return learner }
        if !harnessErrors.isEmpty {
            let detail = harnessErrors.first.map { " (the grader's call says: \($0))" } ?? ""
            let place = declarationPlace(of: signature.function, in: source)
            return learner + [Diagnostic(file: learnerPath, line: place.line, column: place.column, severity: .error,
                message: "your function must be declared as `\(signature.declaration)`\(detail)")]
        }
        let message = other.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines) : other.joined(separator: "\n")
        return learner + [Diagnostic(file: learnerPath, line: 0, column: 0, severity: .error,
                                     message: message.isEmpty ? "the compiler failed without a message" : message)]
    }

    /// One `path:line:column: severity: message` line, or nil.
    static func parseLine(_ line: String) -> Diagnostic? {
        for severity in Diagnostic.Severity.allCases {
            guard let r = line.range(of: ": \(severity.rawValue): ") else { continue }
            let location = line[..<r.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let l = Int(location[location.count - 2]), let c = Int(location[location.count - 1]) else { continue }
            let file = location[0..<(location.count - 2)].joined(separator: ":")
            return Diagnostic(file: file, line: l, column: c, severity: severity, message: String(line[r.upperBound...]))
        }
        return nil
    }
}
