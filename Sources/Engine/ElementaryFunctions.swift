import Foundation

/// The C library's elementary functions, written once for every lesson's
/// namespace. Engine files import only Tensor; a namespace that conforms
/// (below) calls `exp(x)`, `log(x)`, `tanh(x)`… unqualified inside its own
/// extensions, and other files call `RNN.exp(x)` and the like.
protocol ElementaryFunctions {}

extension ElementaryFunctions {
    @inline(__always) static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    @inline(__always) static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    @inline(__always) static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    @inline(__always) static func sqrt(_ x: Double) -> Double { x.squareRoot() }
}

extension RNN: ElementaryFunctions {}
extension Word2Vec: ElementaryFunctions {}
extension Transformer: ElementaryFunctions {}
extension LinearAttention: ElementaryFunctions {}
extension FLASH: ElementaryFunctions {}
extension Diffusion: ElementaryFunctions {}
extension DETR: ElementaryFunctions {}
extension Checkpointing: ElementaryFunctions {}
