/// Forward noising in closed form (Ho et al. 2020, eq. 4).
func addNoise(x0: [Double], noise: [Double], t: Int, betas: [Double]) -> [Double] {
    var alphaBar = 1.0
    for s in 0...t { alphaBar *= 1 - betas[s] }
    let keep = alphaBar.squareRoot(), add = (1 - alphaBar).squareRoot()
    var out: [Double] = []
    for i in 0..<x0.count { out.append(keep * x0[i] + add * noise[i]) }
    return out
}
