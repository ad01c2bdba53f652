import Testing
import Tensor
@testable import Grader

@Suite("tokenization exercise bindings")
struct TokenizationExercisesTests {
    /// The lesson's worked examples through the JSON path.
    @Test func lessonExamplesThroughJSON() throws {
        func run(_ id: String, _ json: String) throws -> JSONValue {
            try ExerciseRegistry.runReference(id, cases: JSONValue.parse(json))
        }
        #expect(try run("tokenization/train", #"[{"text": "aaabdaaabac", "vocabSize": 259}]"#)
                == JSONValue.parse("[[[97, 97], [256, 97], [257, 98]]]"))
        #expect(try run("tokenization/pair-counts", #"[{"ids": [97, 97, 97]}]"#) == JSONValue.parse("[[[97, 97, 2]]]"))
        #expect(try run("tokenization/merge", #"[{"ids": [1, 2, 3, 1, 2], "pair": [1, 2], "newId": 4}]"#)
                == JSONValue.parse("[[4, 3, 4]]"))
        #expect(try run("tokenization/encode", #"[{"text": "aab", "merges": [[97, 97], [97, 98], [256, 257]], "regex": false}]"#)
                == JSONValue.parse("[[256, 98]]"))
        #expect(try run("tokenization/decode", #"[{"ids": [228, 189, 65], "merges": []}]"#)
                == JSONValue.parse(#"["\ufffdA"]"#))
        #expect(try run("tokenization/pretokenize", #"[{"text": "Hello  world's 42\n"}]"#)
                == JSONValue.parse(#"[["Hello", " ", " world", "'s", " 42", "\n"]]"#))
    }

    /// Bad cases name the field and say what is allowed.
    @Test func badCasesNameTheField() {
        func problem(_ id: String, _ json: String) -> String {
            do {
                _ = try ExerciseRegistry.runReference(id, cases: JSONValue.parse(json))
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(problem("tokenization/train", #"[{"text": "a", "vocabSize": 10}]"#).contains("'vocabSize'"))
        #expect(problem("tokenization/merge", #"[{"ids": [1], "pair": [1], "newId": 3}]"#).contains("'pair'"))
        #expect(problem("tokenization/encode", #"[{"text": "a", "merges": [[97, 256]], "regex": true}]"#).contains("'merges[0][1]'"))
        #expect(problem("tokenization/decode", #"[{"ids": [0, 257], "merges": [[97, 97]]}]"#).contains("'ids[1]'"))
        #expect(problem("tokenization/pair-counts", #"[{"ids": [-1]}]"#).contains("'ids[0]'"))
    }
}
