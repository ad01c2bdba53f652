import ArgumentParser
import Foundation
import Lessons
import TUI

/// `lectern demo NAME [key=value ...]`: plays a lesson's demo on stdout, one
/// frame per step, drawn by the same code the full-screen app uses.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a lesson demo as text, step by step.",
        discussion: "Run `lectern demo --list` to see every demo and its parameters.")

    @Argument(help: "The demo name, as in a lesson's ```demo NAME``` block.")
    var name: String?

    @Argument(help: "Parameters as key=value.")
    var parameters: [String] = []

    @Flag(name: .long, help: "List the demos and their parameters.")
    var list = false

    @Flag(name: .long, help: "Print only the last frame.")
    var final = false

    @Option(name: .long, help: "Width of a frame in columns (default: the terminal's, or 80).")
    var width: Int?

    @Option(name: .long, help: "Stop after this many steps.")
    var maxSteps: Int = 1000

    func run() throws {
        if list || name == nil {
            for demo in DemoCatalog.all {
                print("\(demo.name) — \(demo.summary)")
                for p in demo.parameterHelp { print("    \(p.name)=\(p.defaultValue)    \(p.meaning)") }
            }
            if name == nil && !list { throw ExitCode(ExitStatus.badInput) }
            return
        }
        guard let name, let type = DemoCatalog.type(named: name) else {
            fail("no demo '\(name ?? "")'; demos: \(DemoCatalog.all.map { $0.name }.joined(separator: ", "))")
        }
        var values: [String: String] = [:]
        for p in parameters {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                fail("parameter '\(p)' is not of the form key=value")
            }
            let key = String(p[..<eq])
            guard type.parameterHelp.contains(where: { $0.name == key }) else {
                fail("demo '\(name)' has no parameter '\(key)'; it takes: \(type.parameterHelp.map(\.name).joined(separator: ", "))")
            }
            values[key] = String(p[p.index(after: eq)...])
        }
        var demo: any Demo
        do { demo = try type.init(parameters: values) } catch { fail("demo '\(name)': \(error)") }
        let cols = max(20, width ?? Terminal.columns ?? 80)
        let color = Terminal.stdoutWantsColor
        var frames = 0
        func show(_ demo: any Demo) {
            let buffer = demo.frame(width: cols)
            var rows = color ? buffer.ansiRows() : buffer.textRows
            while let last = rows.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last == "\u{1B}[0m" { rows.removeLast() }
            print(rows.joined(separator: "\n"))
        }
        if !final { show(demo) }
        while frames < maxSteps, demo.step() {
            frames += 1
            if !final { print(""); show(demo) }
        }
        if final { show(demo) }
    }
}
