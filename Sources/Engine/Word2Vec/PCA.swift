import Tensor

extension Word2Vec {
    /// The leading principal components of a set of points, by power
    /// iteration with deflation; used to draw embeddings in two dimensions.
    ///
    /// With X the n×d matrix of points, centred (each column minus its mean),
    /// the covariance is C = XᵀX / n (d×d, symmetric). Its eigenvector with the
    /// largest eigenvalue is the direction of greatest variance. Power
    /// iteration finds it by repeating
    ///
    /// ```
    /// v ← C·v / ‖C·v‖
    /// ```
    ///
    /// which converges at rate λ₂/λ₁; then C ← C - λ₁·v·vᵀ (deflation) and
    /// the same loop finds the next component. Each component's sign is fixed
    /// so its largest-magnitude entry is positive, making the picture stable.
    ///
    /// - Complexity: O(n·d² + components · iterations · d²).
    public struct PCA: Sendable, Equatable {
        /// The unit components, one per row: [components, d].
        public var components: [[Double]]
        /// The variance along each component (the eigenvalues of C).
        public var variances: [Double]
        /// The column means removed before projecting: [d].
        public var mean: [Double]

        public init(points: [[Double]], components count: Int = 2, iterations: Int = 500) {
            let n = points.count, d = points.first?.count ?? 0
            precondition(n >= 1 && d >= 1, "PCA needs at least one point of at least one value")
            precondition(count >= 1 && count <= d, "PCA components must be in 1...\(d), got \(count)")
            // 1. Centre the points: [n, d].
            var mean = [Double](repeating: 0, count: d)
            for p in points { for j in 0..<d { mean[j] += p[j] } }
            for j in 0..<d { mean[j] /= Double(n) }
            // 2. Covariance C = XᵀX / n: [d, d].
            var x = Matrix(rows: n, cols: d)
            for (i, p) in points.enumerated() { for j in 0..<d { x[i, j] = p[j] - mean[j] } }
            var c = x.transposed.matmul(x).scaled(by: 1 / Double(n))
            // 3. Power iteration and deflation.
            var components: [[Double]] = [], variances: [Double] = []
            for index in 0..<count {
                // A fixed start, not orthogonal to any particular axis.
                var v = (0..<d).map { 1 + Double(($0 + index) % 7) / 10 }
                v = unit(v)
                var lambda = 0.0
                for _ in 0..<iterations {
                    var cv = [Double](repeating: 0, count: d)                     // [d] = C·v
                    for r in 0..<d { for s in 0..<d { cv[r] += c[r, s] * v[s] } }
                    let length = norm(cv)
                    if length < 1e-300 { lambda = 0; break }   // nothing left: any direction will do
                    let next = cv.map { $0 / length }
                    var change = 0.0
                    for j in 0..<d { change = Swift.max(change, Swift.abs(next[j] - v[j])) }
                    v = next
                    lambda = length
                    if change < 1e-13 { break }
                }
                if let biggest = v.indices.max(by: { Swift.abs(v[$0]) < Swift.abs(v[$1]) }), v[biggest] < 0 {
                    v = v.map { -$0 }
                }
                components.append(v)
                variances.append(lambda)
                // C ← C - λ v vᵀ
                for r in 0..<d { for s in 0..<d { c[r, s] -= lambda * v[r] * v[s] } }
            }
            self.components = components
            self.variances = variances
            self.mean = mean
        }

        /// The coordinates of `point` along each component.
        public func project(_ point: [Double]) -> [Double] {
            components.map { comp in
                var s = 0.0
                for j in comp.indices { s += (point[j] - mean[j]) * comp[j] }
                return s
            }
        }
    }
}
