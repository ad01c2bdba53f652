/// Classifier-free guidance.
///
/// Ho & Salimans 2022, "Classifier-Free Diffusion Guidance", §3: train one
/// network both with and without the condition (the prompt is dropped at
/// random), then at sampling time run it twice and push the prediction away
/// from the unconditional one:
///
/// ```
/// ε̃ = ε_uncond + w·(ε_cond − ε_uncond)
/// ```
///
/// w = 1 is the plain conditional model, w = 0 ignores the prompt, and
/// Stable Diffusion's pipelines default to w = 7.5. (The paper writes
/// (1 + w')·ε_cond − w'·ε_uncond, the same line with w = 1 + w'.)
/// Worked example from the lesson: uncond [0, 1], cond [1, 1], w = 7.5 gives [7.5, 1].
extension Diffusion {
    /// The guided noise prediction.
    /// - Complexity: O(n).
    public static func guidance(uncond: [Double], cond: [Double], scale: Double) -> [Double] {
        precondition(uncond.count == cond.count, "uncond has \(uncond.count) values but cond has \(cond.count)")
        return zip(uncond, cond).map { u, c in u + scale * (c - u) }
    }
}
