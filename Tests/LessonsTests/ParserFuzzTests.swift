import Foundation
import Testing
@testable import Lessons

/// The lesson parser under a seeded generator of random and mutated lessons:
/// it never crashes, every problem it reports carries the file and a line
/// inside the file, and bytes that are not UTF-8 are named with their line.
/// The seed is fixed, so a failure prints the input and reproduces exactly.
/// `LECTERN_SOAK=1` multiplies the counts by ten.
@Suite struct ParserFuzzTests {
    static let soak = ProcessInfo.processInfo.environment["LECTERN_SOAK"] == "1"
    static let contentRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")

    /// Pieces that matter to the parser: fences, special blocks, front matter
    /// delimiters, YAML punctuation, math, tables, quotes and list markers.
    static let fragments = [
        "```", "~~~", "```exercise ", "```exercise l/x\n", "```quiz\n", "```demo d k=1 \"q", "```swift\n",
        "---\n", "...\n", "id: ", "title: ", "summary: ", "points: ", "hints:\n  - ", "choices: [a, b]", "answer: ",
        "question: ", "explanation: ", ": ", "- ", "[", "]", "{", "}", "'", "\"", "&a", "*a", "!!str ", "%YAML 1.2\n",
        "$", "$$", "\\", "$x_{t-1}$", "`", "``", "| a | b |\n|---|---|\n", "|", "> ", ">>>>>>>>", "1. ", "* ", "    ",
        "\t", "\r", "\r\n", "\n", "\n\n", "\u{0}", "\u{FEFF}", "中文", "🙂", "x̂", "<!--", "-->", "<div>", "#", "###### ",
        "**", "_", "[t](u)", "![i](p)", "\u{E000}", "\u{E001}", String(repeating: "[", count: 200),
        String(repeating: "> ", count: 60), String(repeating: "- ", count: 60) + "x",
    ]

