import Tensor
import Testing
@testable import Grader

/// The comparison rules of DESIGN.md and the wording of the diffs.
struct ComparatorTests {
    func j(_ text: String) -> JSONValue { try! JSONValue.parse(text) }
    func diff(_ e: String, _ g: String, rtol: Double = 1e-6, atol: Double = 1e-9) -> String? {
        Comparator.diff(j(e), j(g), rtol: rtol, atol: atol)
    }

    @Test func equalValuesMatch() {
        #expect(diff("[1, 2, 3]", "[1, 2, 3]") == nil)
        #expect(diff(#"{"loss": 0.5, "h": [1.0, 2.0]}"#, #"{"loss": 0.5, "h": [1.0, 2.0]}"#) == nil)
        #expect(diff(#""abc""#, #""abc""#) == nil)
        #expect(diff("true", "true") == nil)
    }

    @Test func firstDifferenceOfAnArray() {
        #expect(diff("[1, 2, 3, 4, 5]", "[1, 2, 3, 4, 3]") == "first difference at index 4: expected 5, got 3")
    }

    @Test func lengthsAreCheckedFirst() {
        #expect(diff("[1, 2, 3]", "[1, 2]") == "expected 3 values, got 2")
        #expect(diff("[1]", "[]") == "expected 1 value, got 0")
    }

    @Test func integersAreExact() {
        #expect(diff("7", "8") == "expected 7, got 8")
        // A learner's real number that equals the integer is the same number, and a
        // whole-number reference real (printed as 7) still gets the tolerance.
        #expect(diff("7", "7.0") == nil)
        #expect(diff("7", "7.000000001") == nil)
        #expect(diff("7", "7.1") == "expected the integer 7, got the real number 7.1 (off by 0.1)")
    }

    @Test func realsUseTheTolerance() {
        // |a-b| <= atol + rtol·|b|: 1e-6 · 1000 = 1e-3 allowed.
        #expect(diff("1000.0", "1000.0009") == nil)
        #expect(diff("1000.0", "1000.002") != nil)
        #expect(diff("0.0", "1e-10") == nil)
        #expect(diff("0.0", "1e-8") != nil)
        #expect(diff("0.5", "0.51", rtol: 0.1, atol: 0) == nil)
        // An integer answer where a real is expected is compared numerically.
        #expect(diff("2.0", "2") == nil)
    }

    @Test func nanOnlyMatchesNaN() {
        #expect(diff(#"["NaN", 1.0]"#, #"["NaN", 1.0]"#) == nil)
        #expect(diff(#"["NaN"]"#, "[0.0]") != nil)
        #expect(diff("[0.0]", #"["NaN"]"#) != nil)
        #expect(diff(#"["Infinity"]"#, #"["Infinity"]"#) == nil)
        #expect(diff(#"["Infinity"]"#, #"["-Infinity"]"#) != nil)
    }

    @Test func matrixShapeMessage() {
        let e = "[" + Array(repeating: "[1.0, 2.0, 3.0, 4.0]", count: 6).joined(separator: ", ") + "]"
        let g = "[" + Array(repeating: "[1.0, 2.0, 3.0]", count: 6).joined(separator: ", ") + "]"
        #expect(diff(e, g) == "expected 6 rows × 4 columns, got 6 × 3")
        #expect(diff("[[1.0, 2.0], [3.0, 4.0]]", "[]") == "expected 2 rows × 2 columns, got 0 rows")
    }

    @Test func matrixCellMessageWithLargestError() {
        let e = "[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.5]]"
        let g = "[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.3, 0.0], [0.0, 0.0, 0.0, 0.49]]"
        #expect(diff(e, g) == "first differing cell [1][2]: expected 0.0, got 0.3; largest absolute error 0.3 at [1][2]")
        let g2 = "[[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.49]]"
        #expect(diff(e, g2) == "first differing cell [2][3]: expected 0.5, got 0.49; largest absolute error 0.01 at [2][3]"
                || diff(e, g2)!.hasPrefix("first differing cell [2][3]: expected 0.5, got 0.49; largest absolute error 0.0"))
    }

    @Test func objectFieldsAreNamed() {
        #expect(diff(#"{"loss": 1.0, "input": [1.0, 2.0]}"#, #"{"loss": 1.0}"#) == "missing field 'input'")
        #expect(diff(#"{"loss": 1.0, "input": [1.0, 2.0]}"#, #"{"loss": 1.0, "input": [1.0, 3.0]}"#)
                == "in field 'input' at index 1: expected 2.0, got 3.0 (off by 1)")
    }

    @Test func kindsMustAgree() {
        #expect(diff("[1]", #""x""#)?.contains("expected an array") == true)
        #expect(diff(#""a""#, "1") == #"expected "a", got 1"#)
    }

    @Test func customJudgeDecides() {
        let judge = Comparison.custom { _, expected, got in
            // Any permutation of the expected array is right.
            guard case .array(let e) = expected, case .array(let g) = got else { return "not arrays" }
            return e.map(\.compactText).sorted() == g.map(\.compactText).sorted() ? nil : "not a permutation"
        }
        #expect(Comparator.judge(judge, input: .null, expected: j("[1, 2, 3]"), got: j("[3, 1, 2]")) == nil)
        #expect(Comparator.judge(judge, input: .null, expected: j("[1, 2, 3]"), got: j("[3, 1, 1]")) == "not a permutation")
    }

    /// Random equal arrays always match; one changed entry is always found at its index.
    @Test func randomArraysAgainstANaiveTwin() {
        var rng = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let n = rng.int(in: 1...30)
            let values = (0..<n).map { _ in rng.int(in: -50...50) }
            let e = JSONValue.array(values.map(JSONValue.int))
            #expect(Comparator.diff(e, e, rtol: 1e-6, atol: 1e-9) == nil)
            let i = rng.int(in: 0...(n - 1))
            var changed = values
            changed[i] += rng.int(in: 1...5)
            let message = Comparator.diff(e, .array(changed.map(JSONValue.int)), rtol: 1e-6, atol: 1e-9)
            #expect(message == "first difference at index \(i): expected \(values[i]), got \(changed[i])")
        }
    }
}
