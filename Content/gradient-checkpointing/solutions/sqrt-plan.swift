/// k = ⌈√n⌉ found with integers, then every multiple of k below n.
func sqrtPlan(n: Int) -> [Int] {
    var k = 1
    while k * k < n { k += 1 }
    var plan: [Int] = []
    var c = k
    while c < n {
        plan.append(c)
        c += k
    }
    return plan
}
