/// DETR's set prediction loss for one image, given a matching.
///
/// Carion et al. 2020, §3.1 (the Hungarian loss) and §A.2, in the form of the
/// released `SetCriterion`:
///
/// ```
/// class_q = label of q's target if q is matched, else C ("no object")
/// w_q     = eosCoef if class_q = C, else 1
/// ce      = Σ_q w_q·(-log softmax(logits_q)[class_q]) / Σ_q w_q
/// l1      = Σ_{(q,t) matched} ‖b_q - b_t‖₁ / max(1, T)          // cxcywh
/// giou    = Σ_{(q,t) matched} (1 - GIoU(b_q, b_t)) / max(1, T)   // as xyxy
/// ```
///
/// Most queries match nothing, so without the weight (0.1 in the paper)
/// "no object" would dominate the classification term. The box terms are
/// divided by the number of targets, not of matched pairs, as DETR does
/// (there it is averaged over the whole batch and all GPUs).
extension DETR {
    /// The catalog's `{ce, l1, giou}`.
    public struct SetLoss: Sendable, Equatable, Codable {
        public var ce: Double
        public var l1: Double
        public var giou: Double
        public init(ce: Double, l1: Double, giou: Double) { self.ce = ce; self.l1 = l1; self.giou = giou }
    }

    /// The three terms of the loss; the caller weighs and sums them.
    ///
    /// - Parameters: as `match`, plus `matching` (`[query, target]` pairs, each
    ///   query and target at most once) and `eosCoef`, the no-object weight.
    /// - Complexity: O(Q·C + |matching|).
    public static func setLoss(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
                               matching: [[Int]], eosCoef: Double) -> SetLoss {
        let noObject = (logits.first?.count ?? 1) - 1
        var classOf = [Int](repeating: noObject, count: logits.count)
        for pair in matching { classOf[pair[0]] = labels[pair[1]] }
        var weighted = 0.0, weights = 0.0
        for (q, scores) in logits.enumerated() {
            let w = classOf[q] == noObject ? eosCoef : 1
            weighted += w * -logSoftmax(scores)[classOf[q]]
            weights += w
        }
        var l1Sum = 0.0, giouSum = 0.0
        for pair in matching {
            let b = boxes[pair[0]], t = targets[pair[1]]
            l1Sum += l1(b, t)
            giouSum += 1 - giou(xyxy(fromCenter: b), xyxy(fromCenter: t))
        }
        let count = Double(max(1, targets.count))
        return SetLoss(ce: weights > 0 ? weighted / weights : 0, l1: l1Sum / count, giou: giouSum / count)
    }
}
