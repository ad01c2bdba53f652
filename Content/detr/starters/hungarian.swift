/// A minimum-cost assignment for the n×m matrix `cost`: min(n, m) pairs
/// [row, col], no row or column twice, rows ascending, with the least total.
///
/// Costs are finite and may be negative; n or m may be 0 (answer []). Any
/// optimal assignment is accepted. A 400×400 matrix must take milliseconds,
/// so use the O(n³) shortest-augmenting-path method with potentials from the
/// lesson; trying all permutations will run out of time.
func hungarian(cost: [[Double]]) -> [[Int]] {
    // TODO: potentials u, v and one Dijkstra-like search per row.
    return []
}
