import Foundation
import Testing
import Tensor
@testable import Grader

/// The case decoder of `lectern reference` and `lectern try --input` under a
/// seeded generator of mutated cases, for every exercise of the registry:
/// wrong types, huge and non-finite numbers, missing and unknown fields,
/// deep nesting and broken JSON text. The promise: never a crash; a bad case
/// is refused naming its index and field; bad JSON names line and column.
/// `LECTERN_SOAK=1` multiplies the counts by ten and adds a 100 MB input.
@Suite struct CaseDecoderFuzzTests {
    static let soak = ProcessInfo.processInfo.environment["LECTERN_SOAK"] == "1"

    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    /// Values a field should never silently accept in the wrong place.
    static let strange: [JSONValue] = [
        .null, .bool(true), .string(""), .string("x"), .string("NaN"), .string("Infinity"), .int(Int.max), .int(Int.min),
        .int(-1), .int(0), .double(1e308), .double(-1e308), .double(5e-324), .double(0.5), .double(-0.0),
        .array([]), .array([.null]), .array([.array([.array([.int(1)])])]), .object([]), .object([("a", .int(1))]),
    ]

    /// The example and edge cases of an exercise: valid starting points.
    static func seeds(_ spec: ExerciseSpec) -> [JSONValue] {
        var rng = SeededRandom(seed: 42)
        return spec.generate(&rng).filter { $0.kind != .hidden }.flatMap(\.cases).filter { $0.compactText.utf8.count < 4000 }
    }

    /// Replaces, removes or adds one node somewhere in `value`.
    static func mutate(_ value: JSONValue, _ rng: inout Rng, depth: Int = 0) -> JSONValue {
        let here = rng.below(depth == 0 ? 4 : 3) == 0
        switch value {
        case .object(var pairs) where !pairs.isEmpty && !here:
            let i = rng.below(pairs.count)
            switch rng.below(6) {
            case 0: pairs.remove(at: i)
            case 1: pairs.append(("unexpected", strange[rng.below(strange.count)]))
            case 2: pairs.append((pairs[i].0, pairs[i].1))   // the same key twice
            default: pairs[i].1 = mutate(pairs[i].1, &rng, depth: depth + 1)
            }
            return .object(pairs)
        case .array(var items) where !items.isEmpty && !here:
            let i = rng.below(items.count)
            switch rng.below(5) {
            case 0: items.remove(at: i)
            case 1: items.append(strange[rng.below(strange.count)])
            default: items[i] = mutate(items[i], &rng, depth: depth + 1)
            }
            return .array(items)
        case .int(let v) where rng.below(2) == 0:
            return .int([v &+ 1, v &- 1, -v, v &* 1000, 0][rng.below(5)])
        default:
            return strange[rng.below(strange.count)]
        }
    }

    @Test func mutatedCasesAreRefusedNamingCaseAndField() throws {
        var rng = Rng(state: 2026)
        let specs = ExerciseRegistry.all
        let perExercise = (Self.soak ? 10 : 1) * 3000 / max(specs.count, 1)
        var refused = 0, accepted = 0
        for spec in specs {
            let seeds = Self.seeds(spec)
            try #require(!seeds.isEmpty, "\(spec.id) has no example cases")
            for _ in 0..<perExercise {
                let valid = seeds[rng.below(seeds.count)]
                let bad = Self.mutate(valid, &rng)
                // The mutated case goes second, so a refusal must name case 1.
                do {
                    _ = try ExerciseRegistry.runReference(spec.id, cases: .array([valid, bad]))
                    accepted += 1
                } catch {
                    refused += 1
                    guard case .badCase(let index, let problem) = error else {
                        Issue.record("\(spec.id): \(error) for \(bad.compactText)"); continue
                    }
                    #expect(index == 1, "\(spec.id): \(error)")
                    #expect(!problem.message.isEmpty)
                    if case .object = bad {
                        #expect(problem.field.map { !$0.isEmpty } == true, "\(spec.id): no field in '\(problem)' for \(bad.compactText)")
                    }
                    #expect(error.description.hasPrefix("case 1: "))
                }
            }
        }
        // The generator really produces both kinds.
        #expect(refused > 100 && accepted > 10, "refused \(refused), accepted \(accepted)")
    }

    /// Broken JSON text: truncated, with stray bytes, invalid UTF-8, deep nesting.
    @Test func brokenJSONTextNamesLineAndColumn() {
        var rng = Rng(state: 99)
        let base = ExerciseRegistry.all.flatMap { Self.seeds($0).prefix(2) }.map { JSONValue.array([$0]).compactText }
        let junk: [[UInt8]] = [[0xFF], [0xC3], [0], Array("\"\\u12".utf8), Array("1e999999".utf8), Array("-".utf8),
                               Array("[".utf8), Array("}".utf8), Array(",".utf8), Array("\"".utf8), Array("tru".utf8)]
        for _ in 0..<(Self.soak ? 20_000 : 2_000) {
            var bytes = Array(base[rng.below(base.count)].utf8)
            for _ in 0..<(1 + rng.below(3)) {
                let at = rng.below(bytes.count + 1)
                switch rng.below(3) {
                case 0: bytes = Array(bytes[..<at])
                case 1: bytes.insert(contentsOf: junk[rng.below(junk.count)], at: at)
                default: if at < bytes.count { bytes.remove(at: at) }
                }
            }
            do {
                _ = try JSONValue.parse(bytes: &bytes)
            } catch {
                #expect(error.line >= 1 && error.column >= 1 && !error.message.isEmpty)
            }
        }
        for depth in [511, 513, 100_000] {
            var deep = Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
            do {
                let v = try JSONValue.parse(bytes: &deep)
                #expect(depth <= 512, "\(depth) levels accepted")
                #expect(throws: ReferenceError.self) { try ExerciseRegistry.runReference("sliding-window-max/deque", cases: v) }
            } catch {
                #expect(depth > 512 && error.message.contains("512"), "\(error)")
            }
        }
    }

    @Test func aHundredMegabyteInputIsRefusedOrAnsweredWithoutACrash() throws {
        guard Self.soak else { return }
        // 100 MB of one case whose array holds a string in the middle: refused naming nums[i].
        let n = 12_000_000
        var text = Array(#"[{"k":3,"nums":["#.utf8)
        text.reserveCapacity(n * 9)
        for i in 0..<n {
            if i > 0 { text.append(44) }
            text += i == n / 2 ? Array("\"x\"".utf8) : Array(String(i % 99_999_999).utf8)
        }
        text += Array("]}]".utf8)
        let value = try JSONValue.parse(bytes: &text)
        do {
            _ = try ExerciseRegistry.runReference("sliding-window-max/deque", cases: value)
            Issue.record("a string among the numbers was accepted")
        } catch {
            guard case .badCase(let index, let problem) = error else { Issue.record("\(error)"); return }
            #expect(index == 0 && problem.field == "nums[\(n / 2)]", "\(error)")
        }
    }
}
