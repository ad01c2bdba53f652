/// The readable verdict block that `lectern check` prints and the TUI shows.
extension CheckReport {
    /// A few lines: the verdict, then whatever explains it (diagnostics, the
    /// failing case with expected and got, the limit, the growth, the
    /// learner's output). `color` adds ANSI colours.
    public func humanText(color: Bool) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        let mark = verdict == .passed ? paint.green("✓") : paint.red("✗")
        let score = "\(Paint.number(self.score))/\(Paint.number(maxScore)) points"
        lines.append("\(mark) \(paint.bold(exercise)): \(verdict == .passed ? paint.green(summary) : paint.red(summary))")
        // A too-slow verdict leads with the times and the growth: they are the news.
        if verdict == .tooSlow, let growth { lines.append("  " + paint.yellow(growth)) }
        var facts = [score]
        if cases.total > 0 {
            if verdict != .passed, cases.passed == cases.total {
                // Every answer right but no points: say why beside the counts.
                facts = ["\(score) (\(verdict.words))", "all \(cases.total) answers right"]
            } else {
                facts.append("\(cases.passed)/\(cases.total) cases")
            }
        }
        facts.append("\(durationMs) ms")
        facts.append("seed \(seed)")
        if reused { facts.append("file unchanged, verdict reused") }
        lines.append("  " + paint.dim(facts.joined(separator: " · ")))
        for d in diagnostics {
            let sev = d.severity == .error ? paint.red(d.severity.rawValue) : paint.yellow(d.severity.rawValue)
            lines.append("  \(d.file):\(d.line):\(d.column): \(sev): \(d.message)")
            for l in d.excerpt { lines.append("    " + l) }
        }
        if let f = failure {
            let group = f.group + (f.shrunk ? ", shrunk from a larger random case" : "")
            lines.append("  case \(f.case) (\(group))")
            lines.append("    input     " + Paint.clip(Paint.shapes(f.input.spacedText)))
            if let e = f.expected { lines.append("    expected  " + Paint.clip(Paint.shapes(e.spacedText))) }
            if let g = f.got { lines.append("    got       " + Paint.clip(Paint.shapes(g.spacedText))) }
            for m in f.message.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("    " + paint.yellow(String(m)))
            }
        }
        if let limit, failure == nil || !(failure!.message.contains(limit.words)) {
            lines.append("  stopped by the \(limit.words)")
        }
        if let growth, verdict != .tooSlow { lines.append("  " + growth) }
        for note in notes { lines.append("  " + paint.yellow("note: ") + note) }
        for note in sandbox { lines.append("  " + paint.yellow("sandbox: " + note)) }
        for (name, text) in [("stdout", stdout), ("stderr", stderr)] where !text.isEmpty {
            lines.append("  " + paint.dim("your \(name):"))
            for l in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20) {
                lines.append("  │ " + String(l))
            }
            let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if count > 20 { lines.append("  │ … \(count - 20) more lines") }
        }
        return lines.joined(separator: "\n")
    }
}

extension TryReport {
    /// The learner's output beside the reference output, and what differs.
    public func humanText(color: Bool) -> String {
        let paint = Paint(enabled: color)
        var lines: [String] = []
        if let invalidInput { return "invalid input: \(invalidInput)" }
        lines.append("input      " + Paint.clip(input.spacedText, 2000))
        lines.append("reference  " + (expected.map { Paint.clip($0.spacedText, 2000) } ?? "-"))
        lines.append("yours      " + (got.map { Paint.clip($0.spacedText, 2000) } ?? "-"))
        let verdictText = verdict == .passed ? paint.green("same") : paint.red(verdict.words)
        lines.append("verdict    " + verdictText + (learnerMs.map { "  (your function: \(Paint.number($0)) ms)" } ?? ""))
        for d in diagnostics {
            lines.append("  \(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message)")
            for l in d.excerpt { lines.append("    " + l) }
        }
        // A compile error's message repeats its first diagnostic: print it once.
        if !message.isEmpty, verdict != .compileError || diagnostics.isEmpty { lines.append(paint.yellow(message)) }
        if let limit { lines.append("stopped by the \(limit.words)") }
        for (name, text) in [("stdout", stdout), ("stderr", stderr)] where !text.isEmpty {
            lines.append(paint.dim("your \(name):"))
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).map { "│ " + $0 })
        }
        return lines.joined(separator: "\n")
    }
}

/// ANSI colouring that turns itself off.
struct Paint {
    var enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }

    /// "3" for 3.0, "2.5" for 2.5, at most 3 decimals.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        let scaled = (v * 1000).rounded() / 1000
        return String(scaled)
    }

    /// An elided array's shape ("‹1000000 integers›") without the JSON string quotes.
    static func shapes(_ s: String) -> String {
        s.replacingOccurrences(of: "\"‹", with: "‹").replacingOccurrences(of: "›\"", with: "›")
    }

    /// Long JSON cut to `limit` characters with a note.
    static func clip(_ s: String, _ limit: Int = 400) -> String {
        guard s.count > limit else { return s }
        return String(s.prefix(limit)) + " … (\(s.count - limit) more characters)"
    }
}
