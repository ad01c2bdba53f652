/// The GPT-2 pre-tokenizer: splits text into pieces that BPE merges never cross.
///
/// GPT-2 (Radford et al. 2019, "Language Models are Unsupervised Multitask
/// Learners", §2.2) splits text with this pattern before byte-level BPE, so
/// that merges stay inside words, numbers and punctuation runs:
///
/// ```
/// '(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
/// ```
///
/// This file is a hand-written scanner for exactly that pattern, matched left
/// to right over Unicode scalars (as Python's `regex`, tiktoken and
/// `NSRegularExpression` do), not over Swift `Character`s. At each position
/// the first alternative that matches wins, as in any backtracking regex:
///
/// 1. an apostrophe and a lowercase contraction: `'s 'd 'm 't 'll 've 're`;
/// 2. an optional ASCII space, then a run of letters (`\p{L}`: categories L*);
/// 3. an optional space, then a run of numbers (`\p{N}`: categories N*);
/// 4. an optional space, then a run of "other" scalars (not White_Space, L or N);
/// 5. `\s+(?!\S)`: a whitespace run that is not followed by a non-space. The
///    greedy run backtracks one scalar when a non-space follows, so a run of
///    n ≥ 2 spaces before a word gives n-1 spaces here and leaves the last one
///    to glue onto the word (alternative 2); at the end of the text the whole
///    run matches;
/// 6. `\s+`: only reached for a single whitespace scalar before a non-space
///    that alternatives 2-4 could not take (e.g. a tab before a word).
///
/// Example: `"Hello  world's 42\n"` → `["Hello", " ", " world", "'s", " 42", "\n"]`.
///
/// - Complexity: O(n) in the number of scalars; each scalar is classified once
///   and every alternative only moves forward (the look-ahead backtracks by at
///   most one scalar).
public enum GPT2Pretokenizer {
    /// What the pattern needs to know about one scalar.
    enum Kind: UInt8, Sendable {
        case space        // U+0020 itself: the optional prefix of alternatives 2-4
        case whitespace   // any other White_Space scalar
        case letter       // L*
        case number       // N*
        case other        // everything else, including the apostrophe
    }

    /// The pieces of `text`, as strings; they concatenate to `text`.
    public static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return byteRanges(text).map { range in
            String(decoding: bytes[range], as: UTF8.self)
        }
    }

    /// The pieces of `text` as ranges of its UTF-8 bytes, in order, covering every byte.
    public static func byteRanges(_ text: String) -> [Range<Int>] {
        // Classify every scalar once; remember where its bytes start.
        var kinds: [Kind] = []          // [S]
        var values: [UInt32] = []       // [S]
        var offsets: [Int] = []         // [S + 1], byte offset of each scalar
        kinds.reserveCapacity(text.utf8.count)
        values.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            kinds.append(kind(of: scalar))
            values.append(scalar.value)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var ranges: [Range<Int>] = []
        var i = 0
        let n = kinds.count
        while i < n {
            let end = matchEnd(at: i, kinds: kinds, values: values)
            ranges.append(offsets[i]..<offsets[end])
            i = end
        }
        return ranges
    }

    /// The scalar index just past the piece that starts at `i`.
    static func matchEnd(at i: Int, kinds: [Kind], values: [UInt32]) -> Int {
        let n = kinds.count
        // 1. Contractions, lowercase only, exactly as written in the pattern.
        if values[i] == 0x27, i + 1 < n {
            switch values[i + 1] {
            case 0x73, 0x64, 0x6D, 0x74: return i + 2                      // s d m t
            case 0x6C where i + 2 < n && values[i + 2] == 0x6C: return i + 3  // ll
            case 0x76 where i + 2 < n && values[i + 2] == 0x65: return i + 3  // ve
            case 0x72 where i + 2 < n && values[i + 2] == 0x65: return i + 3  // re
            default: break
            }
        }
        // 2-4. An optional space, then a run of one class. The space is taken
        // only when a scalar of the class follows (otherwise ` ?` backtracks to
        // empty, and a space is not in any of the three classes).
        var start = i
        if kinds[i] == .space, i + 1 < n { start = i + 1 }
        let runKind = kinds[start]
        if runKind == .letter || runKind == .number || runKind == .other {
            var j = start + 1
            while j < n && kinds[j] == runKind { j += 1 }
            return j
        }
        // 5-6. Whitespace (kinds[i] is .space or .whitespace here).
        var j = i + 1
        while j < n && (kinds[j] == .space || kinds[j] == .whitespace) { j += 1 }
        if j == n { return j }            // end of text: (?!\S) holds
        if j - i >= 2 { return j - 1 }    // give the last one back to the next piece
        return j                          // alternative 6: a single whitespace scalar
    }

    /// ASCII kinds, looked up instead of asking the Unicode tables.
    private static let asciiKinds: [Kind] = (0..<128).map { v in
        kindFromProperties(Unicode.Scalar(UInt8(v)))
    }

    @inline(__always) static func kind(of scalar: Unicode.Scalar) -> Kind {
        if scalar.value < 128 { return asciiKinds[Int(scalar.value)] }
        return kindFromProperties(scalar)
    }

    static func kindFromProperties(_ scalar: Unicode.Scalar) -> Kind {
        if scalar.value == 0x20 { return .space }
        let p = scalar.properties
        if p.isWhitespace { return .whitespace }     // the White_Space property
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .decimalNumber, .letterNumber, .otherNumber:
            return .number
        default:
            return .other
        }
    }
}
