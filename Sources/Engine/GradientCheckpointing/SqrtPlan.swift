/// The √n plan of Chen et al. 2016, §4.1: a checkpoint every ⌈√n⌉ layers.
///
/// With k = ⌈√n⌉ the chain splits into about √n segments of about √n layers,
/// so on equal sizes the memory is O(√n) (√n checkpoints plus one segment
/// recomputed at a time) for one extra forward pass. Example: n = 10 gives
/// k = 4 and the plan [4, 8].
extension Checkpointing {
    /// Every multiple of ⌈√n⌉ below n.
    ///
    /// - Complexity: O(√n).
    public static func sqrtPlan(n: Int) -> [Int] {
        precondition(n >= 1, "a chain has at least one layer")
        var k = 1
        while k * k < n { k += 1 }      // ⌈√n⌉ in integers, no rounding surprises
        return Array(stride(from: k, to: n, by: k))
    }
}
