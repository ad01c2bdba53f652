import Foundation

// word2vec/most-similar — see "Reading the map: cosine similarity" in the lesson.
//
// The k words with the largest cosine similarity to `word`, best first,
// `word` itself excluded; equal cosines: the lower index first.
//
// `word` is in vocab, no vector is all zeros, and 1 <= k <= vocab.count - 1:
// k = vocab.count - 1 ranks every other word. Cosines can be negative.

func mostSimilar(vectors: [[Double]], vocab: [String], word: String, k: Int) -> [String] {
    // TODO: rank the other words by cosine with the query word's vector.
    return []
}
