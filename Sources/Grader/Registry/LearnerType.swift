/// The learner-side declaration of an Engine result type, generated from the
/// Engine type itself so each field is declared once.
///
/// A result with several fields (`{h, c}`, `{loss, grads}`) is a `Codable`
/// struct in the Engine. The harness and the starter need the same struct
/// spelled in Swift source; this reads the fields of a sample value with
/// `Mirror` and writes that source, so the Engine type, the harness and the
/// workspace's `Support/` file cannot disagree. `Matrix` fields are spelled
/// `[[Double]]` (Matrix encodes as an array of rows, and learners' signatures
/// use plain arrays).
///
///     LearnerType.declaration(of: RNN.LSTMState(h: [], c: []), named: "LSTMState")
///     // struct LSTMState: Codable {
///     //     var h: [Double]
///     //     var c: [Double]
///     // }
public enum LearnerType {
    /// Swift source of a `Codable` struct with the stored properties of `sample`,
    /// in declaration order.
    ///
    /// - Parameters:
    ///   - sample: any value of the Engine type (its contents are ignored).
    ///   - name: the learner-side type name; defaults to the Engine type's own name.
    ///   - notes: a trailing comment per field (`["dwih": "H×I"]`).
    public static func declaration<T: Encodable>(of sample: T, named name: String? = nil,
                                                 notes: [String: String] = [:]) -> String {
        let typeName = name ?? String(describing: T.self)
        var lines = ["struct \(typeName): Codable {"]
        for child in Mirror(reflecting: sample).children {
            guard let label = child.label else { continue }
            let spelled = swiftSpelling(of: type(of: child.value))
            let note = notes[label].map { "  // \($0)" } ?? ""
            lines.append("    var \(label): \(spelled)\(note)")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// `Array<Array<Double>>` → `[[Double]]`, `Optional<Int>` → `Int?`, `Matrix` → `[[Double]]`.
    static func swiftSpelling(of type: Any.Type) -> String { sugar(String(describing: type)) }

    /// Rewrites generic spellings of arrays, optionals and dictionaries as sugar.
    static func sugar(_ text: String) -> String {
        func inner(_ s: Substring, prefix: String) -> Substring? {
            guard s.hasPrefix(prefix), s.hasSuffix(">") else { return nil }
            return s.dropFirst(prefix.count).dropLast()
        }
        let s = Substring(text)
        if let element = inner(s, prefix: "Array<") { return "[\(sugar(String(element)))]" }
        if let wrapped = inner(s, prefix: "Optional<") { return "\(sugar(String(wrapped)))?" }
        if let pair = inner(s, prefix: "Dictionary<"), let comma = pair.firstIndex(of: ",") {
            let key = pair[..<comma].trimmingCharacters(in: .whitespaces)
            let value = pair[pair.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            return "[\(sugar(key)): \(sugar(value))]"
        }
        if text == "Matrix" { return "[[Double]]" }
        return text
    }
}
