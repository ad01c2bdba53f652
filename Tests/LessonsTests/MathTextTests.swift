import Testing
@testable import Lessons

@Suite struct MathTextTests {
    @Test(arguments: [
        (#"\alpha + \beta = \gamma"#, "α + β = γ"),
        (#"\Sigma \Omega \omega"#, "Σ Ω ω"),
        ("x_t", "xₜ"),
        ("x^2", "x²"),
        ("h_{t-1}", "hₜ₋₁"),
        ("x_{t,i}", "x_(t,i)"),
        ("x_b", "x_b"),
        (#"W^\top"#, "Wᵀ"),
        ("W^T", "Wᵀ"),
        (#"K^{\top}"#, "Kᵀ"),
        ("A^{-1}", "A⁻¹"),
        (#"\sqrt{d}"#, "√d"),
        (#"\sqrt{d_k}"#, "√dₖ"),
        (#"\sqrt{1 - \beta}"#, "√(1 − β)"),
        (#"a \odot b"#, "a ⊙ b"),
        (#"\sum_{i=1}^{n} x_i"#, "Σᵢ₌₁ⁿ xᵢ"),
        (#"a \cdot b \times c"#, "a · b × c"),
        (#"a \le b \ge c \ne d \approx e"#, "a ≤ b ≥ c ≠ d ≈ e"),
        (#"\infty, x \in S, f: A \to B"#, "∞, x ∈ S, f: A → B"),
        (#"\frac{a}{b}"#, "a/b"),
        (#"\frac{x+1}{2}"#, "(x+1)/2"),
        (#"\mathbb{R}^{d}"#, "ℝᵈ"),
        (#"\mathbb{R}^{n \times d}"#, "ℝ^(n×d)"),
        (#"\hat{x}"#, "x\u{0302}"),
        (#"\bar\alpha_t"#, "α\u{0304}ₜ"),
        (#"\exp(x) + \log y + \max_i z"#, "exp(x) + log y + maxᵢ z"),
        (#"\mathrm{softmax}(x)"#, "softmax(x)"),
        (#"\text{if } x > 0"#, "if x > 0"),
        (#"\left( x \right)"#, "( x )"),
        (#"c'"#, "c′"),
        (#"\unknowncommand"#, "unknowncommand"),
        ("", ""),
    ])
    func mapping(tex: String, expected: String) {
        #expect(MathText.unicode(tex) == expected)
    }

    @Test func scriptsNeedEveryCharacterMapped() {
        #expect(MathText.superscript("n+1") == "ⁿ⁺¹")
        #expect(MathText.subscript("ij") == "ᵢⱼ")
        #expect(MathText.subscript("q") == nil)
        #expect(MathText.superscript("") == nil)
    }

    @Test func neverCrashesOnUnbalancedInput() {
        for tex in ["{", "}", "x_", "^", #"\"#, #"\frac{a"#, #"\sqrt["#, "x_{", #"\text{"#] {
            _ = MathText.unicode(tex)
        }
    }
}
