import Tensor

/// One Transformer encoder layer (Vaswani et al. 2017, §3.1 and §3.3), in the
/// original post-norm arrangement or the pre-norm one (Xiong et al., "On layer
/// normalization in the Transformer architecture", ICML 2020):
///
/// ```
/// FF(x) = max(0, x·W₁ + b₁)·W₂ + b₂                                  // §3.3, [n, F] inside
/// post-norm:  x = LN₁(x + MHA(x));   x = LN₂(x + FF(x))
/// pre-norm:   x = x + MHA(LN₁(x));   x = x + FF(LN₂(x))
/// ```
///
/// Attention is not causal here (an encoder sees its whole input) and the
/// layer norms use ε = 1e-5, as PyTorch's `nn.TransformerEncoderLayer`
/// (`norm_first` selects pre-norm; dropout is left out). Pre-norm leaves
/// the residual path x → x + … untouched from input to output, which is why
/// deep pre-norm stacks train without a learning-rate warm-up.
extension Transformer {
    /// The parameters of an encoder layer: attention, feed-forward, two layer norms.
    public struct EncoderLayerWeights: Sendable, Equatable {
        public var attention: MultiHeadWeights
        public var heads: Int
        public var w1: Matrix, b1: [Double]          // [E, F], [F]
        public var w2: Matrix, b2: [Double]          // [F, E], [E]
        public var gamma1: [Double], beta1: [Double] // [E]
        public var gamma2: [Double], beta2: [Double] // [E]
        public var normFirst: Bool
        public init(attention: MultiHeadWeights, heads: Int, w1: Matrix, b1: [Double], w2: Matrix, b2: [Double],
                    gamma1: [Double], beta1: [Double], gamma2: [Double], beta2: [Double], normFirst: Bool) {
            self.attention = attention; self.heads = heads
            self.w1 = w1; self.b1 = b1; self.w2 = w2; self.b2 = b2
            self.gamma1 = gamma1; self.beta1 = beta1; self.gamma2 = gamma2; self.beta2 = beta2
            self.normFirst = normFirst
        }
    }

    /// The ε of both layer norms (PyTorch's default).
    public static let encoderEpsilon = 1e-5

    /// The position-wise feed-forward network with a ReLU: `max(0, x·w1 + b1)·w2 + b2`.
    /// - Complexity: O(n · E · F)
    public static func feedForward(_ x: Matrix, w1: Matrix, b1: [Double], w2: Matrix, b2: [Double]) -> Matrix {
        dense(dense(x, w1, b1).map { max(0, $0) }, w2, b2)
    }

    /// One encoder layer over `x` (`[n, E]`).
    /// - Complexity: O(n · E · (E + F) + n² · E)
    public static func encoderLayer(_ x: Matrix, _ w: EncoderLayerWeights) -> Matrix {
        func attend(_ y: Matrix) -> Matrix { multiHead(x: y, weights: w.attention, heads: w.heads, causal: false) }
        func feed(_ y: Matrix) -> Matrix { feedForward(y, w1: w.w1, b1: w.b1, w2: w.w2, b2: w.b2) }
        func norm1(_ y: Matrix) -> Matrix { layerNorm(y, gamma: w.gamma1, beta: w.beta1, eps: encoderEpsilon) }
        func norm2(_ y: Matrix) -> Matrix { layerNorm(y, gamma: w.gamma2, beta: w.beta2, eps: encoderEpsilon) }
        if w.normFirst {
            let afterAttention = x + attend(norm1(x))             // 1. attention sub-layer
            return afterAttention + feed(norm2(afterAttention))   // 2. feed-forward sub-layer
        }
        let afterAttention = norm1(x + attend(x))
        return norm2(afterAttention + feed(afterAttention))
    }
}
