import Testing
import Tensor
@testable import Engine

@Suite("word2vec: PCA by power iteration")
struct Word2VecPCATests {
    @Test func pointsOnALine() {
        // Points along (3, 4)/5 with a little spread across it.
        let points: [[Double]] = [[0, 0], [3, 4], [6, 8], [-3, -4], [0.8, -0.6], [-0.8, 0.6]]
        let pca = Word2Vec.PCA(points: points, components: 2)
        #expect(abs(pca.components[0][0] - 0.6) < 1e-9 && abs(pca.components[0][1] - 0.8) < 1e-9)
        #expect(abs(abs(pca.components[1][0]) - 0.8) < 1e-9)
        // Projections along the first component are the signed distances along the line.
        let p = pca.project([6, 8])
        #expect(abs(p[0] - (10 - pca.mean[0] * 0.6 - pca.mean[1] * 0.8)) < 1e-9)
        #expect(pca.variances[0] > pca.variances[1])
    }

    /// The naive twin: the cyclic Jacobi eigenvalue method on the covariance.
    static func jacobiEigenvalues(_ a: Matrix) -> [Double] {
        var a = a
        let n = a.rows
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where p != q { off += a[p, q] * a[p, q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where abs(a[p, q]) > 1e-300 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {   // A ← A·J
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq; a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {   // A ← Jᵀ·A
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk; a[q, k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0..<n).map { a[$0, $0] }.sorted(by: >)
    }

    @Test func matchesJacobiOnRandomClouds() {
        var rng = SeededRandom(seed: 41)
        for _ in 0..<60 {
            let n = rng.int(in: 5...40), d = rng.int(in: 2...6)
            // Stretch the axes differently so the eigenvalues are well separated.
            let scales = (0..<d).map { Double(d - $0) * 1.7 }
            let points = (0..<n).map { _ in (0..<d).map { rng.normal() * scales[$0] } }
            let pca = Word2Vec.PCA(points: points, components: 2, iterations: 5000)
            var x = Matrix(rows: n, cols: d)
            for i in 0..<n { for j in 0..<d { x[i, j] = points[i][j] - pca.mean[j] } }
            let cov = x.transposed.matmul(x).scaled(by: 1 / Double(n))
            let eig = Self.jacobiEigenvalues(cov)
            guard eig[0] - eig[1] > 1e-3 * eig[0], d < 3 || eig[1] - eig[2] > 1e-3 * eig[0] else { continue }
            for c in 0..<2 {
                #expect(abs(pca.variances[c] - eig[c]) < 1e-6 * eig[0])
                // C·v = λ·v and ‖v‖ = 1.
                let v = pca.components[c]
                let cv = (0..<d).map { r in (0..<d).reduce(0.0) { $0 + cov[r, $1] * v[$1] } }
                for j in 0..<d { #expect(abs(cv[j] - pca.variances[c] * v[j]) < 1e-5 * eig[0]) }
                #expect(abs(Word2Vec.norm(v) - 1) < 1e-12)
            }
            #expect(abs(dot(pca.components[0], pca.components[1])) < 1e-6)
        }
    }
}
