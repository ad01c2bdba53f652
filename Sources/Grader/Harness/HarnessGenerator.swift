/// Writes the `@main` file compiled beside a learner's file.
///
/// For `func maxSlidingWindow(nums: [Int], k: Int) -> [Int]` it produces:
///
/// ```swift
/// import LecternKit
/// import Tensor
/// @main enum __LecternHarness {
///     static func main() {
///         __lecternRun { __c in
///             let __a0 = try __lecternArgument([Int].self, __c["nums"], "nums")
///             let __a1 = try __lecternArgument(Int.self, __c["k"], "k")
///             var __r: [Int]? = nil
///             return __LecternCall(invoke: { __r = maxSlidingWindow(nums: __a0, k: __a1) },
///                                  output: { __lecternEncode(__r!) })
///         }
///     }
/// }
/// ```
///
/// Every harness name starts with `__lectern`/`__Lectern` and learner files
/// may not use that prefix (`reservedNameLine`), so a learner's `Case`,
/// `Result`, `run` or `main` never clashes and the harness cannot be replaced.
/// Timing happens inside LecternKit around `invoke` only, so decoding and
/// encoding are not charged to the learner.
enum HarnessGenerator {
    /// The file name of the generated harness in the build folder.
    static let fileName = "__lectern_harness.swift"

    static func source(for signature: Signature) -> String {
        var lines = ["import LecternKit", "import Tensor", ""]
        if !signature.supportTypes.isEmpty { lines.append(signature.supportTypes); lines.append("") }
        lines.append("@main enum __LecternHarness {")
        lines.append("    static func main() {")
        lines.append("        __lecternRun { __c in")
        for (i, p) in signature.parameters.enumerated() {
            let label = swiftString(p.label)
            lines.append("            let __a\(i) = try __lecternArgument(\(p.type).self, __c[\(label)], \(label))")
        }
        let args = signature.parameters.enumerated().map { "\($1.label): __a\($0)" }.joined(separator: ", ")
        lines.append("            var __r: \(signature.returns)? = nil")
        lines.append("            return __LecternCall(invoke: { __r = \(signature.function)(\(args)) },")
        lines.append("                                 output: { __lecternEncode(__r!) })")
        lines.append("        }")
        lines.append("    }")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first line (1-based) of `source` that uses a name reserved for the
    /// harness, or nil.
    static func reservedNameLine(in source: String) -> Int? {
        for (n, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("__lectern") || line.contains("__Lectern") || line.contains("LecternKit") { return n + 1 }
        }
        return nil
    }

    static func swiftString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
