import Foundation
import Testing
import Tensor
@testable import Grader

@Suite("word2vec exercise bindings")
struct Word2VecExercisesTests {
    /// The lesson's examples through the JSON path.
    @Test func lessonExamplesThroughJSON() throws {
        let step = try ExerciseRegistry.runReference("word2vec/sgns-step", cases: JSONValue.parse(
            #"[{"input": [1, 0], "target": [0.5, 0.5], "negatives": [[-1, 1]], "lr": 0.5}]"#))
        guard case .array(let items) = step, case .double(let loss)? = items.first?["loss"] else {
            Issue.record("unexpected output \(step.compactText)"); return
        }
        #expect(abs(loss - 0.787339) < 1e-6)
        let pairs = try ExerciseRegistry.runReference("word2vec/skipgram-pairs", cases: JSONValue.parse(#"[{"ids": [7, 8, 9], "window": 1}]"#))
        #expect(pairs == (try JSONValue.parse("[[[7, 8], [8, 7], [8, 9], [9, 8]]]")))
        // The trained model in the examples answers the lesson's analogy.
        var rng = SeededRandom(seed: 1)
        let spec = try #require(ExerciseRegistry.spec("word2vec/analogy"))
        let trained = try #require(spec.generate(&rng)[0].cases.first {
            if case .array(let words)? = $0["vocab"] { words.count > 50 } else { false }
        })
        #expect(trained["a"] == .string("man"))
        #expect(try spec.reference(trained) == .string("queen"))
    }

    /// Every ranking a case asks for is unambiguous: deciding cosines are
    /// exactly equal or at least 1e-9 apart, so any correct way of computing
    /// a cosine gives the expected order.
    @Test func rankingsAreWellSeparated() throws {
        var rng = SeededRandom(seed: 42)
        let similar = try #require(ExerciseRegistry.spec("word2vec/most-similar"))
        for group in similar.generate(&rng) {
            for item in group.cases {
                let c = try item.decode(Word2VecExercises.SimilarCase.self)
                #expect(Word2VecExercises.wellSeparated(Word2VecExercises.similarCosines(c), upTo: c.k), "\(group.kind)")
            }
        }
        let analogy = try #require(ExerciseRegistry.spec("word2vec/analogy"))
        for group in analogy.generate(&rng) {
            for item in group.cases {
                let c = try item.decode(Word2VecExercises.AnalogyCase.self)
                #expect(Word2VecExercises.wellSeparated(Word2VecExercises.analogyCosines(c), upTo: 1), "\(group.kind)")
            }
        }
    }

    @Test func badCasesNameTheField() throws {
        func field(_ id: String, _ json: String) throws -> String? {
            try #require(ExerciseRegistry.spec(id)).check(try JSONValue.parse(json))?.field
        }
        #expect(try field("word2vec/skipgram-pairs", #"{"ids": [1, -2], "window": 1}"#) == "ids[1]")
        #expect(try field("word2vec/noise-distribution", #"{"counts": [3, 0], "power": 0.75}"#) == "counts[1]")
        #expect(try field("word2vec/keep-probability", #"{"counts": [3], "sample": 0}"#) == "sample")
        #expect(try field("word2vec/sgns-step", #"{"input": [1, 2], "target": [1], "negatives": [], "lr": 0.1}"#) == "target")
        #expect(try field("word2vec/most-similar", #"{"vectors": [[1], [2]], "vocab": ["a", "b"], "word": "z", "k": 1}"#) == "word")
        #expect(try field("word2vec/most-similar", #"{"vectors": [[1], [2]], "vocab": ["a", "b"], "word": "a", "k": 2}"#) == "k")
        #expect(try field("word2vec/most-similar", #"{"vectors": [[1], [2]], "vocab": ["a", "a"], "word": "a", "k": 1}"#) == "vocab[1]")
        #expect(try field("word2vec/analogy", #"{"vectors": [[1, 0], [0, 1], [1, 1]], "vocab": ["a", "b", "c"], "a": "a", "b": "b", "c": "c"}"#) == "vocab")
    }
}
