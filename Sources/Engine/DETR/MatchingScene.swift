import Tensor

/// The numbers behind the `detr-matching` demo: a random image with T
/// objects and Q predictions (some near an object, some not), DETR's
/// matching cost between them and the Hungarian matching.
extension DETR {
    public struct MatchingScene: Sendable {
        public let logits: [[Double]]      // Q×(C+1)
        public let boxes: [[Double]]       // Q×4, cxcywh
        public let labels: [Int]           // T
        public let targets: [[Double]]     // T×4, cxcywh
        public let classes: Int
        public let cost: [[Double]]        // Q×T
        public let matching: [[Int]]       // [query, target]

        /// - Parameters:
        ///   - queries: Q >= 1; targets: T >= 0; classes: C >= 1.
        ///   - seed: seeds boxes, labels and logits.
        /// Costs use DETR's weights: class 1, L1 5, GIoU 2.
        public init(queries: Int, targets: Int, classes: Int = 3, seed: UInt64) {
            var rng = SeededRandom(seed: seed)
            func box() -> [Double] {
                let w = rng.uniform(0.1, 0.35), h = rng.uniform(0.1, 0.35)
                return [rng.uniform(w / 2, 1 - w / 2), rng.uniform(h / 2, 1 - h / 2), w, h]
            }
            let targetBoxes = (0..<targets).map { _ in box() }
            let labels = (0..<targets).map { _ in rng.int(in: 0..<classes) }
            var logits: [[Double]] = [], boxes: [[Double]] = []
            for q in 0..<queries {
                var scores = (0...classes).map { _ in rng.normal() }
                if q < targets, rng.uniform() < 0.8 {
                    // A prediction that has roughly found object q (the matcher does not know which).
                    let t = targetBoxes[q]
                    boxes.append([t[0] + rng.normal(std: 0.03), t[1] + rng.normal(std: 0.03),
                                  max(0.05, t[2] * rng.uniform(0.8, 1.2)), max(0.05, t[3] * rng.uniform(0.8, 1.2))])
                    scores[labels[q]] += 2.5
                } else {
                    boxes.append(box())
                    scores[classes] += 2           // leaning to "no object"
                }
                logits.append(scores)
            }
            // Shuffle the queries so matched pairs are not simply the diagonal.
            var order = Array(0..<queries)
            for i in stride(from: queries - 1, to: 0, by: -1) { order.swapAt(i, rng.int(in: 0...i)) }
            self.logits = order.map { logits[$0] }
            self.boxes = order.map { boxes[$0] }
            self.labels = labels
            self.targets = targetBoxes
            self.classes = classes
            cost = DETR.matchingCost(logits: self.logits, boxes: self.boxes, labels: labels, targets: targetBoxes,
                                     costClass: 1, costBbox: 5, costGiou: 2)
            matching = DETR.match(logits: self.logits, boxes: self.boxes, labels: labels, targets: targetBoxes,
                                  costClass: 1, costBbox: 5, costGiou: 2)
        }

        /// The three ingredients of cost[q][t]: the class probability, the L1 distance and the GIoU.
        public func terms(query q: Int, target t: Int) -> (probability: Double, l1: Double, giou: Double) {
            (DETR.softmax(logits[q])[labels[t]], DETR.l1(boxes[q], targets[t]),
             DETR.giou(DETR.xyxy(fromCenter: boxes[q]), DETR.xyxy(fromCenter: targets[t])))
        }
    }
}
