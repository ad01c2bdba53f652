// Train byte-level BPE on the whole text as one sequence (lesson sections
// "Training" and "The worked example"). Start from the UTF-8 bytes
// (Array(text.utf8)); merge k creates id 256 + k; return the merges [a, b]
// in order. Tie: the pair whose first occurrence is earliest. Stop early
// when no pair is left.
// Edge cases: "" or a one-byte text gives []; vocabSize 256 gives [];
// "aaaaaaaa" stops after 3 merges, when one token is left.

func trainBPE(text: String, vocabSize: Int) -> [[Int]] {
    // TODO: count pairs, pick the best, merge, repeat vocabSize - 256 times.
    return []
}
