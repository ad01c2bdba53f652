/// How many terminal cells text takes: East Asian wide and fullwidth
/// characters and emoji take 2, combining marks and zero-width characters 0,
/// everything else 1 (as `wcwidth` does, per Unicode UAX #11).
public enum DisplayWidth {
    /// Cells taken by one scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        let props = scalar.properties
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }   // zero width space, Hangul medial vowels
        if isWide(v) { return 2 }
        if props.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells taken by one grapheme cluster: the widest base, with a variation
    /// selector 16 (emoji presentation) widening to 2.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var first = true
        for s in character.unicodeScalars {
            if s.value == 0xFE0F { width = max(width, 2); continue }
            if first { width = of(s); first = false } else if s.value == 0x200D { break }
        }
        return width
    }

    /// Cells taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        // ASCII text: one column per printable byte ("\r\n" and other controls take none).
        var ascii = 0
        var allASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte >= 0x20 && byte != 0x7F { ascii += 1 }
        }
        if allASCII { return ascii }
        var total = 0
        // Rules and box edges repeat one character: look its width up once.
        var last: (character: Character, width: Int)?
        for c in text {
            if c.isASCII { total += (c.asciiValue! >= 0x20 && c.asciiValue! != 0x7F) ? 1 : 0; continue }
            if let last, last.character == c { total += last.width; continue }
            let w = of(c)
            last = (c, w)
            total += w
        }
        return total
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F1E6...0x1F1FF,
             0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
             0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
