/// DETR's matcher: the min(Q, T) pairs [query, target], queries ascending,
/// of a minimum-cost assignment of the Q×T cost
///
///     C[q][t] = costBbox·L1(boxes[q], targets[t]) - costClass·softmax(logits[q])[labels[t]]
///               - costGiou·GIoU(xyxy(boxes[q]), xyxy(targets[t]))
///
/// `logits` is Q×(C+1) (the last column is "no object"), boxes and targets
/// are cxcywh, `labels` are classes in 0..<C. T may be 0 (answer []) or larger
/// than Q. Any optimal matching is accepted. See "DETR's matching cost".
func detrMatch(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]],
               costClass: Double, costBbox: Double, costGiou: Double) -> [[Int]] {
    // TODO: build the cost matrix, then solve the assignment.
    return []
}
