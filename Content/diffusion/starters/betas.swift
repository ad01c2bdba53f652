/// The T = `steps` betas of a noise schedule, in diffusers' conventions.
///
/// - `"linear"`: evenly spaced from betaStart to betaEnd, both ends included.
/// - `"scaled_linear"`: evenly spaced from sqrt(betaStart) to sqrt(betaEnd), each squared.
/// - `"squaredcos_cap_v2"`: β_i = min(1 − f((i+1)/steps)/f(i/steps), 0.999) with
///   f(u) = cos²((u + 0.008)/1.008 · π/2); betaStart and betaEnd are ignored.
///
/// steps >= 2. Returns `steps` values. See "Three schedules" in the lesson.
func betaSchedule(schedule: String, steps: Int, betaStart: Double, betaEnd: Double) -> [Double] {
    // TODO: one branch per schedule name.
    return [Double](repeating: 0, count: steps)
}
