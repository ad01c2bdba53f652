import Testing
import Tensor
@testable import Grader

/// The registry as a whole: every catalog id of the built-in lessons is
/// bound, its generated cases are valid, and the reference answers them
/// through the same path `lectern reference` uses.
@Suite struct RegistryTests {
    /// The ids of CATALOG.md for the lessons in the course today.
    static let catalogIDs = [
        "sliding-window-max/naive", "sliding-window-max/deque", "sliding-window-max/max-pool-2d",
        "tokenization/pretokenize", "tokenization/pair-counts", "tokenization/merge", "tokenization/train",
        "tokenization/train-regex", "tokenization/encode", "tokenization/decode",
        "word2vec/skipgram-pairs", "word2vec/noise-distribution", "word2vec/keep-probability",
        "word2vec/sgns-step", "word2vec/most-similar", "word2vec/analogy",
        "rnn/forward", "rnn/bptt", "rnn/lstm-cell", "rnn/gru-cell", "rnn/clip-grad-norm",
    ]

    @Test func everyCatalogIDIsBoundOnce() {
        let ids = ExerciseRegistry.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        #expect(Set(ids) == Set(Self.catalogIDs))
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
