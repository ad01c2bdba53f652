/// The √n checkpointing plan of Chen et al. (2016): every multiple of
/// k = ⌈√n⌉ that is below n, ascending.
///
/// n >= 1. Examples: n = 10 gives [4, 8]; n = 16 gives [4, 8, 12]; n = 1 and
/// n = 2 give []. Compute k with integers so perfect squares come out exact.
func sqrtPlan(n: Int) -> [Int] {
    // TODO: find k, then list k, 2k, … below n.
    return []
}
