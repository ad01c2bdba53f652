import Foundation

extension ClassGrades {
    /// `--format junit`: `<testsuites>` with one `<testsuite>` per student and
    /// one `<testcase>` per exercise (`classname` is the student). A row that did
    /// not pass has a `<failure type="VERDICT" message="SUMMARY">` whose text is
    /// the shrunk case, expected and got, or the compiler's diagnostics; a missing
    /// file is `type="missing"`; the tool's own fault is an `<error>`. Scores are
    /// `<properties>` of the suite.
    public var junitXML: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = students.flatMap(\.rows)
        let errors = all.filter { $0.report?.verdict == .internalError }.count
        let failures = all.filter { !$0.passed }.count - errors
        out += "<testsuites name=\"\(Self.xml(courseTitle))\" tests=\"\(all.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for s in students {
            let e = s.rows.filter { $0.report?.verdict == .internalError }.count
            let f = s.rows.filter { !$0.passed }.count - e
            let time = Double(s.rows.reduce(0) { $0 + ($1.report?.durationMs ?? 0) }) / 1000
            out += "  <testsuite name=\"\(Self.xml(s.name))\" tests=\"\(s.rows.count)\" failures=\"\(f)\" errors=\"\(e)\" skipped=\"0\" time=\"\(String(format: "%.3f", time))\">\n"
            out += "    <properties>\n"
            out += "      <property name=\"score\" value=\"\(formatScore(s.score))\"/>\n"
            out += "      <property name=\"max_score\" value=\"\(formatScore(s.maxScore))\"/>\n"
            out += "    </properties>\n"
            for r in s.rows {
                let t = Double(r.report?.durationMs ?? 0) / 1000
                out += "    <testcase name=\"\(Self.xml(r.exercise))\" classname=\"\(Self.xml(s.name))\" time=\"\(String(format: "%.3f", t))\""
                if r.passed { out += "/>\n"; continue }
                let tag = r.report?.verdict == .internalError ? "error" : "failure"
                out += ">\n      <\(tag) type=\"\(r.verdict)\" message=\"\(Self.xml(r.summary))\">"
                out += Self.xml(r.failureText + "\nscore \(formatScore(r.score)) of \(formatScore(r.maxScore))")
                out += "</\(tag)>\n"
                if let report = r.report, !report.stdout.isEmpty {
                    out += "      <system-out>\(Self.xml(report.stdout))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Text escaped for XML 1.0 content and attributes; characters XML 1.0 cannot
    /// hold (most control characters) become U+FFFD.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) || (0xD800...0xDFFF).contains(v) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
