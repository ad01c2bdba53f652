/// Formats rendered lines as text with ANSI SGR escape codes (for `lectern show`
/// on a colour terminal). Each run is wrapped in its codes and a reset, so a
/// line can be cut or printed alone without leaking style.
public enum ANSIFormatter {
    /// The line with escape codes; plain runs are written as is.
    public static func format(_ line: RenderedLine) -> String {
        var out = ""
        for run in line.runs where !run.text.isEmpty {
            let codes = self.codes(run.style)
            if codes.isEmpty {
                out += run.text
            } else {
                out += "\u{1B}[" + codes.joined(separator: ";") + "m" + run.text + "\u{1B}[0m"
            }
        }
        return out
    }

    /// SGR parameters for a style: attributes first, then the role's colour.
    static func codes(_ style: RunStyle) -> [String] {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if let colour = colour(style.role) { codes.append(colour) }
        return codes
    }

    /// The 8/16-colour foreground for a role (nil: the terminal's default).
    static func colour(_ role: TextRole) -> String? {
        switch role {
        case .text: return nil
        case .heading: return "36"
        case .code: return "33"
        case .math: return "36"
        case .link: return "34"
        case .url, .rule, .gutter, .quoteBar, .tableBorder, .comment: return "90"
        case .keyword: return "35"
        case .string: return "32"
        case .number: return "36"
        case .type: return "34"
        case .bullet: return "36"
        case .exercise: return "32"
        case .quiz: return "35"
        case .demo: return "34"
        case .error: return "31"
        }
    }
}
