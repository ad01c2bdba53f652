// Split text into GPT-2 pieces (lesson section "Pre-tokenization").
//
//   '(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//
// Work over text.unicodeScalars, not over Characters. For each scalar c:
//   c.properties.isWhitespace            is \s
//   c.properties.generalCategory         tells letters (L*) and numbers (N*) apart
// The pieces must join back to exactly the text.
// Edge cases: "" gives []; whitespace alone ("   ") is one piece; "DON'T"
// gives ["DON", "'", "T"] because the contractions are lowercase only.

func pretokenize(text: String) -> [String] {
    // TODO: scan left to right; at each position try the six alternatives in order.
    return []
}
