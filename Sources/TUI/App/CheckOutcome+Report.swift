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
        translatedSummaries["zh"] = Self.chineseSummary(report)
    }

    /// The summary line in Chinese, from the report's fields (the numbers and
    /// any compiler or trap text stay as they are).
    static func chineseSummary(_ r: CheckReport) -> String {
        let groups = ["example": "示例", "edge": "边界", "hidden": "隐藏", "performance": "性能"]
        let counted = "通过 \(r.cases.passed)/\(r.cases.total) 个用例"
        let place = r.failure.map { "第 \($0.case) 个用例（\(groups[$0.group] ?? $0.group)）" } ?? ""
        let limit = r.limit.map { l -> String in
            let names: [LimitHit.Name: String] = [.cpuTime: "CPU 时间", .wallTime: "墙钟时间", .memory: "内存",
                                                  .output: "输出", .processes: "进程"]
            let v = l.value == l.value.rounded() ? String(Int(l.value)) : String(l.value)
            return "\(names[l.name] ?? l.name.rawValue)上限 \(v) \(l.unit)"
        }
        switch r.verdict {
        case .passed: return "全部 \(r.cases.total) 个用例通过"
        case .wrongAnswer: return "\(place)答案错误；\(counted)"
        case .compileError:
            let first = r.diagnostics.first { $0.severity == .error } ?? r.diagnostics.first
            return first.map { $0.line > 0 ? "编译错误：第 \($0.line) 行：\($0.message)" : "编译错误：\($0.message)" } ?? "编译错误"
        case .runtimeError: return "\(place)运行时出错；\(counted)"
        case .timeout: return "\(place)超时" + (limit.map { "（\($0)）" } ?? "") + "；\(counted)"
        case .memoryLimit: return "\(place)超出内存限制" + (limit.map { "（\($0)）" } ?? "")
        case .outputLimit: return "\(place)输出超出限制" + (limit.map { "（\($0)）" } ?? "")
        case .tooSlow: return "太慢：答案都对，但耗时超出参考实现的允许倍数；\(counted)" + (r.growth.map { "。\($0)" } ?? "")
        case .internalError: return "Lectern 自身出错（不是你的问题）：\(r.summary)"
        }
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
