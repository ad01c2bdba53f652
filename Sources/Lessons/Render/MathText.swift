/// Turns the TeX of a `$...$` span into Unicode text for a terminal.
///
/// A small subset of TeX math is understood: Greek letters, common operators
/// and relations, sub- and superscripts (`x_t` → xₜ, `x^2` → x², `h_{t-1}` →
/// hₜ₋₁ when every character has a Unicode script form, otherwise `h_(t,i)`),
/// `\frac{a}{b}` → a/b (or (a)/(b) when a side is not a single term),
/// `\sqrt{x}` → √x, accents (`\hat{x}` → x̂), `\mathbb{R}` → ℝ, `\text{...}`,
/// and named functions (`\exp`, `\log`, `\max` → words). Anything else keeps
/// its name without the backslash, so nothing is silently lost.
public enum MathText {
    /// The Unicode rendering of `tex`; whitespace runs collapse to one space.
    public static func unicode(_ tex: String) -> String {
        var reader = Reader(Array(tex))
        let raw = reader.sequence(until: nil)
        var out = ""
        var lastSpace = true
        for c in raw {
            if c == " " || c == "\t" || c == "\n" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// `text` in superscript characters, or nil when one of them has none.
    public static func superscript(_ text: String) -> String? { mapAll(text, superscripts) }

    /// `text` in subscript characters, or nil when one of them has none.
    public static func `subscript`(_ text: String) -> String? { mapAll(text, subscripts) }

    private static func mapAll(_ text: String, _ table: [Character: Character]) -> String? {
        var out = ""
        for c in text where c != " " {
            guard let m = table[c] else { return nil }
            out.append(m)
        }
        return out.isEmpty ? nil : out
    }

    /// True when `text` reads as one term (letters, digits, scripts, accents),
    /// so `\frac` and `\sqrt` need no parentheses around it.
    static func isSingleTerm(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "′" }
    }

    // MARK: reader

    private struct Reader {
        let chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }

        /// Renders until `terminator` (consumed) or the end.
        mutating func sequence(until terminator: Character?) -> String {
            var out = ""
            while i < chars.count {
                let c = chars[i]
                if let terminator, c == terminator { i += 1; return out }
                switch c {
                case "{":
                    i += 1
                    out += sequence(until: "}")
                case "}":
                    i += 1   // stray closing brace: drop it
                case "_", "^":
                    i += 1
                    let arg = argument()
                    out += script(arg, sup: c == "^")
                case "\\":
                    out += command()
                case "'":
                    i += 1
                    out += "′"
                case "-":
                    i += 1
                    out += "−"
                default:
                    i += 1
                    out.append(c)
                }
            }
            return out
        }

        /// The next argument: a `{group}`, a command, or one character.
        mutating func argument() -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            let c = chars[i]
            if c == "{" { i += 1; return sequence(until: "}") }
            if c == "\\" { return command() }
            i += 1
            return c == "-" ? "−" : String(c)
        }

