// LecternKit: one call.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

/// One prepared call of the learner's function: `invoke` is timed, `output`
/// encodes what it returned.
public struct __LecternCall {
    public var invoke: () -> Void
    public var output: () -> [UInt8]
    public init(invoke: @escaping () -> Void, output: @escaping () -> [UInt8]) {
        self.invoke = invoke; self.output = output
    }
}
