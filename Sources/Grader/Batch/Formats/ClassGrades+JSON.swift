extension ClassGrades {
    /// `--format json`: the run, the exercises, and every row with its check report.
    public var jsonValue: JSONValue {
        .object([
            ("course", .string(courseTitle)),
            ("seed", seed <= UInt64(Int.max) ? .int(Int(seed)) : .string(String(seed))),
            ("build", .string(build)),
            ("interrupted", .bool(interrupted)),
            ("graded", .int(graded)), ("reused", .int(reused)),
            ("exercises", .array(exercises.map { e in
                .object([("id", .string(e.id)), ("kind", .string(e.kind)), ("title", .string(e.title)),
                         ("points", .double(e.points)), ("partial", .string(e.partial.description))])
            })),
            ("students", .array(students.map { s in
                .object([
                    ("student", .string(s.name)), ("score", .double(s.score)), ("maxScore", .double(s.maxScore)),
                    ("results", .array(s.rows.map { r in
                        .object([("exercise", .string(r.exercise)), ("verdict", .string(r.verdict)),
                                 ("score", .double(r.score)), ("maxScore", .double(r.maxScore)),
                                 ("file", r.file.map(JSONValue.string) ?? .null),
                                 ("fromGradebook", .bool(r.fromGradebook)),
                                 ("report", r.report?.jsonValue ?? .null)])
                    })),
                ])
            })),
        ])
    }
}
