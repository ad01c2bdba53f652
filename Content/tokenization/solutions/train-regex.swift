// Solution: BPE within the pieces of the GPT-2 split pattern. Pairs are
// counted inside each piece and summed; a tie goes to the pair seen first
// scanning the pieces left to right; a merge never joins two pieces.

func trainBPERegex(text: String, vocabSize: Int) -> [[Int]] {
    var pieces = splitPieces(text).map { Array($0.utf8).map { Int($0) } }
    var merges: [[Int]] = []
    while 256 + merges.count < vocabSize {
        var order: [[Int]] = []
        var count: [[Int]: Int] = [:]
        for piece in pieces where piece.count >= 2 {
            for i in 0..<(piece.count - 1) {
                let pair = [piece[i], piece[i + 1]]
                if count[pair] == nil { order.append(pair) }
                count[pair, default: 0] += 1
            }
        }
        guard var best = order.first else { break }        // every piece is a single token
        for pair in order where count[pair]! > count[best]! { best = pair }
        let newId = 256 + merges.count
        merges.append(best)
        for p in pieces.indices where pieces[p].count >= 2 {
            var out: [Int] = []
            var i = 0
            while i < pieces[p].count {
                if i + 1 < pieces[p].count && pieces[p][i] == best[0] && pieces[p][i + 1] == best[1] {
                    out.append(newId); i += 2
                } else {
                    out.append(pieces[p][i]); i += 1
                }
            }
            pieces[p] = out
        }
    }
    return merges
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
