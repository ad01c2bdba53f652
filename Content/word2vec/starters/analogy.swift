import Foundation

// word2vec/analogy — see "Analogies: directions that mean something".
//
// "a is to b as c is to ?": the word w, other than a, b and c, with the
// largest cos(w, unit(b) - unit(a) + unit(c)); ties: the lower index.
//
// a, b and c are in vocab and may coincide (a = b is allowed); at least one
// other word exists, and if only one does it is the answer whatever its
// cosine. Normalise before combining: lengths must not matter.

func analogy(vectors: [[Double]], vocab: [String], a: String, b: String, c: String) -> String {
    // TODO: build the query vector and search the vocabulary.
    return ""
}
