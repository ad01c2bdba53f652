import Tensor

/// A character-level language model: a vanilla RNN with a softmax read-out,
/// trained by truncated BPTT with Adam and global-norm clipping.
///
/// The idea and the setting follow Karpathy's "The unreasonable
/// effectiveness of recurrent neural networks" (2015) and Graves,
/// "Generating sequences with recurrent neural networks" (2013), §2. At each
/// step the network reads one character (one-hot, `[V]`) and predicts the next:
///
/// ```
/// h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t-1} + b_hh)   // RNN.forward
/// p_t = softmax(W_hy·h_t + b_y)                        // [V]
/// L   = −Σ_t log p_t[next char]                        // summed over the window
/// ```
///
/// ∂L/∂logits_t = p_t − onehot(next), so dhs_t = W_hyᵀ·(p_t − onehot) is the
/// outside gradient that `RNN.backward` expects. Training walks through the
/// text in windows of `window` characters, carrying h from one window to the
/// next but not back-propagating across the boundary (truncated BPTT,
/// Williams and Peng 1990). Gradients are clipped by global norm
/// (`RNN.clipGradNorm`), then Adam (Kingma and Ba, ICLR 2015, Algorithm 1) updates.
///
/// What it leaves out: mini-batches, dropout, an LSTM core (the gradient-flow
/// study covers the LSTM). Everything is deterministic given the seed.
extension RNN {
    public struct CharModel: Sendable {
        /// The distinct characters of the training text, in order of first appearance.
        public let vocabulary: [Character]
        public let hidden: Int
        /// Characters per truncated-BPTT window.
        public let window: Int
        public var learningRate: Double
        /// The global-norm cap applied before each update.
        public var maxNorm: Double
        /// Parameters, in order wih [H,V], whh [H,H], bih [H], bhh [H], why [V,H], by [V],
        /// each flattened row-major.
        public private(set) var parameters: [[Double]]
        /// Adam's first and second moment estimates, shaped like `parameters`.
        var moment1: [[Double]], moment2: [[Double]]
        /// Updates made so far.
        public private(set) var updates = 0
        /// Where the next window starts, and the hidden state carried into it.
        var position = 0
        var carried: [Double]
        let ids: [Int]

        /// Builds a model with weights drawn from U(−1/√H, 1/√H) (PyTorch's default).
        ///
        /// - Precondition: the text has at least `window + 1` characters.
        public init(text: String, hidden: Int = 64, window: Int = 25, learningRate: Double = 0.01,
                    maxNorm: Double = 5, seed: UInt64 = 1) {
            var vocabulary: [Character] = []
            var index: [Character: Int] = [:]
            var ids: [Int] = []
            for ch in text {
                if index[ch] == nil { index[ch] = vocabulary.count; vocabulary.append(ch) }
                ids.append(index[ch]!)
            }
            precondition(ids.count > window && window >= 1, "the text needs more than \(window) characters")
            self.vocabulary = vocabulary; self.ids = ids
            self.hidden = hidden; self.window = window
            self.learningRate = learningRate; self.maxNorm = maxNorm
            var rng = SeededRandom(seed: seed)
            let v = vocabulary.count, bound = 1 / Double(hidden).squareRoot()
            let sizes = [hidden * v, hidden * hidden, hidden, hidden, v * hidden, v]
            parameters = sizes.map { n in (0..<n).map { _ in rng.uniform(-bound, bound) } }
            moment1 = sizes.map { Array(repeating: 0, count: $0) }
            moment2 = moment1
            carried = Array(repeating: 0, count: hidden)
        }

        /// The weights as matrices: (wih, whh, bih, bhh, why, by).
        var unpacked: (wih: Matrix, whh: Matrix, bih: [Double], bhh: [Double], why: Matrix, by: [Double]) {
            let v = vocabulary.count
            // Shapes are fixed at init, so these cannot fail.
            return (try! Matrix(rows: hidden, cols: v, storage: parameters[0]),
                    try! Matrix(rows: hidden, cols: hidden, storage: parameters[1]),
                    parameters[2], parameters[3],
                    try! Matrix(rows: v, cols: hidden, storage: parameters[4]), parameters[5])
        }

