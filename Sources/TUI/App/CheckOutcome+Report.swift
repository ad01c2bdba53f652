import Grader

extension CheckOutcome {
    /// The verdict overlay's content for a grader report: the first line of
    /// `lectern check`'s text as the summary, the rest (diagnostics, the shrunk
    /// case with expected and got, the limit, the learner's output) as details.
    public init(report: CheckReport) {
        var lines = report.humanText(color: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines.isEmpty ? report.summary : lines.removeFirst()
        self.init(verdict: report.verdict.rawValue, passed: report.verdict == .passed, score: report.score,
                  maxScore: report.maxScore, summary: head, details: lines)
    }

    /// Phase text for the status bar.
    public static func describe(_ phase: CheckPhase) -> String {
        switch phase {
        case .compiling: "compiling"
        case .running(let done, let total): "running \(done)/\(total)"
        case .comparing: "comparing"
        }
    }
}
