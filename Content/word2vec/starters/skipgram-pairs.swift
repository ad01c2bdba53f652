// word2vec/skipgram-pairs — see "Skip-gram: predict the neighbours" in the lesson.
//
// For each position i (in order) and each j from i - window to i + window,
// clipped to the sentence, with j != i (ascending), emit [ids[i], ids[j]].
// Edge cases: ids = [] or window = 0 gives []; a single word gives []; a
// window longer than the sentence is clipped; repeated ids still pair.

func skipgramPairs(ids: [Int], window: Int) -> [[Int]] {
    // TODO: build the (center, context) pairs.
    return []
}
