extension JSONValue {
    /// JSON text with one member or element per line, indented by two spaces;
    /// arrays of numbers stay on one line.
    public var prettyText: String {
        var out = ""
        writeIndented(to: &out, indent: 0)
        return out
    }

    private func writeIndented(to out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        switch self {
        case .array(let items) where !items.isEmpty && !items.allSatisfy(\.isScalar):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.writeIndented(to: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += pad + JSONValue.string(key).compactText + ": "
                value.writeIndented(to: &out, indent: indent + 2)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            out += compactText
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
