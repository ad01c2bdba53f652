// Solution: expand ids to bytes through the merges, then decode UTF-8 by hand,
// replacing each maximal invalid subpart with one U+FFFD.

func decodeBPE(ids: [Int], merges: [[Int]]) -> String {
    var vocab: [[UInt8]] = (0..<256).map { [UInt8($0)] }
    for m in merges { vocab.append(vocab[m[0]] + vocab[m[1]]) }
    var bytes: [UInt8] = []
    for id in ids { bytes += vocab[id] }

    var text = String.UnicodeScalarView()
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 { text.append(Unicode.Scalar(b)); i += 1; continue }
        // Continuation bytes needed, and the allowed range of the first one.
        var need = 0, low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: text.append("\u{FFFD}"); i += 1; continue     // can never start a character
        }
        var value = UInt32(b) & (0xFF >> (need + 2))
        var j = i + 1
        var ok = true
        for k in 0..<need {
            let lo: UInt8 = k == 0 ? low : 0x80, hi: UInt8 = k == 0 ? high : 0xBF
            guard j < bytes.count, bytes[j] >= lo, bytes[j] <= hi else { ok = false; break }
            value = value << 6 | UInt32(bytes[j] & 0x3F)
            j += 1
        }
        text.append(ok ? Unicode.Scalar(value)! : "\u{FFFD}")
        i = j          // a failed sequence resumes at the byte that did not fit
    }
    return String(text)
}
