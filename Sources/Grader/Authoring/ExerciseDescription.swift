import Tensor

/// `lectern describe ID`: an exercise kind's contract, generated from the
/// registry so it cannot drift from what the grader does: the Swift
/// signature, the JSON input and output with their types, how answers are
/// compared, the case groups, the performance rule and the sandbox limits,
/// and the first worked example with the reference's answer.
public enum ExerciseDescription {
    /// The description of `spec` as text for a person.
    public static func text(_ spec: ExerciseSpec, limits: SandboxLimits = SandboxLimits()) -> String {
        var lines: [String] = []
        lines.append("\(spec.id)")
        lines.append("")
        lines.append("Signature (write this function; the argument labels are the JSON field names):")
        lines.append("  " + spec.signature.declaration)
        if !spec.signature.supportTypes.isEmpty {
            lines.append("")
            lines.append("Types the harness declares for you:")
            lines += spec.signature.supportTypes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        lines.append("")
        lines.append("Input: one JSON object per case")
        for p in spec.signature.parameters {
            lines.append("  \"\(p.label)\": \(jsonType(p.type))   (Swift \(p.type))")
        }
        lines.append("Output: \(jsonType(spec.signature.returns))   (Swift \(spec.signature.returns))")
        lines.append("")
        lines.append("Comparison: " + comparison(spec.comparison))
        lines.append("")
        lines.append("Case groups (seed 42; a course grades with its own seed):")
        var rng = SeededRandom(seed: 42)
        let groups = spec.generate(&rng)
        for g in groups { lines.append("  \(g.kind.rawValue): \(g.cases.count) case(s)") }
        if let perf = spec.performance {
            var prng = SeededRandom(seed: 42 &+ 0x5EED)
            let n = perf.cases(&prng).count
            lines.append("  performance: \(n) large case(s), each within \(format(perf.slack))× the reference's time; "
                         + "a slower solution gets too_slow with its growth in \(perf.sizeName)")
        }
        let l = limits.applying(spec.limits)
        lines.append("")
        lines.append("Limits: CPU \(format(l.cpuSeconds)) s, wall \(format(l.wallSeconds)) s, memory \(l.memoryBytes >> 20) MiB, "
                     + "output \(l.outputSoftBytes >> 10) KiB shown, \(l.outputHardBytes >> 20) MiB at most, "
                     + "files \(l.fileSizeBytes >> 20) MiB each and \(l.folderBytes >> 20) MiB in all")
        if let example = groups.first(where: { $0.kind == .example })?.cases.first {
            lines.append("")
            lines.append("Example case and the reference's answer (`lectern reference \(spec.id)` answers any case):")
            lines.append("  input:  " + clipped(example.spacedText))
            if let out = try? spec.reference(example) { lines.append("  output: " + clipped(out.spacedText)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The same facts as JSON.
    public static func json(_ spec: ExerciseSpec, limits: SandboxLimits = SandboxLimits()) -> JSONValue {
        var rng = SeededRandom(seed: 42)
        let groups = spec.generate(&rng)
        let l = limits.applying(spec.limits)
        var compare: [(String, JSONValue)] = []
        switch spec.comparison {
        case .standard(let rtol, let atol):
            compare = [("kind", .string("standard")), ("rtol", .double(rtol)), ("atol", .double(atol))]
        case .custom:
            compare = [("kind", .string("custom"))]
        }
        compare.append(("rule", .string(comparison(spec.comparison))))
        return .object([
            ("id", .string(spec.id)),
            ("signature", .string(spec.signature.declaration)),
            ("supportTypes", .string(spec.signature.supportTypes)),
            ("input", .array(spec.signature.parameters.map { p in
                .object([("field", .string(p.label)), ("swift", .string(p.type)), ("json", .string(jsonType(p.type)))])
            })),
            ("output", .object([("swift", .string(spec.signature.returns)), ("json", .string(jsonType(spec.signature.returns)))])),
            ("comparison", .object(compare)),
            ("groups", .object(groups.map { ($0.kind.rawValue, .int($0.cases.count)) })),
            ("performance", spec.performance.map { p in
                .object([("slack", .double(p.slack)), ("sizeName", .string(p.sizeName))])
            } ?? .null),
            ("limits", .object([("cpuSeconds", .double(l.cpuSeconds)), ("wallSeconds", .double(l.wallSeconds)),
                                ("memoryBytes", .int(l.memoryBytes))])),
        ])
    }

    /// The JSON shape of a Swift type as the harness reads or writes it.
    static func jsonType(_ swift: String) -> String {
        let t = swift.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("["), t.hasSuffix("]") {
            let inner = String(t.dropFirst().dropLast())
            if let colon = inner.firstIndex(of: ":") {
                return "object of \(jsonType(String(inner[inner.index(after: colon)...])))"
            }
            return "array of \(plural(jsonType(inner)))"
        }
        if t.hasSuffix("?") { return jsonType(String(t.dropLast())) + " or null" }
        if t.hasPrefix("(") { return "array (a tuple \(t))" }
        switch t {
        case "Int": return "integer"
        case "Double", "Float": return "number"
        case "String": return "string"
        case "Bool": return "boolean"
        case "Matrix": return "object {rows, cols, storage} (Tensor's Matrix)"
        default: return "object \(t) (see its declaration)"
        }
    }

    static func plural(_ t: String) -> String {
        for word in ["integer", "number", "string", "boolean", "array"] where t.hasPrefix(word + " ") || t == word {
            return word + "s" + t.dropFirst(word.count)
        }
        return t
    }

    static func comparison(_ c: Comparison) -> String {
        switch c {
        case .standard(let rtol, let atol):
            return "integers, strings and booleans exactly; reals with |got - expected| <= \(atol) + \(rtol)·|expected|; "
                + "shapes (array lengths) exactly; NaN only matches NaN"
        case .custom:
            return "several answers are right: yours is checked for validity and for being as good as the reference's "
                + "(the message names what is wrong)"
        }
    }

    static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    static func clipped(_ s: String, max: Int = 400) -> String {
        s.count <= max ? s : String(s.prefix(max)) + " …"
    }
}
