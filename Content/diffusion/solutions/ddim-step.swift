/// ᾱ at timestep t: the product of (1 − β_s) for s = 0 ... t, and 1 for t < 0.
func cumulativeAlpha(_ betas: [Double], upTo t: Int) -> Double {
    var product = 1.0
    var s = 0
    while s <= t {
        product *= 1 - betas[s]
        s += 1
    }
    return product
}

/// DDIM with eta = 0 (Song et al. 2021, eq. 12): guess x0, re-noise it to prevT.
func ddimStep(sample: [Double], epsilon: [Double], t: Int, prevT: Int, betas: [Double]) -> [Double] {
    let now = cumulativeAlpha(betas, upTo: t)
    let then = cumulativeAlpha(betas, upTo: prevT)
    var out: [Double] = []
    for i in 0..<sample.count {
        let x0 = (sample[i] - (1 - now).squareRoot() * epsilon[i]) / now.squareRoot()
        out.append(then.squareRoot() * x0 + (1 - then).squareRoot() * epsilon[i])
    }
    return out
}
