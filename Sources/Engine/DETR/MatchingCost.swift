/// DETR's bipartite matching between Q predictions and T ground-truth objects.
///
/// Carion et al. 2020, §3.1 and the released `HungarianMatcher`: the pair
/// cost is
///
/// ```
/// C[q][t] = costBbox·‖b_q - b_t‖₁ - costClass·p_q(c_t) - costGiou·GIoU(b_q, b_t)
/// ```
///
/// with boxes in cxcywh for the L1 term, converted to xyxy for GIoU, and
/// p_q = softmax(logits_q) over the C classes and "no object". The
/// probability enters directly (not its log) so it is on the same scale as
/// the box terms. The assignment is `hungarian(C)`: min(Q, T) pairs, every
/// target matched when Q >= T.
extension DETR {
    /// The Q×T matching cost matrix.
    ///
    /// - Parameters:
    ///   - logits: Q×(C+1) class scores, the last column "no object".
    ///   - boxes: Q×4 predicted boxes, cxcywh.
    ///   - labels: T class indices in 0..<C.
    ///   - targets: T×4 ground-truth boxes, cxcywh.
    /// - Complexity: O(Q·(C + T)).
    public static func matchingCost(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
                                    costClass: Double, costBbox: Double, costGiou: Double) -> [[Double]] {
        let targetCorners = targets.map(xyxy(fromCenter:))
        return zip(logits, boxes).map { scores, box in
            let p = softmax(scores)
            let corners = xyxy(fromCenter: box)
            return targets.indices.map { t in
                costBbox * l1(box, targets[t]) - costClass * p[labels[t]] - costGiou * giou(corners, targetCorners[t])
            }
        }
    }

    /// The optimal `[query, target]` pairs, queries ascending; [] when T = 0.
    /// - Complexity: O(Q·(C + T)) for the costs plus the Hungarian algorithm.
    public static func match(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
                             costClass: Double, costBbox: Double, costGiou: Double) -> [[Int]] {
        guard !targets.isEmpty, !boxes.isEmpty else { return [] }
        return hungarian(matchingCost(logits: logits, boxes: boxes, labels: labels, targets: targets,
                                      costClass: costClass, costBbox: costBbox, costGiou: costGiou))
    }
}
