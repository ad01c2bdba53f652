// Train BPE inside GPT-2 pieces (lesson section "Pre-tokenization: why merges
// stay within pieces"). Split the text as in the pretokenize exercise (copy
// your scanner into this file), count pairs inside every piece and sum them,
// break ties by the first occurrence scanning pieces left to right, and merge
// inside each piece. Stop early when every piece is a single token.
// Edge cases: "" gives []; vocabSize 256 gives []; a text whose pieces are
// all one byte long ("1a2b" splits into "1", "a", "2", "b") gives [].

func trainBPERegex(text: String, vocabSize: Int) -> [[Int]] {
    // TODO
    return []
}
