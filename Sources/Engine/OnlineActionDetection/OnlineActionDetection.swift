import Tensor

/// Online action detection with a Transformer encoder, after Wang et al.,
/// "OadTR: Online action detection with Transformers", ICCV 2021.
///
/// A video arrives as a stream of per-frame feature vectors (`frames`, one
/// row per frame). At frame t the detector may look only at frames <= t: it
/// takes the last `window` frames, appends a learned task token, adds
/// positions, runs the encoder and classifies the task token's output row.
/// OadTR also has a decoder that predicts future frames as an auxiliary
/// task; this namespace keeps only the encoder path that produces the
/// per-frame answer. Each piece lives in its own file.
public enum OnlineActionDetection {}
