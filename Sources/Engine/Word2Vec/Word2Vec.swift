
/// word2vec: the skip-gram model trained with negative sampling (SGNS), as in
/// Mikolov et al. 2013a ("Efficient Estimation of Word Representations in
/// Vector Space") and 2013b ("Distributed Representations of Words and
/// Phrases and their Compositionality").
///
/// Each algorithm of the lesson lives in its own file as an extension of this
/// namespace: the training pairs, the noise distribution, subsampling, one
/// SGNS step, nearest neighbours and analogies, a vocabulary, a full trainer,
/// a synthetic corpus with known structure, and a 2-D PCA for pictures.
///
/// Left out on purpose: hierarchical softmax, CBOW, phrases and multi-threading
/// (the original C code runs lock-free threads; one thread keeps the result a
/// pure function of the seed).
public enum Word2Vec {}

extension Word2Vec {
    /// σ(x) = 1 / (1 + e^(-x)); each branch evaluates e^(-|x|) so neither overflows.
    @inline(__always) public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log σ(x) = -log(1 + e^(-x)), computed as -(max(-x, 0) + log1p(e^(-|x|))).
    ///
    /// The naive `log(sigmoid(x))` returns -∞ once σ(x) underflows to 0
    /// (x below about -745) and loses every digit of -log σ(x) ≈ e^(-x) for
    /// large x; this form is accurate on the whole real line.
    @inline(__always) public static func logSigmoid(_ x: Double) -> Double {
        -(Swift.max(-x, 0) + log1p(exp(-Swift.abs(x))))
    }

    /// The Euclidean norm of a vector.
    @inline(__always) public static func norm(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x * x }
        return s.squareRoot()
    }

    /// cos(a, b) = a·b / (‖a‖‖b‖); 0 when either vector is zero.
    public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "cosine of vectors of length \(a.count) and \(b.count)")
        var ab = 0.0, aa = 0.0, bb = 0.0
        for i in a.indices {
            ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]
        }
        let denominator = (aa * bb).squareRoot()
        return denominator == 0 ? 0 : ab / denominator
    }

    /// The vector scaled to length 1; a zero vector stays zero.
    public static func unit(_ v: [Double]) -> [Double] {
        let n = norm(v)
        return n == 0 ? v : v.map { $0 / n }
    }
}
