import Testing
import Tensor
@testable import Engine

@Suite("word2vec: one SGNS step")
struct Word2VecSGNSTests {
    /// The lesson's hand-worked step: v = [1, 0], u_o = [0.5, 0.5], u_1 = [-1, 1], lr = 0.5.
    @Test func lessonWorkedExample() {
        let r = Word2Vec.sgnsStep(input: [1, 0], target: [0.5, 0.5], negatives: [[-1, 1]], lr: 0.5)
        // L = -log σ(0.5) - log σ(1) = 0.474077 + 0.313262
        #expect(abs(r.loss - 0.787339) < 1e-6)
        // σ(0.5) - 1 = -0.377541, σ(-1) = 0.268941
        // ∇v = -0.377541·[0.5, 0.5] + 0.268941·[-1, 1] = [-0.457712, 0.080171]
        #expect(abs(r.input[0] - 1.228856) < 1e-6 && abs(r.input[1] + 0.040086) < 1e-6)
        #expect(abs(r.target[0] - 0.688770) < 1e-6 && r.target[1] == 0.5)
        #expect(abs(r.negatives[0][0] + 1.134471) < 1e-6 && r.negatives[0][1] == 1)
    }

    @Test func noNegativesAndZeroRate() {
        let r = Word2Vec.sgnsStep(input: [0, 0, 0], target: [1, 2, 3], negatives: [], lr: 0.1)
        #expect(abs(r.loss - 0.6931471805599453) < 1e-15)        // -log σ(0) = log 2
        #expect(r.target == [1, 2, 3])                           // ∇u_o = (σ-1)·v = 0
        #expect(r.negatives.isEmpty)
        let same = Word2Vec.sgnsStep(input: [1, -1], target: [2, 0], negatives: [[1, 1]], lr: 0)
        #expect(same.input == [1, -1] && same.target == [2, 0] && same.negatives == [[1, 1]])
    }

    @Test func logSigmoidIsStable() {
        #expect(abs(Word2Vec.logSigmoid(-1000) + 1000) < 1e-9)
        #expect(Word2Vec.logSigmoid(1000) == 0)
        #expect(abs(Word2Vec.logSigmoid(40) + 4.248354255291589e-18) < 1e-30)
        #expect(Word2Vec.sigmoid(-1000) == 0 && Word2Vec.sigmoid(1000) == 1)
    }

    /// The loss alone, the plain way, for finite differences.
    static func loss(_ v: [Double], _ u: [Double], _ negatives: [[Double]]) -> Double {
        func logistic(_ x: Double) -> Double { 1 / (1 + Word2Vec.exp(-x)) }
        var l = -Word2Vec.log1p(logistic(dot(v, u)) - 1)
        for n in negatives { l -= Word2Vec.log1p(logistic(-dot(v, n)) - 1) }
        return l
    }

    /// The naive twin: the step is -lr × the gradient, and the gradient
    /// agrees with central finite differences of the loss.
    @Test func gradientMatchesFiniteDifferences() {
        var rng = SeededRandom(seed: 17)
        for _ in 0..<100 {
            let d = rng.int(in: 1...6), k = rng.int(in: 0...4)
            let v = (0..<d).map { _ in rng.uniform(-1.5, 1.5) }
            let u = (0..<d).map { _ in rng.uniform(-1.5, 1.5) }
            let negs = (0..<k).map { _ in (0..<d).map { _ in rng.uniform(-1.5, 1.5) } }
            let lr = rng.uniform(0.01, 1)
            let r = Word2Vec.sgnsStep(input: v, target: u, negatives: negs, lr: lr)
            #expect(abs(r.loss - Self.loss(v, u, negs)) < 1e-10)
            let h = 1e-5
            func numeric(_ f: (Double) -> Double) -> Double { (f(h) - f(-h)) / (2 * h) }
            for i in 0..<d {
                let gv = numeric { e in var w = v; w[i] += e; return Self.loss(w, u, negs) }
                #expect(abs((v[i] - r.input[i]) / lr - gv) < 1e-6)
                let gu = numeric { e in var w = u; w[i] += e; return Self.loss(v, w, negs) }
                #expect(abs((u[i] - r.target[i]) / lr - gu) < 1e-6)
                for j in 0..<k {
                    let gn = numeric { e in var w = negs; w[j][i] += e; return Self.loss(v, u, w) }
                    #expect(abs((negs[j][i] - r.negatives[j][i]) / lr - gn) < 1e-6)
                }
            }
        }
    }

    @Test func stepLowersTheLossForASmallRate() {
        var rng = SeededRandom(seed: 23)
        for _ in 0..<100 {
            let d = rng.int(in: 2...8)
            let v = (0..<d).map { _ in rng.uniform(-1, 1) }
            let u = (0..<d).map { _ in rng.uniform(-1, 1) }
            let negs = (0..<3).map { _ in (0..<d).map { _ in rng.uniform(-1, 1) } }
            let r = Word2Vec.sgnsStep(input: v, target: u, negatives: negs, lr: 0.01)
            #expect(Self.loss(r.input, r.target, r.negatives) < r.loss)
        }
    }

    /// The trainer's in-place fast path against the array version, distinct rows.
    @Test func inPlaceStepMatchesArrayStep() {
        var rng = SeededRandom(seed: 29)
        for _ in 0..<200 {
            let d = rng.int(in: 1...8), vocab = 8, k = rng.int(in: 0...5)
            var inputTable = (0..<vocab * d).map { _ in rng.uniform(-1, 1) }
            var outputTable = (0..<vocab * d).map { _ in rng.uniform(-1, 1) }
            var words = Array(0..<vocab)
            words.shuffle(using: &rng)
            let targets = Array(words.prefix(k + 1))
            let center = rng.int(in: 0..<vocab), lr = rng.uniform(0.001, 0.5)
            func row(_ t: [Double], _ w: Int) -> [Double] { Array(t[(w * d)..<((w + 1) * d)]) }
            let expected = Word2Vec.sgnsStep(input: row(inputTable, center), target: row(outputTable, targets[0]),
                                             negatives: targets.dropFirst().map { row(outputTable, $0) }, lr: lr)
            var scratch = [Double](repeating: 0, count: d + k + 1)
            let loss = inputTable.withUnsafeMutableBufferPointer { inp in
                outputTable.withUnsafeMutableBufferPointer { out in
                    scratch.withUnsafeMutableBufferPointer { s in
                        targets.withUnsafeBufferPointer { t in
                            Word2Vec.sgnsStepInPlace(input: inp.baseAddress! + center * d, outputs: out.baseAddress!,
                                                     d: d, targets: t, lr: lr, scratch: s.baseAddress!)
                        }
                    }
                }
            }
            #expect(abs(loss - expected.loss) < 1e-12)
            for i in 0..<d {
                #expect(abs(row(inputTable, center)[i] - expected.input[i]) < 1e-12)
                #expect(abs(row(outputTable, targets[0])[i] - expected.target[i]) < 1e-12)
                for (j, w) in targets.dropFirst().enumerated() {
                    #expect(abs(row(outputTable, w)[i] - expected.negatives[j][i]) < 1e-12)
                }
            }
        }
    }
}
