import Testing
import Foundation
import Lessons
import Tensor
@testable import Grader

/// The registry as a whole: every catalog id of the built-in lessons is
/// bound, its generated cases are valid, and the reference answers them
/// through the same path `lectern reference` uses.
@Suite struct RegistryTests {
    /// The exercise ids named by the built-in course's lessons, in course
    /// order: the registry must bind exactly these (no hand-kept list).
    static let catalogIDs: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Content").standardizedFileURL
        guard let course = try? Course.load(from: root) else { return [] }
        return course.lessons().flatMap { entry in
            ((try? entry.lesson.get())?.exercises ?? []).map(\.id)
        }
    }()

    @Test func everyCatalogIDIsBoundOnce() {
        let ids = ExerciseRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(Self.catalogIDs.count >= 21, "the built-in course was not read")
        #expect(Set(ids) == Set(Self.catalogIDs))
    }

    /// Every generated case is an object whose keys are exactly the
    /// signature's argument labels, so the JSON and the Swift function agree.
    @Test func caseKeysAreTheSignatureLabels() {
        for spec in ExerciseRegistry.all {
            var rng = SeededRandom(seed: 5)
            let labels = Set(spec.signature.parameters.map(\.label))
            var cases = spec.generate(&rng).flatMap(\.cases)
            if let perf = spec.performance { var r = SeededRandom(seed: 6); cases += perf.ladder(&r).prefix(1).map(\.input) }
            for c in cases {
                guard case .object(let fields) = c else { Issue.record("\(spec.id): a case is not an object"); continue }
                #expect(Set(fields.map(\.0)) == labels, "\(spec.id): case keys \(fields.map(\.0).sorted()) vs labels \(labels.sorted())")
            }
        }
    }

    @Test(arguments: catalogIDs)
    func generatedCasesAreValidAndTheReferenceAnswersThem(id: String) throws {
        let spec = try #require(ExerciseRegistry.spec(id))
        var rng = SeededRandom(seed: 2026)
        let groups = spec.generate(&rng)
        #expect(groups.contains { $0.kind == .example && !$0.cases.isEmpty }, "\(id) has no lesson examples")
        #expect(groups.map(\.kind) == [.example, .edge, .hidden], "\(id): groups in the order shown to learners")
        #expect((30...60).contains(groups.last?.cases.count ?? 0), "\(id): 30-60 hidden cases")
        let cases = groups.flatMap(\.cases)
        for (i, c) in cases.enumerated() {
            #expect(spec.check(c) == nil, "\(id) case \(i) is invalid: \(spec.check(c).map(String.init(describing:)) ?? "")")
            // Shrinking offers only valid cases that differ from the one shrunk.
            for smaller in spec.shrink(c).prefix(8) {
                #expect(spec.check(smaller) == nil, "\(id) shrunk \(smaller.compactText)")
                #expect(smaller != c, "\(id): a shrink candidate equal to its case")
            }
        }
        let outputs = try ExerciseRegistry.runReference(id, cases: .array(cases))
        guard case .array(let items) = outputs else { Issue.record("not an array"); return }
        #expect(items.count == cases.count)
    }

    @Test func sameSeedGivesTheSameCases() {
        for spec in ExerciseRegistry.all {
            var a = SeededRandom(seed: 9), b = SeededRandom(seed: 9)
            let x = spec.generate(&a).flatMap(\.cases), y = spec.generate(&b).flatMap(\.cases)
            #expect(x == y, "\(spec.id) is not deterministic")
        }
    }
}

/// `lectern reference --time` counts the reference alone: decoding a large
/// case and encoding its answer happen outside the reported seconds.
@Suite struct ReferenceTimingTests {
    @Test func decodingIsNotCounted() throws {
        // 10^6 values: the deque does a few milliseconds of work, while
        // turning the JSON into [Int] and the answer back into JSON costs far more.
        var rng = SeededRandom(seed: 3)
        let nums = (0..<1_000_000).map { _ in JSONValue.int(rng.int(in: -999...999)) }
        let cases = JSONValue.array([.object([("nums", .array(nums)), ("k", .int(2))])])
        var reported = 0.0
        let start = ContinuousClock.now
        _ = try ExerciseRegistry.runReference("sliding-window-max/deque", cases: cases, timing: { reported = $0 })
        let d = ContinuousClock.now - start
        let total = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        #expect(reported > 0)
        #expect(reported < total / 2, "compute \(reported) s of \(total) s in all: decoding seems to be counted")
    }
}
