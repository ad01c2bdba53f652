/// The report formats of `lectern grade --format`.
public enum GradeFormat: String, CaseIterable, Sendable {
    /// Everything: every row with its full check report.
    case json
    /// JUnit XML: one `testsuite` per student, one `testcase` per exercise.
    case junit
    /// Gradescope's `results.json` (one student), or an object of them by student name.
    case gradescope
    /// One row per student, one column per exercise plus the total (RFC 4180).
    case csv

    /// Renders `grades` in this format.
    public func render(_ grades: ClassGrades) -> String {
        switch self {
        case .json: return grades.jsonValue.prettyText + "\n"
        case .junit: return grades.junitXML
        case .gradescope: return grades.gradescopeJSON.prettyText + "\n"
        case .csv: return grades.csv
        }
    }
}

extension GradeRow {
    /// What went wrong, for a person: the summary, then the (shrunk) failing
    /// case, with long arrays as their shape and long values clipped as
    /// `lectern check` shows them.
    public var failureText: String {
        guard let report else { return summary }
        var lines = [summary]
        if let f = report.failure {
            func shown(_ v: JSONValue) -> String { Paint.clip(Paint.shapes(v.compactText)) }
            lines.append("case \(f.case) (\(f.group))\(f.shrunk ? ", shrunk" : ""): input \(shown(f.input))")
            if let e = f.expected { lines.append("expected: \(shown(e))") }
            if let g = f.got { lines.append("got: \(shown(g))") }
            if !f.message.isEmpty { lines.append(f.message) }
        }
        for d in report.diagnostics.prefix(5) {
            lines.append("\(d.file):\(d.line):\(d.column): \(d.severity): \(d.message)")
        }
        if let g = report.growth { lines.append(g) }
        if !report.groups.isEmpty {
            lines.append("groups: " + report.groups.map { "\($0.group) \($0.passed)/\($0.total)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
