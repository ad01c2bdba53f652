// Solution: encode each piece by repeatedly merging the present pair that was
// learned first (lowest index in merges), until no present pair was learned.

func encodeBPE(text: String, merges: [[Int]], regex: Bool) -> [Int] {
    var rank: [[Int]: Int] = [:]
    for (k, m) in merges.enumerated() where rank[m] == nil { rank[m] = k }
    let pieces = regex ? splitPieces(text) : [text]
    var out: [Int] = []
    for piece in pieces {
        var ids = Array(piece.utf8).map { Int($0) }
        while ids.count >= 2 {
            var best: Int? = nil
            for i in 0..<(ids.count - 1) {
                if let k = rank[[ids[i], ids[i + 1]]], best == nil || k < best! { best = k }
            }
            guard let k = best else { break }
            let pair = merges[k]
            var merged: [Int] = []
            var i = 0
            while i < ids.count {
                if i + 1 < ids.count && ids[i] == pair[0] && ids[i + 1] == pair[1] {
                    merged.append(256 + k); i += 2
                } else {
                    merged.append(ids[i]); i += 1
                }
            }
            ids = merged
        }
        out += ids
    }
    return out
}

/// The GPT-2 pieces of the text (the pretokenize exercise).
func splitPieces(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var pieces: [String] = []
    var i = 0
    while i < scalars.count {
        let end = splitPieceEnd(scalars, i)
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars[i..<end])
        pieces.append(String(piece))
        i = end
    }
    return pieces
}

/// 0 whitespace, 1 letter, 2 number, 3 anything else.
func splitClass(_ c: Unicode.Scalar) -> Int {
    if c.properties.isWhitespace { return 0 }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return 1
    case .decimalNumber, .letterNumber, .otherNumber: return 2
    default: return 3
    }
}

/// Where the piece starting at `i` ends.
func splitPieceEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int {
    let n = s.count
    // 1. Contractions (lowercase only).
    if s[i] == "'" && i + 1 < n {
        if "sdmt".unicodeScalars.contains(s[i + 1]) { return i + 2 }
        if i + 2 < n {
            let two = String(s[i + 1]) + String(s[i + 2])
            if two == "ll" || two == "ve" || two == "re" { return i + 3 }
        }
    }
    // 2-4. An optional space, then a run of letters, numbers or "other".
    var start = i
    if s[i] == " " && i + 1 < n && splitClass(s[i + 1]) != 0 { start = i + 1 }
    let cls = splitClass(s[start])
    if cls != 0 {
        var j = start + 1
        while j < n && splitClass(s[j]) == cls { j += 1 }
        return j
    }
    // 5. \s+(?!\S): the whitespace run, minus its last scalar if a non-space follows.
    var j = i + 1
    while j < n && splitClass(s[j]) == 0 { j += 1 }
    if j == n || j - i == 1 { return j }      // at the end, or 6. a single \s
    return j - 1
}
