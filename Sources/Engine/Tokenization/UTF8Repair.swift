/// UTF-8 decoding that replaces each maximal invalid subpart by U+FFFD.
///
/// A BPE model can emit any byte sequence (a token may hold half of a
/// character), so decoding must accept invalid UTF-8. The Unicode Standard
/// (chapter 3, "U+FFFD Substitution of Maximal Subparts", and Table 3-7 of
/// well-formed byte sequences) and the WHATWG Encoding Standard's UTF-8
/// decoder agree on the rule that Python's `bytes.decode("utf-8", "replace")`
/// also follows:
///
/// ```
/// lead byte    second byte   third   fourth
/// 00..7F       -
/// C2..DF       80..BF
/// E0           A0..BF        80..BF
/// E1..EC       80..BF        80..BF
/// ED           80..9F        80..BF            (no surrogates)
/// EE..EF       80..BF        80..BF
/// F0           90..BF        80..BF  80..BF    (no overlong forms)
/// F1..F3       80..BF        80..BF  80..BF
/// F4           80..8F        80..BF  80..BF    (nothing above U+10FFFF)
/// ```
///
/// Read a lead byte, then as many following bytes as still fit the row. If
/// the row completes, emit its scalar. Otherwise the bytes read so far (at
/// least the lead) are one maximal subpart: emit one U+FFFD and start again
/// at the first byte that did not fit, without consuming it. A byte that
/// cannot start any row (80..BF, C0, C1, F5..FF) is a subpart by itself.
///
/// Examples: `E4 BD` (the first two bytes of 你) → one U+FFFD; `E4 41` → U+FFFD
/// then "A"; `C0 80` → two U+FFFD (C0 never starts a sequence); `ED A0 80`
/// → three U+FFFD (ED may not be followed by A0).
///
/// - Complexity: O(n).
public enum UTF8Repair {
    /// The text of `bytes`, with one U+FFFD per maximal invalid subpart.
    public static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                i += 1
                continue
            }
            // How many bytes follow the lead, and the allowed range of the second one.
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default:                                  // 80..BF, C0, C1, F5..FF
                scalars.append(replacement)
                i += 1
                continue
            }
            var value = UInt32(lead) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
            var j = i + 1
            var complete = true
            for k in 0..<need {
                guard j < n, bytes[j] >= (k == 0 ? low : 0x80), bytes[j] <= (k == 0 ? high : 0xBF) else {
                    complete = false
                    break
                }
                value = value << 6 | UInt32(bytes[j] & 0x3F)
                j += 1
            }
            if complete, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                scalars.append(replacement)           // bytes i..<j form one maximal subpart
            }
            i = j
        }
        return String(scalars)
    }

    private static let replacement: Unicode.Scalar = "\u{FFFD}"
}
