import Tensor
import Testing
@testable import Grader

/// The grader's fast JSON paths agree with the plain ones on random values:
/// bytes written directly equal `compactText`; the direct decoder and the
/// direct encoding give what the Foundation round trip gives.
struct JSONFastPathTests {
    func randomValue(_ rng: inout SeededRandom, depth: Int = 0) -> JSONValue {
        switch rng.int(in: 0...(depth > 2 ? 4 : 6)) {
        case 0: return .int(rng.int(in: -1_000_000_000_000...1_000_000_000_000))
        case 1: return .int([Int.min, Int.max, 0, -1, 9][rng.int(in: 0...4)])
        case 2: return .double(rng.uniform(-1e6, 1e6))
        case 3: return .string(["", "a\"b", "tab\there", "ünï", "\\", "\u{1}"][rng.int(in: 0...5)])
        case 4: return [.null, .bool(true), .bool(false), .double(2.0), .double(-0.5)][rng.int(in: 0...4)]
        case 5: return .array((0..<rng.int(in: 0...5)).map { _ in randomValue(&rng, depth: depth + 1) })
        default: return .object((0..<rng.int(in: 0...4)).map { ("k\($0)", randomValue(&rng, depth: depth + 1)) })
        }
    }

    @Test func compactBytesEqualCompactText() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<500 {
            let v = randomValue(&rng)
            #expect(v.compactBytes == Array(v.compactText.utf8), "\(v.compactText)")
        }
    }

    struct Window: Codable, Equatable { var nums: [Int]; var k: Int; var w: [Double]; var grid: [[Int]]; var name: String }

    @Test func directDecoderAgreesWithFoundation() throws {
        var rng = SeededRandom(seed: 12)
        for _ in 0..<200 {
            let w = Window(nums: (0..<rng.int(in: 0...20)).map { _ in rng.int(in: -99...99) }, k: rng.int(in: 1...9),
                           w: (0..<rng.int(in: 0...5)).map { _ in rng.uniform(-3, 3) },
                           grid: (0..<rng.int(in: 0...3)).map { _ in [rng.int(in: 0...9), rng.int(in: 0...9)] },
                           name: "n\(rng.int(in: 0...9))")
            let json = try JSONValue(encoding: w)
            #expect(try JSONValueDecoder.decode(Window.self, from: json) == w)
            #expect(try json.decode(Window.self) == w)
        }
        // A case that does not fit throws, so callers fall back to the field-naming decoder.
        #expect(throws: (any Error).self) { try JSONValueDecoder.decode(Window.self, from: .object([("nums", .string("x"))])) }
    }

    @Test func directEncodingEqualsTheEncoder() throws {
        var rng = SeededRandom(seed: 13)
        for _ in 0..<100 {
            let ints = (0..<rng.int(in: 0...30)).map { _ in rng.int(in: -1_000_000...1_000_000) }
            let reals = (0..<rng.int(in: 0...30)).map { _ in rng.bool() ? rng.uniform(-9, 9) : Double(rng.int(in: -5...5)) }
                + [.nan, .infinity, -.infinity]
            #expect(JSONValue.directEncoding(ints) == (try JSONValue(encoding: ints)))
            // Foundation writes the real 3.0 as 3 (an integer); the direct form keeps it real.
            // Both compare equal under the grader's rules.
            #expect(Comparator.diff(try JSONValue(encoding: reals), JSONValue.directEncoding(reals)!, rtol: 0, atol: 0) == nil)
            #expect(JSONValue.directEncoding([ints, ints]) == (try JSONValue(encoding: [ints, ints])))
            #expect(Comparator.diff(try JSONValue(encoding: [reals]), JSONValue.directEncoding([reals])!, rtol: 0, atol: 0) == nil)
        }
        #expect(JSONValue.directEncoding("text") == nil)
    }
}