        /// The raw text of the next `{group}` (for `\text`), or one character.
        mutating func rawArgument() -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            guard chars[i] == "{" else { i += 1; return String(chars[i - 1]) }
            var depth = 0
            var out = ""
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == "{" { depth += 1; if depth == 1 { continue } }
                if c == "}" { depth -= 1; if depth == 0 { break } }
                out.append(c)
            }
            return out
        }

        /// An optional `[...]` argument.
        mutating func optionalArgument() -> String? {
            guard i < chars.count, chars[i] == "[" else { return nil }
            i += 1
            return sequence(until: "]")
        }

        func script(_ text: String, sup: Bool) -> String {
            let trimmed = text.trimmingSpaces()
            if sup, trimmed == "T" || trimmed == "⊤" { return "ᵀ" }
            if let mapped = sup ? MathText.superscript(trimmed) : MathText.subscript(trimmed) { return mapped }
            // Keep the fallback group in one piece so a line break cannot split it.
            let mark = sup ? "^" : "_"
            let compact = trimmed.filter { $0 != " " }
            return compact.count == 1 ? mark + compact : mark + "(" + compact + ")"
        }

        mutating func command() -> String {
            i += 1   // the backslash
            guard i < chars.count else { return "\\" }
            let first = chars[i]
            guard first.isASCII, first.isLetter else {
                i += 1
                switch first {
                case ",", ";", ":", " ", ">": return " "
                case "!": return ""
                case "|": return "‖"
                case "\\": return " "
                default: return String(first)
                }
            }
            var name = ""
            while i < chars.count, chars[i].isASCII, chars[i].isLetter { name.append(chars[i]); i += 1 }
            return expand(name)
        }

        mutating func expand(_ name: String) -> String {
            if let s = MathText.symbols[name] { return s }
            if MathText.words.contains(name) { return name }
            switch name {
            case "frac", "dfrac", "tfrac":
                let a = argument().trimmingSpaces(), b = argument().trimmingSpaces()
                let num = MathText.isSingleTerm(a) ? a : "(" + a + ")"
                let den = MathText.isSingleTerm(b) ? b : "(" + b + ")"
                return num + "/" + den
            case "sqrt":
                let index = optionalArgument().map { MathText.superscript($0) ?? "(\($0))" } ?? ""
                let x = argument().trimmingSpaces()
                let bracketed = x.first == "(" && x.last == ")"
                return index + "√" + (MathText.isSingleTerm(x) || bracketed ? x : "(" + x + ")")
            case "text", "textrm", "mbox", "textit", "textbf", "texttt":
                return rawArgument()
            case "mathrm", "operatorname", "mathit", "mathbf", "boldsymbol", "bm", "mathsf", "mathtt":
                return argument()
            case "mathbb":
                let x = argument()
                return MathText.doubleStruck[x] ?? x
            case "mathcal", "mathscr":
                let x = argument()
                return MathText.script[x] ?? x
            case "left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "bigg", "Bigg":
                if i < chars.count, chars[i] == "." { i += 1 }
                return ""
            case "displaystyle", "textstyle", "limits", "nolimits":
                return ""
            default:
                if let mark = MathText.accents[name] {
                    let x = argument().trimmingSpaces()
                    return x.count == 1 ? x + String(mark) : name + "(" + x + ")"
                }
                return name
            }
        }
    }

    // MARK: tables

    static let words: Set<String> = [
        "exp", "log", "ln", "max", "min", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arg", "argmax",
        "argmin", "softmax", "det", "lim", "sup", "inf", "mod", "Pr", "sign", "sgn", "diag", "tr", "relu", "dim",
    ]

    static let accents: [String: Unicode.Scalar] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
        "tilde": "\u{0303}", "widetilde": "\u{0303}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}",
    ]

    static let doubleStruck: [String: String] = [
        "R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ", "1": "𝟙",
    ]

    static let script: [String: String] = [
        "L": "ℒ", "O": "𝒪", "N": "𝒩", "D": "𝒟", "H": "ℋ", "F": "ℱ", "B": "ℬ", "E": "ℰ", "M": "ℳ", "R": "ℛ",
    ]

    static let symbols: [String: String] = [
        // Greek, lower case
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        // Greek, upper case
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        // big operators
        "sum": "Σ", "prod": "∏", "int": "∫", "partial": "∂", "nabla": "∇",
        // binary operators
        "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "odot": "⊙", "otimes": "⊗",
        "oplus": "⊕", "circ": "∘", "star": "⋆", "ast": "∗", "bullet": "•", "setminus": "∖",
        "cup": "∪", "cap": "∩", "wedge": "∧", "vee": "∨", "land": "∧", "lor": "∨", "neg": "¬",
        // relations
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "propto": "∝", "ll": "≪", "gg": "≫", "in": "∈",
        "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "triangleq": "≜", "coloneqq": "≔",
        "perp": "⊥",
        // arrows
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "implies": "⇒",
        "Leftarrow": "⇐", "leftrightarrow": "↔", "iff": "⇔", "Leftrightarrow": "⇔", "mapsto": "↦",
        "uparrow": "↑", "downarrow": "↓",
        // misc
        "infty": "∞", "forall": "∀", "exists": "∃", "emptyset": "∅", "varnothing": "∅", "top": "⊤",
        "bot": "⊥", "prime": "′", "ell": "ℓ", "hbar": "ℏ", "ldots": "…", "dots": "…", "cdots": "⋯",
        "vdots": "⋮", "ddots": "⋱", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋",
        "lceil": "⌈", "rceil": "⌉", "lVert": "‖", "rVert": "‖", "Vert": "‖", "vert": "|", "lvert": "|",
        "rvert": "|", "mid": "|", "quad": " ", "qquad": " ", "colon": ":", "deg": "°", "angle": "∠",
        "lbrace": "{", "rbrace": "}", "checkmark": "✓",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎",
        "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ",
        "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ", "v": "ᵥ", "x": "ₓ",
        "β": "ᵦ", "γ": "ᵧ", "ρ": "ᵨ", "φ": "ᵩ", "χ": "ᵪ",
    ]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾",
        "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ", "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ",
        "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "n": "ⁿ", "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ",
        "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ", "z": "ᶻ",
        "A": "ᴬ", "B": "ᴮ", "D": "ᴰ", "E": "ᴱ", "G": "ᴳ", "H": "ᴴ", "I": "ᴵ", "J": "ᴶ", "K": "ᴷ",
        "L": "ᴸ", "M": "ᴹ", "N": "ᴺ", "O": "ᴼ", "P": "ᴾ", "R": "ᴿ", "T": "ᵀ", "U": "ᵁ", "V": "ⱽ", "W": "ᵂ",
        "α": "ᵅ", "β": "ᵝ", "γ": "ᵞ", "δ": "ᵟ", "ε": "ᵋ", "θ": "ᶿ", "ι": "ᶥ", "φ": "ᵠ", "χ": "ᵡ",
        "⊤": "ᵀ", "′": "′", "*": "*", "∗": "*",
    ]
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
