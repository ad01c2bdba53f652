import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("Gradient checkpointing: cost model, plans, checkpointed backward")
struct GradientCheckpointingTests {
    // MARK: naive twins

    /// The cost model read literally: walk the layers, close a segment at each checkpoint.
    static func naiveCost(_ sizes: [Int], _ plan: [Int]) -> Checkpointing.PlanCost {
        let n = sizes.count
        var held = 0, interior = 0, largest = 0, recomputed = 0
        for i in 1...n {
            if i == n || plan.contains(i) {
                largest = max(largest, interior); interior = 0
                if i < n { held += sizes[i - 1] }
            } else {
                interior += sizes[i - 1]; recomputed += 1
            }
        }
        return .init(peakMemory: held + largest, forwardEvaluations: n + recomputed)
    }

    /// Every plan of a chain of n layers: all subsets of 1...n-1, as sorted arrays.
    static func allPlans(n: Int) -> [[Int]] {
        guard n >= 2 else { return [[]] }
        return (0..<(1 << (n - 1))).map { mask in (1..<n).filter { mask & (1 << ($0 - 1)) != 0 } }
    }

    /// The most checkpoints that fit, by trying every plan; nil if none fits.
    static func bruteForceBestCount(_ sizes: [Int], budget: Int) -> Int? {
        allPlans(n: sizes.count).filter { naiveCost(sizes, $0).peakMemory <= budget }.map(\.count).max()
    }

    /// Plain backprop with every activation stored, written out separately.
    static func plainGradients(x: [Double], weights: [Matrix]) -> (loss: Double, grads: [Matrix]) {
        var xs = [x]
        for w in weights {
            let prev = xs.last!
            xs.append((0..<w.rows).map { r in Foundation.tanh((0..<w.cols).reduce(0) { $0 + w[r, $1] * prev[$1] }) })
        }
        var g = [Double](repeating: 1, count: x.count)
        var grads = [Matrix](repeating: Matrix(rows: 0, cols: 0), count: weights.count)
        for i in stride(from: weights.count, through: 1, by: -1) {
            let delta = zip(g, xs[i]).map { $0 * (1 - $1 * $1) }
            var m = Matrix(rows: x.count, cols: x.count)
            for r in 0..<x.count { for c in 0..<x.count { m[r, c] = delta[r] * xs[i - 1][c] } }
            grads[i - 1] = m
            g = (0..<x.count).map { c in (0..<x.count).reduce(0) { $0 + weights[i - 1][$1, c] * delta[$1] } }
        }
        return (xs.last!.reduce(0, +), grads)
    }

    // MARK: cost model

    /// The lesson's table: six layers of size 4.
    @Test func lessonCosts() {
        let sizes = [4, 4, 4, 4, 4, 4]
        #expect(Checkpointing.cost(sizes: sizes, plan: [2, 4]) == .init(peakMemory: 12, forwardEvaluations: 9))
        #expect(Checkpointing.cost(sizes: sizes, plan: []) == .init(peakMemory: 20, forwardEvaluations: 11))
        #expect(Checkpointing.cost(sizes: sizes, plan: [1, 2, 3, 4, 5]) == .init(peakMemory: 20, forwardEvaluations: 6))
        #expect(Checkpointing.cost(sizes: [1, 1, 8, 1, 1, 1], plan: [3]) == .init(peakMemory: 8 + 2, forwardEvaluations: 10))
        #expect(Checkpointing.cost(sizes: [7], plan: []) == .init(peakMemory: 0, forwardEvaluations: 1))
    }

