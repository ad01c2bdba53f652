/// Ho & Salimans 2022, §3: extrapolate from the unconditional prediction
/// through the conditional one.
func classifierFreeGuidance(uncond: [Double], cond: [Double], scale: Double) -> [Double] {
    var out: [Double] = []
    for i in 0..<uncond.count { out.append(uncond[i] + scale * (cond[i] - uncond[i])) }
    return out
}
