import Foundation

/// The three beta schedules of diffusers: linear, scaled_linear and Nichol &
/// Dhariwal's squared cosine (capped at 0.999).
func betaSchedule(schedule: String, steps: Int, betaStart: Double, betaEnd: Double) -> [Double] {
    let last = Double(steps - 1)
    switch schedule {
    case "linear":
        return (0..<steps).map { i in betaStart + (betaEnd - betaStart) * Double(i) / last }
    case "scaled_linear":
        let from = betaStart.squareRoot(), to = betaEnd.squareRoot()
        return (0..<steps).map { i in
            let root = from + (to - from) * Double(i) / last
            return root * root
        }
    default:   // "squaredcos_cap_v2"
        func f(_ u: Double) -> Double {
            let c = cos((u + 0.008) / 1.008 * Double.pi / 2)
            return c * c
        }
        let n = Double(steps)
        return (0..<steps).map { i in min(1 - f(Double(i + 1) / n) / f(Double(i) / n), 0.999) }
    }
}
