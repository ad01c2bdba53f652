#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Denoising diffusion as Stable Diffusion's schedulers run it: the noise
/// schedule, forward noising, one DDPM step, one DDIM step, classifier-free
/// guidance, and a 2-D toy model whose best noise predictor is known in
/// closed form, so whole sampling runs can be watched without a network.
///
/// Conventions, shared with the `diffusers` library: timesteps are 0-based
/// (t = 0 is the first noising step), `betas[t]` is β_t, and
///
/// ```
/// ᾱ_t = Π_{s<=t} (1 − β_s),    ᾱ_{-1} = 1
/// ```
///
/// Stable Diffusion runs all of this in the latent space of a frozen
/// autoencoder (Rombach et al. 2022, "High-Resolution Image Synthesis with
/// Latent Diffusion Models", §3-4): a 512×512 image becomes a 4×64×64
/// latent, multiplied by 0.18215 (SD v1's `scaling_factor`) so that it has
/// roughly unit variance before noise is added, and divided by it again
/// before decoding.
///
/// Each algorithm lives in its own file as an extension of this namespace.
/// Vectors are flat `[Double]`: a latent of shape 4×64×64 is just 16384
/// numbers here, because every formula acts on each number alone.
public enum Diffusion {}

extension Diffusion {
    /// ᾱ_t for every t: the running product of (1 − β_s).
    ///
    /// `alphaBars([0.1, 0.2]) == [0.9, 0.72]`.
    /// - Complexity: O(T).
    public static func alphaBars(betas: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: betas.count)
        var product = 1.0
        for (t, beta) in betas.enumerated() {
            product *= 1 - beta
            out[t] = product
        }
        return out
    }

    /// ᾱ_t for one t, with ᾱ_t = 1 for every t < 0 (the `set_alpha_to_one`
    /// convention: before the first step nothing has been noised).
    /// - Complexity: O(t).
    public static func alphaBar(betas: [Double], t: Int) -> Double {
        precondition(t < betas.count, "t = \(t) is outside the \(betas.count) steps of the schedule")
        var product = 1.0
        if t >= 0 { for s in 0...t { product *= 1 - betas[s] } }
        return product
    }

    @inline(__always) static func sqrt(_ x: Double) -> Double { x.squareRoot() }

    @inline(__always) static func cos(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.cos(x)
        #else
        Darwin.cos(x)
        #endif
    }

    @inline(__always) static func sin(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.sin(x)
        #else
        Darwin.sin(x)
        #endif
    }

    @inline(__always) static func exp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    @inline(__always) static func log(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.log(x)
        #else
        Darwin.log(x)
        #endif
    }
}
