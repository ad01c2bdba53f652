import Testing
import Tensor
@testable import LecternKit

/// The harness runtime's pure parts, tested in-process: parsing cases,
/// reading arguments (plain types and support structs), writing results.
/// The run loop itself locks the process down, so it is tested through real
/// learner binaries in GraderTests (HarnessProtocolTests, CheckVerdictTests).
@Suite("LecternKit")
struct LecternKitTests {
    func parse(_ text: String) throws -> __LJ {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            var p = __LecternParser(b: buf)
            return try p.value()
        }
    }

    func written<T: __LecternValue>(_ value: T) -> String { String(decoding: __lecternEncode(value), as: UTF8.self) }

    @Test func parsesNumbersStringsAndNesting() throws {
        let v = try parse(#"{"nums": [1, -2, 30], "x": 2.5e-1, "s": "a\"b\u00e9", "m": [[1, 2], [3, 4]], "b": true, "n": null}"#)
        #expect(try [Int](__lj: v["nums"]) == [1, -2, 30])
        #expect(try Double(__lj: v["x"]) == 0.25)
        #expect(try String(__lj: v["s"]) == "a\"bé")
        #expect(try Matrix(__lj: v["m"]) == Matrix([[1, 2], [3, 4]]))
        #expect(try Bool(__lj: v["b"]) == true)
        #expect(try Int?(__lj: v["n"]) == nil)
    }

    @Test func rejectsBrokenInputWithAMessage() {
        for bad in ["[1, 2", "{\"a\" 1}", "[tru]", "\"unterminated", ""] {
            #expect(throws: __LecternDecodeError.self, "\(bad)") { _ = try parse(bad) }
        }
        #expect(throws: __LecternDecodeError.self) { _ = try Int(__lj: .string("3")) }
        #expect(throws: __LecternDecodeError.self) { _ = try Matrix(__lj: try parse("[[1, 2], [3]]")) }
    }

    @Test func writesResultsAsTheGraderReadsThem() {
        #expect(written([1, 2, 3]) == "[1,2,3]")
        #expect(written(2.0) == "2.0")
        #expect(written(Double.nan) == "\"NaN\"")
        #expect(written([[0.5], [-1.0]]) == "[[0.5],[-1.0]]")
        #expect(written("tab\tquote\"") == #""tab\tquote\"""#)
        struct Pair: Encodable { var h: [Double]; var loss: Double }
        #expect(String(decoding: __lecternEncode(Pair(h: [1, 2], loss: 0.5)), as: UTF8.self) == #"{"h":[1.0,2.0],"loss":0.5}"#)
    }

    /// A support struct given as an argument (OadTR's `layer`) decodes
    /// through `Decodable`, plain types through the fast path; a missing or
    /// wrong field is named.
    @Test func structArgumentsDecode() throws {
        struct Layer: Decodable, Equatable { var w: [[Double]]; var heads: Int; var normFirst: Bool; var note: String? }
        let v = try parse(#"{"layer": {"w": [[1, 2]], "heads": 2, "normFirst": false}, "k": 3}"#)
        let layer = try __lecternArgument(Layer.self, v["layer"], "layer")
        #expect(layer == Layer(w: [[1, 2]], heads: 2, normFirst: false, note: nil))
        #expect(try __lecternArgument(Int.self, v["k"], "k") == 3)
        let broken = try parse(#"{"layer": {"w": [[1, 2]], "heads": "two", "normFirst": false}}"#)
        do {
            _ = try __lecternArgument(Layer.self, broken["layer"], "layer")
            Issue.record("a string decoded as heads")
        } catch {
            #expect("\(error)".contains("layer") && "\(error)".contains("heads"), "\(error)")
        }
    }

    @Test func hexHasNoLeadingZeros() {
        var buffer = [UInt8](repeating: 0, count: 32)
        for (value, text) in [(UInt(0), "0"), (0x1f, "1f"), (0xdead_beef, "deadbeef")] {
            let n = buffer.withUnsafeMutableBufferPointer { __lecternHex($0.baseAddress!, 0, value) }
            #expect(String(decoding: buffer[0..<n], as: UTF8.self) == text)
        }
    }

    /// The binary form of long integer arrays, byte for byte what the grader
    /// writes and expects (GraderTests/LearnerLoopTests pins the same golden).
    static func binaryGolden(_ values: [Int], width: Int) -> [UInt8] {
        var out = Array("#\(width)\(values.count):".utf8)
        for v in values {
            switch width {
            case 2: withUnsafeBytes(of: Int16(v).littleEndian) { out.append(contentsOf: $0) }
            case 4: withUnsafeBytes(of: Int32(v).littleEndian) { out.append(contentsOf: $0) }
            default: withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    @Test func longIntegerArraysTravelInBinary() throws {
        // The narrowest width that holds every value: 2, 4 or 8 bytes.
        let small = (0..<300).map { $0 * 7 - 1000 }
        #expect(__lecternEncode(small) == Self.binaryGolden(small, width: 2))
        let narrow = small.map { $0 * 100_000 }
        #expect(__lecternEncode(narrow) == Self.binaryGolden(narrow, width: 4))
        let wide = small.map { $0 * 10_000_000_000 }
        #expect(__lecternEncode(wide) == Self.binaryGolden(wide, width: 8))
        // Short arrays stay JSON text.
        #expect(written([1, 2, 3]) == "[1,2,3]")
        for (values, width) in [(small, 2), (narrow, 4), (wide, 8)] {
            let bytes = Array(#"{"nums":"#.utf8) + Self.binaryGolden(values, width: width) + Array(#","k":3}"#.utf8)
            let v = try bytes.withUnsafeBufferPointer { buf in
                var p = __LecternParser(b: buf)
                return try p.value()
            }
            #expect(try [Int](__lj: v["nums"]) == values)
            #expect(try Int(__lj: v["k"]) == 3)
        }
        // A count larger than the bytes that follow is an error, not a crash.
        let short = Array("#4100:abc".utf8)
        #expect(throws: (any Error).self) {
            try short.withUnsafeBufferPointer { buf in
                var p = __LecternParser(b: buf)
                return try p.value()
            }
        }
    }
}
