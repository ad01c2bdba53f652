/// One ancestral DDPM step: guess x0 from the predicted noise, then sample the
/// posterior q(x_{t-1} | x_t, x̂0) (Ho et al. 2020, eq. 6-7).
func ddpmStep(sample: [Double], epsilon: [Double], noise: [Double], t: Int, betas: [Double],
              clipSample: Bool) -> [Double] {
    var alphaBarPrev = 1.0                     // ᾱ_{t-1}, 1 before the first step
    for s in 0..<t { alphaBarPrev *= 1 - betas[s] }
    let beta = betas[t]
    let alphaBar = alphaBarPrev * (1 - beta)   // ᾱ_t
    let x0Weight = alphaBarPrev.squareRoot() * beta / (1 - alphaBar)
    let sampleWeight = (1 - beta).squareRoot() * (1 - alphaBarPrev) / (1 - alphaBar)
    let sigma = max(beta * (1 - alphaBarPrev) / (1 - alphaBar), 1e-20).squareRoot()
    var out: [Double] = []
    for i in 0..<sample.count {
        var x0 = (sample[i] - (1 - alphaBar).squareRoot() * epsilon[i]) / alphaBar.squareRoot()
        if clipSample { x0 = min(1, max(-1, x0)) }
        let mean = x0Weight * x0 + sampleWeight * sample[i]
        out.append(t > 0 ? mean + sigma * noise[i] : mean)
    }
    return out
}
