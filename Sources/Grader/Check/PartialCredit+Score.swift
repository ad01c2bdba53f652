import Lessons

extension PartialCredit {
    /// The score of a report under this rule: all of `points` when the verdict
    /// is `passed`; otherwise points × (weight of the groups passed in full) /
    /// (weight of every group present). A compile error (no groups) scores 0.
    ///
    /// Example: `.equalGroups`, 3 points, example 3/3, edge 5/5, hidden 47/47,
    /// performance 0/3 (an O(n·k) deque) → 3 × 3/4 = 2.25.
    public func score(_ report: CheckReport, points: Double) -> Double {
        if report.verdict == .passed { return points }
        if report.verdict == .internalError { return 0 }
        let present = report.groups.filter { $0.total > 0 }
        let total = present.reduce(0) { $0 + weight(of: $1.group) }
        guard total > 0 else { return 0 }
        let earned = present.filter(\.complete).reduce(0) { $0 + weight(of: $1.group) }
        return points * earned / total
    }
}
