/// Compact JSON straight into bytes: the same text as `compactText`, without
/// building a `String` first (cases of millions of numbers go to the learner
/// program this way).
extension JSONValue {
    var compactBytes: [UInt8] {
        var out: [UInt8] = []
        appendCompact(to: &out)
        return out
    }

    /// The bytes sent to (and expected back from) a learner program: compact
    /// JSON, except integer arrays of at least `binaryMinimum` items, which
    /// are `#`, the width in bytes (`2`, `4` or `8`, the narrowest that holds
    /// every value), the count, `:` and the integers little-endian; LecternKit reads and
    /// writes exactly this form, so a right answer's bytes equal the reference's.
    var harnessBytes: [UInt8] {
        var out: [UInt8] = []
        appendCompact(to: &out, binary: true)
        return out
    }

    static let binaryMinimum = 256

    func appendCompact(to out: inout [UInt8], binary: Bool = false) {
        switch self {
        case .null: out.append(contentsOf: [110, 117, 108, 108])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): JSONValue.appendInt(i, to: &out)
        case .double(let d): out.append(contentsOf: JSONValue.format(d).utf8)
        case .string(let s):
            var text = ""
            JSONValue.writeString(s, to: &text)
            out.append(contentsOf: text.utf8)
        case .array(let items):
            if binary, items.count >= JSONValue.binaryMinimum, let ints = JSONValue.integers(items) {
                JSONValue.appendBinary(ints, to: &out)
                return
            }
            out.append(91)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(44) }
                item.appendCompact(to: &out, binary: binary)
            }
            out.append(93)
        case .object(let pairs):
            out.append(123)
            for (n, (k, v)) in pairs.enumerated() {
                if n > 0 { out.append(44) }
                JSONValue.string(k).appendCompact(to: &out)
                out.append(58)
                v.appendCompact(to: &out, binary: binary)
            }
            out.append(125)
        }
    }

    /// The items as integers when every one is an `.int`.
    static func integers(_ items: [JSONValue]) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .int(let v) = item else { return nil }
            out.append(v)
        }
        return out
    }

    static func appendBinary(_ a: [Int], to out: inout [UInt8]) {
        let lo = a.min() ?? 0, hi = a.max() ?? 0
        let width = lo >= Int(Int16.min) && hi <= Int(Int16.max) ? 2 : lo >= Int(Int32.min) && hi <= Int(Int32.max) ? 4 : 8
        out.append(35)
        out.append(UInt8(48 + width))
        appendInt(a.count, to: &out)
        out.append(58)
        switch width {
        case 2: a.map { Int16(truncatingIfNeeded: $0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
        case 4: a.map { Int32(truncatingIfNeeded: $0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
        default: a.map { Int64($0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
        }
    }

    /// Decimal digits of `i` without going through `String`: written
    /// backwards into a small stack buffer, appended in one call.
    static func appendInt(_ i: Int, to out: inout [UInt8]) {
        if i == .min { out.append(contentsOf: String(i).utf8); return }
        var v = i.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            var n = 24
            repeat {
                n -= 1
                buf[n] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            } while v > 0
            if i < 0 { n -= 1; buf[n] = 45 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[n..<24]))
        }
    }
}

extension JSONValue {
    /// The `JSONValue(encoding:)` of the plain array types, built directly
    /// (a million-element reference output costs milliseconds, not a second);
    /// nil for any other type. Reals follow the encoder's convention: NaN and
    /// infinities become the strings "NaN", "Infinity", "-Infinity".
    static func directEncoding<T>(_ value: T) -> JSONValue? {
        func real(_ d: Double) -> JSONValue {
            if d.isNaN { return .string("NaN") }
            if d.isInfinite { return .string(d > 0 ? "Infinity" : "-Infinity") }
            return .double(d)
        }
        switch value {
        case let a as [Int]: return .array(a.map(JSONValue.int))
        case let a as [Double]: return .array(a.map(real))
        case let a as [[Int]]: return .array(a.map { .array($0.map(JSONValue.int)) })
        case let a as [[Double]]: return .array(a.map { .array($0.map(real)) })
        default: return nil
        }
    }
}
