import Grader

extension CheckOutcome {
    /// The verdict overlay's content for a grader report: the report's one-line
    /// summary, then the rest of `lectern check`'s text (score and cases,
    /// diagnostics, the shrunk case with expected and got, the limit, the
    /// learner's output) as details. The overlay's title line already names
    /// the verdict and the exercise, so the text's first line is dropped.
    public init(report: CheckReport) {
        let lines = report.humanText(color: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.init(verdict: report.verdict.rawValue, passed: report.verdict == .passed, score: report.score,
                  maxScore: report.maxScore, summary: report.summary, details: Array(lines.dropFirst()))
    }

    /// Phase text for the status bar.
    public static func describe(_ phase: CheckPhase) -> String {
        switch phase {
        case .preparingToolkit: CheckPhase.toolkitMessage
        case .compiling: "compiling"
        case .running(let done, let total): "running \(done)/\(total)"
        case .comparing: "comparing"
        }
    }
}
