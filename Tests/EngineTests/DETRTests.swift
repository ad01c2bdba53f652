import Foundation
import Testing
import Tensor
@testable import Engine

@Suite("DETR: boxes, IoU, GIoU, Hungarian, matching, set loss")
struct DETRTests {
    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol * (1 + abs(b)) }

    // MARK: boxes

    @Test func lessonBoxConversion() {
        #expect(DETR.convert([[2, 1, 6, 4]], from: .xyxy, to: .cxcywh) == [[4, 2.5, 4, 3]])
        #expect(DETR.convert([[4, 2.5, 4, 3]], from: .cxcywh, to: .xyxy) == [[2, 1, 6, 4]])
        #expect(DETR.convert([[1, 2, 3, 4]], from: .xyxy, to: .xyxy) == [[1, 2, 3, 4]])
    }

    @Test func conversionRoundTrips() {
        var rng = SeededRandom(seed: 1)
        for _ in 0..<300 {
            let b = [rng.uniform(-5, 5), rng.uniform(-5, 5), rng.uniform(0.01, 3), rng.uniform(0.01, 3)]
            let back = DETR.center(fromXYXY: DETR.xyxy(fromCenter: b))
            #expect(zip(back, b).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }

    // MARK: IoU and GIoU

    /// Pixel-counting twin: area measured on a fine grid of cell centres (boxes on a 0.25 lattice).
    static func gridIoU(_ a: [Double], _ b: [Double]) -> Double {
        var inter = 0, union = 0
        for i in -48..<64 {
            for j in -48..<64 {
                let x = (Double(i) + 0.5) / 8, y = (Double(j) + 0.5) / 8
                let inA = x > a[0] && x < a[2] && y > a[1] && y < a[3]
                let inB = x > b[0] && x < b[2] && y > b[1] && y < b[3]
                if inA && inB { inter += 1 }
                if inA || inB { union += 1 }
            }
        }
        return Double(inter) / Double(union)
    }

    @Test func lessonIoUAndGIoU() {
        #expect(Self.close(DETR.iou([0, 0, 2, 2], [1, 1, 3, 3]), 1.0 / 7))
        #expect(DETR.iou([0, 0, 1, 1], [1, 0, 2, 1]) == 0)                   // touching edges
        #expect(DETR.iou([0, 0, 1, 1], [0, 0, 1, 1]) == 1)
        #expect(Self.close(DETR.giou([0, 0, 1, 1], [2, 0, 3, 1]), -1.0 / 3))
        #expect(Self.close(DETR.giou([0, 0, 2, 2], [1, 1, 3, 3]), 1.0 / 7 - 2.0 / 9))
        #expect(DETR.giou([0, 0, 4, 4], [1, 1, 2, 2]) == DETR.iou([0, 0, 4, 4], [1, 1, 2, 2]))   // nested: C = U
    }

    @Test func iouAgreesWithPixelCounting() {
        var rng = SeededRandom(seed: 2)
        func box() -> [Double] {
            let x0 = Double(rng.int(in: -16...12)) / 4, y0 = Double(rng.int(in: -16...12)) / 4
            return [x0, y0, x0 + Double(rng.int(in: 1...12)) / 4, y0 + Double(rng.int(in: 1...12)) / 4]
        }
        for _ in 0..<200 {
            let a = box(), b = box()
            #expect(Self.close(DETR.iou(a, b), Self.gridIoU(a, b)), "\(a) \(b)")
            let g = DETR.giou(a, b)
            #expect(g <= DETR.iou(a, b) + 1e-15 && g > -1)
            #expect(Self.close(g, DETR.giou(b, a)))
        }
    }

    /// GIoU keeps falling as disjoint boxes move apart; IoU stays 0.
    @Test func giouSeesDistance() {
        let a = [0.0, 0, 1, 1]
        let values = stride(from: 1.5, through: 10, by: 0.5).map { DETR.giou(a, [$0, 0, $0 + 1, 1]) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
        #expect(stride(from: 1.5, through: 10, by: 0.5).allSatisfy { DETR.iou(a, [$0, 0, $0 + 1, 1]) == 0 })
    }

    // MARK: Hungarian

    /// The least total over every injective assignment of the shorter side.
    static func bruteForce(_ cost: [[Double]]) -> Double {
        let n = cost.count, m = cost.first?.count ?? 0
        guard n > 0, m > 0 else { return 0 }
        let t = n > m ? (0..<m).map { c in (0..<n).map { cost[$0][c] } } : cost
        let rows = t.count, cols = t[0].count
        var best = Double.infinity
        var used = [Bool](repeating: false, count: cols)
        func go(_ r: Int, _ sum: Double) {
            if r == rows { best = min(best, sum); return }
            for c in 0..<cols where !used[c] { used[c] = true; go(r + 1, sum + t[r][c]); used[c] = false }
        }
        go(0, 0)
        return best
    }

    static func isAssignment(_ pairs: [[Int]], n: Int, m: Int) -> Bool {
        pairs.count == min(n, m) && Set(pairs.map { $0[0] }).count == pairs.count && Set(pairs.map { $0[1] }).count == pairs.count
            && pairs.allSatisfy { (0..<n).contains($0[0]) && (0..<m).contains($0[1]) }
            && zip(pairs, pairs.dropFirst()).allSatisfy { $0[0] < $1[0] }
    }

    @Test func lessonHungarian() {
        let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        #expect(DETR.hungarian(cost) == [[0, 1], [1, 0], [2, 2]])
        #expect(DETR.assignmentCost(cost, DETR.hungarian(cost)) == 5)
        #expect(DETR.assignmentCost([[1, 2], [2, 4]], DETR.hungarian([[1, 2], [2, 4]])) == 4)   // greedy would pay 5
        #expect(DETR.hungarian([]) == [] && DETR.hungarian([[]]) == [])
        #expect(DETR.hungarian([[3], [1], [2]]) == [[1, 0]])
    }

    /// Every small shape (n, m <= 7), square and rectangular, with ties, negative and large costs.
    @Test func hungarianAgreesWithBruteForce() {
        var rng = SeededRandom(seed: 1955)
        for n in 1...7 {
            for m in 1...7 {
                for trial in 0..<(n * m <= 25 ? 12 : 4) {
                    let cost: [[Double]] = (0..<n).map { _ in
                        (0..<m).map { _ in
                            switch trial % 4 {
                            case 0: Double(rng.int(in: 0...2))                       // many ties
                            case 1: Double(rng.int(in: -1000...1000))                // negative
                            case 2: Double(rng.int(in: -3...3)) * 1e9                // large
                            default: rng.uniform(-1, 1)
                            }
                        }
                    }
                    let pairs = DETR.hungarian(cost)
                    #expect(Self.isAssignment(pairs, n: n, m: m), "\(n)×\(m): \(pairs)")
                    let total = DETR.assignmentCost(cost, pairs), best = Self.bruteForce(cost)
                    #expect(abs(total - best) <= 1e-9 * (1 + abs(best)), "\(n)×\(m) trial \(trial): \(total) vs \(best)")
                }
            }
        }
    }

    // MARK: matching and loss

    /// The matching cost written entry by entry from the paper's formula.
    static func naiveCost(_ logits: [[Double]], _ boxes: [[Double]], _ labels: [Int], _ targets: [[Double]],
                          _ wc: Double, _ wb: Double, _ wg: Double) -> [[Double]] {
        boxes.indices.map { q in
            let e = logits[q].map { Foundation.exp($0) }
            let p = e.map { $0 / e.reduce(0, +) }
            return targets.indices.map { t in
                let l1 = (0..<4).map { abs(boxes[q][$0] - targets[t][$0]) }.reduce(0, +)
                let g = DETR.giou(DETR.xyxy(fromCenter: boxes[q]), DETR.xyxy(fromCenter: targets[t]))
                return wb * l1 - wc * p[labels[t]] - wg * g
            }
        }
    }

    @Test func lessonMatch() {
        let logits: [[Double]] = [[2, 0, 0], [0, 0, 2]]
        let boxes: [[Double]] = [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]]
        let m = DETR.match(logits: logits, boxes: boxes, labels: [0], targets: [[0.32, 0.3, 0.2, 0.2]],
                           costClass: 1, costBbox: 5, costGiou: 2)
        #expect(m == [[0, 0]])
        #expect(DETR.match(logits: logits, boxes: boxes, labels: [], targets: [], costClass: 1, costBbox: 5, costGiou: 2) == [])
    }

    @Test func matchingCostAndMatchAgreeWithTwins() {
        var rng = SeededRandom(seed: 2020)
        for _ in 0..<150 {
            let q = rng.int(in: 1...6), c = rng.int(in: 1...3), t = rng.int(in: 0...7)
            func box() -> [Double] { [rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8), rng.uniform(0.05, 0.4), rng.uniform(0.05, 0.4)] }
            let logits = (0..<q).map { _ in (0...c).map { _ in rng.normal(std: 2) } }
            let boxes = (0..<q).map { _ in box() }, targets = (0..<t).map { _ in box() }
            let labels = (0..<t).map { _ in rng.int(in: 0..<c) }
            let cost = DETR.matchingCost(logits: logits, boxes: boxes, labels: labels, targets: targets,
                                         costClass: 1, costBbox: 5, costGiou: 2)
            let twin = Self.naiveCost(logits, boxes, labels, targets, 1, 5, 2)
            #expect(zip(cost.joined(), twin.joined()).allSatisfy { Self.close($0, $1, 1e-12) })
            let pairs = DETR.match(logits: logits, boxes: boxes, labels: labels, targets: targets,
                                   costClass: 1, costBbox: 5, costGiou: 2)
            if t == 0 { #expect(pairs.isEmpty); continue }
            #expect(Self.isAssignment(pairs, n: q, m: t))
            #expect(abs(DETR.assignmentCost(cost, pairs) - Self.bruteForce(cost)) < 1e-9)
        }
    }

    /// The lesson's loss, computed by hand: query 0 matched to the class-0 target, query 1 no-object.
    @Test func lessonSetLoss() {
        let logits: [[Double]] = [[2, 0, 0], [0, 0, 2]]
        let boxes: [[Double]] = [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]]
        let target: [[Double]] = [[0.32, 0.3, 0.2, 0.2]]
        let loss = DETR.setLoss(logits: logits, boxes: boxes, labels: [0], targets: target, matching: [[0, 0]], eosCoef: 0.1)
        let nll = Foundation.log(Foundation.exp(2.0) + 2) - 2            // -log softmax([2, 0, 0])[0] = -log softmax([0, 0, 2])[2]
        #expect(Self.close(loss.ce, (1 * nll + 0.1 * nll) / 1.1))
        #expect(Self.close(loss.l1, 0.02, 1e-9))
        let giou = DETR.giou([0.2, 0.2, 0.4, 0.4], [0.22, 0.2, 0.42, 0.4])   // overlap 0.18×0.2, union 0.08 - 0.036
        #expect(Self.close(giou, 0.036 / 0.044 - (0.044 - 0.044) / 0.044, 1e-9))
        #expect(Self.close(loss.giou, 1 - giou, 1e-9))
        // With T = 0 every query targets no-object and the box terms are 0.
        let empty = DETR.setLoss(logits: logits, boxes: boxes, labels: [], targets: [], matching: [], eosCoef: 0.1)
        #expect(empty.l1 == 0 && empty.giou == 0 && Self.close(empty.ce, (-DETR.logSoftmax(logits[0])[2] + nll) / 2))
    }

    @Test func setLossIsStableForHugeLogits() {
        let loss = DETR.setLoss(logits: [[1000, -1000, 0]], boxes: [[0.5, 0.5, 0.2, 0.2]], labels: [1],
                                targets: [[0.5, 0.5, 0.2, 0.2]], matching: [[0, 0]], eosCoef: 0.1)
        #expect(Self.close(loss.ce, 2000) && loss.l1 == 0 && loss.giou == 0)
    }
}
