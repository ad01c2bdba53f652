import Foundation

// word2vec/analogy — see "Analogies: directions that mean something".
//
// "a is to b as c is to ?": the word w, other than a, b and c, with the
// largest cos(w, unit(b) - unit(a) + unit(c)); ties: the lower index.

func analogy(vectors: [[Double]], vocab: [String], a: String, b: String, c: String) -> String {
    // TODO: build the query vector and search the vocabulary.
    return ""
}