        /// The next-character probabilities p = softmax(why·h + by), computed
        /// after subtracting the largest logit so exp cannot overflow.
        static func softmax(_ logits: [Double], temperature: Double = 1) -> [Double] {
            let top = logits.max() ?? 0
            let e = logits.map { RNN.exp(($0 - top) / temperature) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }

        /// One window of truncated BPTT and one Adam update.
        ///
        /// - Returns: the mean cross-entropy per character over the window
        ///   (before the update) and the gradient norm before clipping.
        /// - Complexity: O(window · H · (V + H)).
        @discardableResult
        public mutating func trainStep() -> (loss: Double, gradientNorm: Double) {
            let v = vocabulary.count
            if position + window + 1 > ids.count { position = 0; carried = Array(repeating: 0, count: hidden) }
            let inputs = Array(ids[position..<(position + window)])
            let targets = Array(ids[(position + 1)...(position + window)])
            var xs = Matrix(rows: window, cols: v)                                  // [T, V] one-hot
            for (t, id) in inputs.enumerated() { xs[t, id] = 1 }
            let w = unpacked
            // 1. forward through the recurrence, then the read-out.
            let hs = RNN.forward(xs: xs, wih: w.wih, whh: w.whh, bih: w.bih, bhh: w.bhh, h0: carried)   // [T, H]
            var loss = 0.0
            var dwhy = Matrix(rows: v, cols: hidden), dby = [Double](repeating: 0, count: v)
            var dhs = Matrix(rows: window, cols: hidden)                            // [T, H]
            for t in 0..<window {
                let h = hs.row(t)
                var dlogits = Self.softmax(zipAdd(RNN.matvec(w.why, h), w.by))      // p_t, [V]
                loss -= RNN.log(max(dlogits[targets[t]], 1e-300))
                dlogits[targets[t]] -= 1                                            // p_t − onehot
                RNN.addOuter(&dwhy, dlogits, h)
                for k in 0..<v { dby[k] += dlogits[k] }
                dhs.storage.replaceSubrange((t * hidden)..<((t + 1) * hidden), with: RNN.matvecTransposed(w.why, dlogits))
            }
            // 2. back through time (the forward is recomputed inside; cheap at this size).
            let g = RNN.backward(xs: xs, wih: w.wih, whh: w.whh, bih: w.bih, bhh: w.bhh, h0: carried, dhs: dhs)
            var grads = [g.dwih.storage, g.dwhh.storage, g.dbih, g.dbhh, dwhy.storage, dby]
            // 3. clip by global norm, 4. Adam.
            let norm = RNN.clipInPlace(&grads, maxNorm: maxNorm)
            adam(grads)
            carried = hs.row(window - 1)
            position += window
            return (loss / Double(window), norm)
        }

        /// Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8 and bias correction.
        mutating func adam(_ grads: [[Double]]) {
            updates += 1
            let (b1, b2, eps) = (0.9, 0.999, 1e-8)
            let correction1 = 1 - power(b1, updates), correction2 = 1 - power(b2, updates)
            for p in parameters.indices {
                for k in parameters[p].indices {
                    let gk = grads[p][k]
                    moment1[p][k] = b1 * moment1[p][k] + (1 - b1) * gk
                    moment2[p][k] = b2 * moment2[p][k] + (1 - b2) * gk * gk
                    let mHat = moment1[p][k] / correction1, vHat = moment2[p][k] / correction2
                    parameters[p][k] -= learningRate * mHat / (vHat.squareRoot() + eps)
                }
            }
        }

        /// Mean cross-entropy per character over the whole text, from h = 0,
        /// without training (a fixed yardstick for tests and the demo).
        public func evaluate() -> Double {
            let w = unpacked
            var h = [Double](repeating: 0, count: hidden), loss = 0.0
            for t in 0..<(ids.count - 1) {
                h = step(h, input: ids[t], w.wih, w.whh, w.bih, w.bhh)
                let p = Self.softmax(zipAdd(RNN.matvec(w.why, h), w.by))
                loss -= RNN.log(max(p[ids[t + 1]], 1e-300))
            }
            return loss / Double(ids.count - 1)
        }

        /// Generates `length` characters after `prime`, drawing each from
        /// softmax(logits / temperature) with a generator seeded by `seed`.
        /// Characters of `prime` not in the vocabulary are skipped.
        public func sample(prime: String, length: Int, temperature: Double = 0.8, seed: UInt64 = 7) -> String {
            let w = unpacked
            var rng = SeededRandom(seed: seed)
            var h = [Double](repeating: 0, count: hidden)
            for ch in prime {
                guard let id = vocabulary.firstIndex(of: ch) else { continue }
                h = step(h, input: id, w.wih, w.whh, w.bih, w.bhh)
            }
            // With nothing to read, start from the first character of the text.
            if prime.isEmpty { h = step(h, input: 0, w.wih, w.whh, w.bih, w.bhh) }
            var out = ""
            for _ in 0..<length {
                let p = Self.softmax(zipAdd(RNN.matvec(w.why, h), w.by), temperature: temperature)
                var u = rng.uniform(), pick = p.count - 1
                for (k, pk) in p.enumerated() { u -= pk; if u < 0 { pick = k; break } }
                out.append(vocabulary[pick])
                h = step(h, input: pick, w.wih, w.whh, w.bih, w.bhh)
            }
            return out
        }

        /// One recurrence step with a one-hot input: W_ih·x is column `input` of W_ih.
        func step(_ h: [Double], input: Int, _ wih: Matrix, _ whh: Matrix, _ bih: [Double], _ bhh: [Double]) -> [Double] {
            let rec = RNN.matvec(whh, h)
            return (0..<hidden).map { j in RNN.tanh(wih[j, input] + bih[j] + rec[j] + bhh[j]) }
        }
    }
}

private func zipAdd(_ a: [Double], _ b: [Double]) -> [Double] {
    var out = a
    for i in out.indices { out[i] += b[i] }
    return out
}

/// base^n for Adam's bias correction.
private func power(_ base: Double, _ n: Int) -> Double { RNN.exp(Double(n) * RNN.log(base)) }
