import Testing
import Tensor
@testable import Engine

@Suite("word2vec: most similar and analogies")
struct Word2VecSimilarityTests {
    @Test func lessonExample() {
        let vectors: [[Double]] = [[1, 0], [0.9, 0.1], [0, 1], [-1, 0]]
        let vocab = ["a", "b", "c", "d"]
        #expect(Word2Vec.mostSimilar(vectors: vectors, vocab: vocab, word: "a", k: 2) == ["b", "c"])
        #expect(Word2Vec.mostSimilar(vectors: vectors, vocab: vocab, word: "d", k: 3) == ["c", "b", "a"])
        #expect(Word2Vec.mostSimilar(vectors: vectors, vocab: vocab, word: "zebra", k: 1) == nil)
    }

    @Test func tiesGoToTheLowerIndexAndLengthIsIgnored() {
        // Rows 1 and 3 are the same vector; row 2 is row 1 made ten times longer.
        let vectors: [[Double]] = [[1, 1], [1, 0], [10, 0], [1, 0], [0, 1]]
        let vocab = ["q", "x", "y", "z", "w"]
        let got = Word2Vec.mostSimilar(vectors: vectors, vocab: vocab, word: "q", k: 4)!
        #expect(got.prefix(1) == ["x"] || got.prefix(1) == ["y"])
        #expect(got.firstIndex(of: "x")! < got.firstIndex(of: "z")!)
        #expect(Word2Vec.mostSimilar(vectors: [[1], [2], [3]], vocab: ["a", "b", "c"], word: "c", k: 2) == ["a", "b"])
    }

    /// The naive twin: cosine of every other word, full sort (stable on index).
    static func naiveMostSimilar(_ vectors: [[Double]], _ vocab: [String], _ word: String, _ k: Int) -> [String] {
        let q = vocab.firstIndex(of: word)!
        let scored = vectors.indices.filter { $0 != q }.map { ($0, Word2Vec.cosine(vectors[$0], vectors[q])) }
        let sorted = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return sorted.prefix(k).map { vocab[$0.0] }
    }

    static func randomVectors(_ rng: inout SeededRandom, count: Int, d: Int, integers: Bool) -> [[Double]] {
        (0..<count).map { _ in
            var v = (0..<d).map { _ in integers ? Double(rng.int(in: -2...2)) : rng.uniform(-1, 1) }
            if v.allSatisfy({ $0 == 0 }) { v[0] = 1 }
            return v
        }
    }

    @Test func matchesFullSort() {
        var rng = SeededRandom(seed: 31)
        for trial in 0..<400 {
            // Small integer vectors make many equal cosines, which two ways of
            // computing them can round apart by an ulp: there, equal cosines
            // position by position is the check. Real vectors in d >= 2 have none.
            let integers = trial % 2 == 0
            let count = rng.int(in: 2...40), d = rng.int(in: integers ? 1...6 : 2...6)
            let vectors = Self.randomVectors(&rng, count: count, d: d, integers: integers)
            let vocab = (0..<count).map { "w\($0)" }
            let word = vocab[rng.int(in: 0..<count)], k = rng.int(in: 1...(count - 1))
            let got = Word2Vec.mostSimilar(vectors: vectors, vocab: vocab, word: word, k: k)!
            let want = Self.naiveMostSimilar(vectors, vocab, word, k)
            if integers {
                let q = vectors[vocab.firstIndex(of: word)!]
                func cos(_ w: String) -> Double { Word2Vec.cosine(vectors[vocab.firstIndex(of: w)!], q) }
                #expect(zip(got, want).allSatisfy { abs(cos($0) - cos($1)) < 1e-12 })
            } else {
                #expect(got == want)
            }
            #expect(!got.contains(word) && Set(got).count == k)
        }
    }

    @Test func analogyHandExample() {
        // man → king as woman → queen, in a 3-D space: (royal, gender, noise).
        let vocab = ["man", "woman", "king", "queen", "apple"]
        let vectors: [[Double]] = [[0, 1, 0.1], [0, -1, 0.1], [1, 1, 0], [1, -1, 0], [0.2, 0, 1]]
        #expect(Word2Vec.analogy(vectors: vectors, vocab: vocab, a: "man", b: "king", c: "woman") == "queen")
        #expect(Word2Vec.analogy(vectors: vectors, vocab: vocab, a: "king", b: "man", c: "queen") == "woman")
        #expect(Word2Vec.analogy(vectors: vectors, vocab: vocab, a: "man", b: "king", c: "pear") == nil)
    }

    /// The naive twin: build the query, take cos against every allowed word, first maximum.
    @Test func analogyMatchesBruteForce() {
        var rng = SeededRandom(seed: 37)
        for _ in 0..<300 {
            let count = rng.int(in: 4...30), d = rng.int(in: 2...6)
            let vectors = Self.randomVectors(&rng, count: count, d: d, integers: false)
            let vocab = (0..<count).map { "w\($0)" }
            let ia = rng.int(in: 0..<count), ib = rng.int(in: 0..<count), ic = rng.int(in: 0..<count)
            let q = Word2Vec.analogyQuery(vectors[ia], vectors[ib], vectors[ic])
            var best = -1, bestCos = -Double.infinity
            for w in 0..<count where w != ia && w != ib && w != ic {
                let c = Word2Vec.cosine(vectors[w], q)
                if c > bestCos { best = w; bestCos = c }
            }
            #expect(Word2Vec.analogy(vectors: vectors, vocab: vocab, a: vocab[ia], b: vocab[ib], c: vocab[ic]) == vocab[best])
        }
    }
}
