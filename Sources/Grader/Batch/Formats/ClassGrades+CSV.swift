extension ClassGrades {
    /// `--format csv`: a header (`student`, each exercise id, `total`), then one
    /// row per student with the points earned; RFC 4180 (CRLF line ends, a field
    /// holding a comma, quote or line break is quoted, quotes doubled). A field
    /// that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a
    /// leading apostrophe.
    public var csv: String {
        var lines = [(["student"] + exercises.map(\.id) + ["total"]).map(Self.csvField).joined(separator: ",")]
        for s in students {
            let cells = exercises.map { e in s.rows.first { $0.exercise == e.id }.map { formatScore($0.score) } ?? "" }
            lines.append(([Self.csvField(s.name)] + cells + [formatScore(s.score)]).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        var t = text
        if let first = t.first, "=+-@".contains(first) { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