    /// The real lessons and the test fixtures, as starting points for mutation.
    static let corpus: [String] = {
        var texts: [String] = []
        let fm = FileManager.default
        for id in (try? fm.contentsOfDirectory(atPath: contentRoot.path))?.sorted() ?? [] {
            for name in ["lesson.md", "lesson.zh.md"] {
                if let data = fm.contents(atPath: contentRoot.appendingPathComponent(id).appendingPathComponent(name).path) {
                    texts.append(String(decoding: data, as: UTF8.self))
                }
            }
        }
        for name in Fixtures.names {
            if let data = fm.contents(atPath: Fixtures.directory.appendingPathComponent(name + ".md").path) {
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        return texts
    }()

    /// A window of 1 to 60 lines of a corpus lesson, usually with its header.
    static func sample(_ rng: inout SplitMix) -> [UInt8] {
        let text = corpus[rng.next(upTo: corpus.count)]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = rng.next(upTo: 3) == 0 ? 0 : rng.next(upTo: lines.count)
        let end = min(lines.count, start + 1 + rng.next(upTo: 60))
        var piece = lines[start..<end].joined(separator: "\n")
        if start > 0 && rng.next(upTo: 4) != 0 { piece = "---\nid: f\ntitle: F\nsummary: S\n---\n" + piece }
        return Array(piece.utf8)
    }

    /// One to eight random edits: fragments inserted, bytes changed (including
    /// bytes that break UTF-8), ranges deleted, duplicated or swapped with lines.
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + rng.next(upTo: 8)) {
            let at = rng.next(upTo: b.count + 1)
            switch rng.next(upTo: 8) {
            case 0, 1, 2:
                b.insert(contentsOf: Array(fragments[rng.next(upTo: fragments.count)].utf8), at: at)
            case 3:
                if !b.isEmpty { b[min(at, b.count - 1)] = UInt8(truncatingIfNeeded: rng.next()) }
            case 4:
                let n = min(b.count - at, rng.next(upTo: 200))
                b.removeSubrange(at..<(at + n))
            case 5:
                let n = min(b.count - at, rng.next(upTo: 120))
                b.insert(contentsOf: Array(b[at..<(at + n)]), at: at)
            case 6:
                // A line break in a random place: splits a fence, a key or a math span.
                b.insert(10, at: at)
            default:
                b.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xE2, 0x82][..<(1 + rng.next(upTo: 5))], at: at)
            }
        }
        return b
    }

    /// Parses `bytes` as the file `file` the way the course does and checks every promise.
    static func check(_ bytes: [UInt8], file: String, width: Int) {
        let lineCount = 1 + bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let text: String
        do {
            text = try ContentFile.text(Data(bytes), file: file)
        } catch {
            #expect(error.file == file)
            #expect(error.line.map { (1...lineCount).contains($0) } == true, "\(error)")
            #expect(error.message.contains("not valid UTF-8"))
            return
        }
        let lesson = LessonParser.parse(text, file: file, expectedID: "f")
        // Problems are counted in lines of the file as written (a lone \r also ends a line).
        let lines = 1 + text.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
        for problem in lesson.problems {
            guard problem.file == file, let line = problem.line, (1...lines).contains(line), !problem.message.isEmpty else {
                Issue.record("unlocated problem \(problem) for input:\n\(String(decoding: bytes, as: UTF8.self))")
                return
            }
        }
        for case .broken(let problem) in lesson.specialBlocks where !lesson.problems.contains(problem) {
            Issue.record("a broken block without its problem in the list: \(problem)")
        }
        // Rendering any parsed lesson works too, at a width that varies.
        _ = PlainRenderer(width: width, color: false).lines(lesson)
    }

    @Test func mutatedLessonsNeverCrashAndAlwaysLocateProblems() {
        var rng = SplitMix(seed: 13)
        let count = Self.soak ? 30_000 : 3_000
        for n in 0..<count {
            let input = Self.mutate(Self.sample(&rng), &rng)
            Self.check(input, file: "/fuzz/\(n)/lesson.md", width: [20, 37, 80, 120][n % 4])
        }
    }

    @Test func invalidUTF8IsNamedWithItsLineAndColumn() throws {
        let bytes = Array("---\nid: f\ntitle: F\n---\nok\nab".utf8) + [0xFF] + Array("c\n".utf8)
        do {
            _ = try ContentFile.text(Data(bytes), file: "x/lesson.md")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description == "x/lesson.md:6: the file is not valid UTF-8 (byte 0xFF at column 3); save it as UTF-8")
        }
        // Overlong forms, surrogates and truncated sequences are invalid; the twin agrees with Swift's validation.
        var rng = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let b = (0..<(1 + rng.next(upTo: 8))).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let valid = String(validating: b, as: UTF8.self) != nil
            #expect((ContentFile.firstInvalidUTF8(b) == nil) == valid, "\(b)")
        }
    }

    @Test func oneBrokenExerciseBlockIsOneMessage() {
        let lesson = parseBody("Intro.\n\n```exercise t/a\ntitle: A\npoints: many\nhints: [x: y, 3\n```\n\nMore text.\n\n```exercise t/b\ntitle: B\nhints: [one, two]\n```\n")
        #expect(lesson.problems.count == 1, "\(lesson.problems)")
        #expect(lesson.problems.first.flatMap(\.line).map { (8...11).contains($0) } == true)
        #expect(lesson.exercises.map(\.id) == ["t/b"])
        let unclosed = parseBody("```exercise t/a\ntitle: A\n\nEverything after is inside the block.\n\n# Heading\n")
        #expect(unclosed.problems.count == 1, "\(unclosed.problems)")
    }

    @Test func aFolderWhereAFileIsExpectedGetsAPlainMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lesson.md"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try LessonParser.load(contentsOf: dir.appendingPathComponent("lesson.md"))
            Issue.record("a folder loaded as a lesson")
        } catch {
            #expect(error.description == "\(dir.path)/lesson.md: this is a folder, but a file is expected here")
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }
}
