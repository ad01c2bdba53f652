extension ClassGrades {
    /// Gradescope's `results.json` for one student: `score`, `max_score`,
    /// `output`, and `tests` with `name`, `score`, `max_score`, `status`,
    /// `output` and `visibility` (the structure of Gradescope's autograder
    /// specification). With several students, an object of these by student name.
    public var gradescopeJSON: JSONValue {
        if students.count == 1 { return Self.gradescope(students[0], exercises: exercises) }
        return .object(students.map { ($0.name, Self.gradescope($0, exercises: exercises)) })
    }

    static func gradescope(_ student: StudentGrades, exercises: [GradedExercise]) -> JSONValue {
        let titles = Dictionary(exercises.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let passed = student.rows.filter(\.passed).count
        return .object([
            ("score", .double(student.score)),
            ("max_score", .double(student.maxScore)),
            ("output", .string("\(passed) of \(student.rows.count) exercises passed; "
                               + "\(formatScore(student.score)) of \(formatScore(student.maxScore)) points.")),
            ("visibility", .string("visible")),
            ("stdout_visibility", .string("hidden")),
            ("tests", .array(student.rows.map { r in
                .object([
                    ("name", .string(titles[r.exercise].map { "\(r.exercise): \($0)" } ?? r.exercise)),
                    ("score", .double(r.score)),
                    ("max_score", .double(r.maxScore)),
                    ("status", .string(r.passed ? "passed" : "failed")),
                    ("output", .string(r.passed ? r.summary : r.failureText)),
                    ("visibility", .string("visible")),
                ])
            })),
        ])
    }
}
