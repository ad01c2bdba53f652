// word2vec/skipgram-pairs — see "Skip-gram: predict the neighbours" in the lesson.
//
// For each position i (in order) and each j from i - window to i + window,
// clipped to the sentence, with j != i (ascending), emit [ids[i], ids[j]].

func skipgramPairs(ids: [Int], window: Int) -> [[Int]] {
    // TODO: build the (center, context) pairs.
    return []
}
