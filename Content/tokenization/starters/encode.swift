// Encode text with learned merges (lesson section "Encoding: merges in rank order").
// If regex is true, split the text into GPT-2 pieces first (copy your
// pretokenize scanner into this file) and encode each piece on its own.
// Within a piece: among the present pairs, merge the one with the lowest
// index in merges (it becomes 256 + index); repeat until none is in merges.
// Edge cases: "" gives []; with merges [] the answer is the UTF-8 bytes.

func encodeBPE(text: String, merges: [[Int]], regex: Bool) -> [Int] {
    // TODO: this returns the raw bytes, which is right only when nothing merges.
    return Array(text.utf8).map { Int($0) }
}