    @Test func costMatchesNaiveTwinAndEvaluationFormula() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<500 {
            let n = rng.int(in: 1...30)
            let sizes = (0..<n).map { _ in rng.int(in: 1...20) }
            let plan = (1..<max(1, n)).filter { _ in rng.bool() }
            let cost = Checkpointing.cost(sizes: sizes, plan: plan)
            #expect(cost == Self.naiveCost(sizes, plan))
            #expect(cost.forwardEvaluations == 2 * n - 1 - plan.count)
        }
    }

    @Test func planProblemsAreNamed() {
        #expect(Checkpointing.planProblem(n: 5, plan: [1, 3]) == nil)
        #expect(Checkpointing.planProblem(n: 5, plan: [5])?.contains("outside 1...4") == true)
        #expect(Checkpointing.planProblem(n: 5, plan: [2, 2])?.contains("twice") == true)
        #expect(Checkpointing.planProblem(n: 5, plan: [3, 2])?.contains("sorted") == true)
    }

    // MARK: √n plan

    @Test func sqrtPlanExamples() {
        #expect(Checkpointing.sqrtPlan(n: 10) == [4, 8])
        #expect(Checkpointing.sqrtPlan(n: 16) == [4, 8, 12])
        #expect(Checkpointing.sqrtPlan(n: 17) == [5, 10, 15])
        #expect(Checkpointing.sqrtPlan(n: 1) == [] && Checkpointing.sqrtPlan(n: 2) == [] && Checkpointing.sqrtPlan(n: 4) == [2])
        for n in 1...2000 {
            let k = Int(Double(n).squareRoot().rounded(.up))
            #expect(Checkpointing.sqrtPlan(n: n) == Array(stride(from: k, to: n, by: k)), "n = \(n)")
        }
    }

    // MARK: best plan

    @Test func bestPlanLessonExamples() throws {
        let sizes = [4, 4, 4, 4, 4, 4]
        #expect(Checkpointing.bestPlan(sizes: sizes, budget: 12)?.count == 2)
        #expect(Checkpointing.bestPlan(sizes: sizes, budget: 16)?.count == 3)
        #expect(Checkpointing.bestPlan(sizes: sizes, budget: 20) == [1, 2, 3, 4, 5])
        #expect(Checkpointing.bestPlan(sizes: sizes, budget: 11) == nil)      // the smallest peak is 12
        #expect(Checkpointing.bestPlan(sizes: [5], budget: 0) == [])
        #expect(Checkpointing.bestPlan(sizes: [5, 2], budget: 4) == nil)
        let plan = try #require(Checkpointing.bestPlan(sizes: [1, 1, 8, 1, 1, 1], budget: 10))
        #expect(plan.count == 2 && Checkpointing.cost(sizes: [1, 1, 8, 1, 1, 1], plan: plan).peakMemory <= 10)
    }

    /// Exactness: against every plan for n <= 14 on many seeded random size vectors and budgets.
    @Test func bestPlanAgreesWithBruteForce() {
        var rng = SeededRandom(seed: 2016)
        for round in 0..<400 {
            let n = rng.int(in: 1...(round < 300 ? 10 : 14))
            let sizes = (0..<n).map { _ in rng.int(in: 1...(round % 3 == 0 ? 3 : 40)) }
            let total = sizes.dropLast().reduce(0, +)
            for budget in [rng.int(in: 0...max(0, total)), rng.int(in: 0...max(0, total / 2)), total / 3] {
                let expected = Self.bruteForceBestCount(sizes, budget: budget)
                let got = Checkpointing.bestPlan(sizes: sizes, budget: budget)
                #expect(got?.count == expected, "sizes \(sizes) budget \(budget)")
                if let plan = got {
                    #expect(Checkpointing.planProblem(n: n, plan: plan) == nil)
                    #expect(Checkpointing.cost(sizes: sizes, plan: plan).peakMemory <= budget, "sizes \(sizes) budget \(budget) plan \(plan)")
                }
            }
        }
    }

    /// On equal sizes the best plan never needs more evaluations than the √n plan with the same memory.
    @Test func bestPlanBeatsOrTiesTheSqrtPlan() {
        for n in [10, 50, 100, 400] {
            let sizes = Array(repeating: 1, count: n)
            let sqrt = Checkpointing.cost(sizes: sizes, plan: Checkpointing.sqrtPlan(n: n))
            let best = Checkpointing.bestPlan(sizes: sizes, budget: sqrt.peakMemory)
            #expect(best != nil)
            #expect(Checkpointing.cost(sizes: sizes, plan: best ?? []).forwardEvaluations <= sqrt.forwardEvaluations)
        }
    }

    @Test func bestPlanHandlesTwoThousandLayers() throws {
        var rng = SeededRandom(seed: 3)
        let sizes = (0..<2000).map { _ in rng.int(in: 1...100) }
        let total = sizes.dropLast().reduce(0, +)
        let plan = try #require(Checkpointing.bestPlan(sizes: sizes, budget: total / 10))
        #expect(Checkpointing.planProblem(n: 2000, plan: plan) == nil)
        #expect(Checkpointing.cost(sizes: sizes, plan: plan).peakMemory <= total / 10)
    }

    // MARK: checkpointed chain

    /// The lesson's chain: D = 1, weights 0.5, 2, -1, checkpoint at 1.
    @Test func lessonChain() throws {
        let weights = try [[[0.5]], [[2.0]], [[-1.0]]].map { try Matrix($0) }
        let r = Checkpointing.chainGradients(x: [1], weights: weights, plan: [1])
        let x1 = Foundation.tanh(0.5), x2 = Foundation.tanh(2 * x1), x3 = Foundation.tanh(-x2)
        #expect(abs(r.loss - x3) < 1e-15)
        #expect(r.forwardEvaluations == 4)                       // 3 + the recomputed x_2
        let d3 = 1 - x3 * x3, d2 = -1 * d3 * (1 - x2 * x2), d1 = 2 * d2 * (1 - x1 * x1)
        #expect(abs(r.grads[2][0][0] - d3 * x2) < 1e-15)
        #expect(abs(r.grads[1][0][0] - d2 * x1) < 1e-15)
        #expect(abs(r.grads[0][0][0] - d1 * 1) < 1e-15)
    }

    /// Every plan gives plain backprop's gradients and the cost model's evaluation count.
    @Test func checkpointedMatchesPlainBackprop() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<150 {
            let n = rng.int(in: 1...12), d = rng.int(in: 1...4)
            let weights = (0..<n).map { _ in rng.uniformMatrix(rows: d, cols: d, -1.5, 1.5) }
            let x = (0..<d).map { _ in rng.uniform(-1, 1) }
            let plan = (1..<max(1, n)).filter { _ in rng.bool() }
            let r = Checkpointing.chainGradients(x: x, weights: weights, plan: plan)
            let plain = Self.plainGradients(x: x, weights: weights)
            #expect(r.forwardEvaluations == Checkpointing.cost(sizes: Array(repeating: d, count: n), plan: plan).forwardEvaluations)
            #expect(abs(r.loss - plain.loss) <= 1e-12)
            for i in 0..<n {
                #expect(r.grads[i] == plain.grads[i].rowArrays, "layer \(i + 1) plan \(plan)")
            }
        }
    }

    /// Gradients against central finite differences of the loss.
    @Test func gradientsMatchFiniteDifferences() {
        var rng = SeededRandom(seed: 9)
        let eps = 1e-6
        for _ in 0..<20 {
            let n = rng.int(in: 1...6), d = rng.int(in: 1...3)
            let weights = (0..<n).map { _ in rng.uniformMatrix(rows: d, cols: d, -1, 1) }
            let x = (0..<d).map { _ in rng.uniform(-1, 1) }
            let plan = Checkpointing.sqrtPlan(n: n)
            let r = Checkpointing.chainGradients(x: x, weights: weights, plan: plan)
            for i in 0..<n {
                for row in 0..<d {
                    for col in 0..<d {
                        var plus = weights, minus = weights
                        plus[i][row, col] += eps; minus[i][row, col] -= eps
                        let numeric = (Self.plainGradients(x: x, weights: plus).loss - Self.plainGradients(x: x, weights: minus).loss) / (2 * eps)
                        #expect(abs(numeric - r.grads[i][row][col]) < 1e-6, "W_\(i + 1)[\(row)][\(col)]")
                    }
                }
            }
        }
    }
}
