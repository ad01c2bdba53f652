import Tensor

/// The numbers behind the `checkpointing` demo: many random plans on one
/// chain, the √n plan, the frontier of best plans, and the backward
/// schedule of a plan segment by segment.
///
/// Everything is computed with the cost model of `PlanCost.swift` and the
/// search of `BestPlan.swift`; the demo only draws it.
extension Checkpointing {
    public struct PlanStudy: Sendable {
        /// One plan with its cost.
        public struct Point: Sendable, Equatable {
            public var plan: [Int]
            public var cost: PlanCost
        }

        /// One step of the backward pass: segment (a, b], recomputing a+1 … b-1.
        public struct SegmentStep: Sendable, Equatable {
            public var a: Int, b: Int
            /// Memory held while the segment is processed: checkpoints + this interior.
            public var held: Int
            /// Forward evaluations so far, the first forward pass included.
            public var evaluationsSoFar: Int
        }

        public let sizes: [Int]
        public let random: [Point]
        public let sqrt: Point
        /// For a sweep of budgets, the best plan that fits, cheapest memory first;
        /// duplicates removed.
        public let frontier: [Point]

        /// - Parameters:
        ///   - n: layers, >= 2.
        ///   - plans: how many random plans to draw.
        ///   - seed: seeds the sizes (1…9) and the plans.
        ///   - budgets: how many budgets the frontier sweeps.
        public init(n: Int, plans: Int, seed: UInt64, budgets: Int = 40) {
            precondition(n >= 2)
            var rng = SeededRandom(seed: seed)
            let sizes = (0..<n).map { _ in rng.int(in: 1...9) }
            self.sizes = sizes
            random = (0..<plans).map { _ in
                // Densities from sparse to dense so the scatter covers the whole range.
                let density = rng.uniform(0.02, 0.98)
                let plan = (1..<n).filter { _ in rng.uniform() < density }
                return Point(plan: plan, cost: Checkpointing.cost(sizes: sizes, plan: plan))
            }
            let sqrtPlan = Checkpointing.sqrtPlan(n: n)
            sqrt = Point(plan: sqrtPlan, cost: Checkpointing.cost(sizes: sizes, plan: sqrtPlan))
            let total = sizes.dropLast().reduce(0, +)
            var frontier: [Point] = []
            for k in 0...max(1, budgets) {
                let budget = total * k / max(1, budgets)
                guard let plan = Checkpointing.bestPlan(sizes: sizes, budget: budget) else { continue }
                let point = Point(plan: plan, cost: Checkpointing.cost(sizes: sizes, plan: plan))
                if frontier.last?.cost.forwardEvaluations != point.cost.forwardEvaluations { frontier.append(point) }
            }
            self.frontier = frontier
        }

        /// The backward pass of `plan`: its segments from last to first.
        public func schedule(_ plan: [Int]) -> [SegmentStep] {
            let n = sizes.count
            let cuts = Checkpointing.boundaries(n: n, plan: plan)
            let held = plan.reduce(0) { $0 + sizes[$1 - 1] }
            var evaluations = n
            var steps: [SegmentStep] = []
            for s in stride(from: cuts.count - 1, through: 1, by: -1) {
                let a = cuts[s - 1], b = cuts[s]
                let interior = b - a > 1 ? ((a + 1)..<b).reduce(0) { $0 + sizes[$1 - 1] } : 0
                evaluations += b - a - 1
                steps.append(SegmentStep(a: a, b: b, held: held + interior, evaluationsSoFar: evaluations))
            }
            return steps
        }
    }
}
