// LecternKit: converting arguments and results.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

/// A type the harness can read from a case and write as a result.
public protocol __LecternValue: Encodable {
    init(__lj: __LJ) throws
    func __write(_ out: inout [UInt8])
}

@inline(__always) func __lecternAppend(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

extension Int: __LecternValue {
    public init(__lj v: __LJ) throws {
        switch v {
        case .int(let n): self = n
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: self = Int(d)
        default: throw __LecternDecodeError("expected an integer")
        }
    }
    public func __write(_ out: inout [UInt8]) {
        if self == 0 { out.append(48); return }
        if self == .min { __lecternAppend(String(self), &out); return }
        var v = self
        if v < 0 { out.append(45); v = -v }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 24 digits
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 { buf[n] = UInt8(truncatingIfNeeded: 48 + v % 10); v /= 10; n += 1 }
            while n > 0 { n -= 1; out.append(buf[n]) }
        }
    }
}

extension Double: __LecternValue {
    public init(__lj v: __LJ) throws {
        switch v {
        case .int(let n): self = Double(n)
        case .double(let d): self = d
        case .string("NaN"): self = .nan
        case .string("Infinity"): self = .infinity
        case .string("-Infinity"): self = -.infinity
        default: throw __LecternDecodeError("expected a number")
        }
    }
    public func __write(_ out: inout [UInt8]) {
        if isNaN { __lecternAppend("\"NaN\"", &out) }
        else if isInfinite { __lecternAppend(self > 0 ? "\"Infinity\"" : "\"-Infinity\"", &out) }
        else if self == rounded(), abs(self) < 1e15 { __lecternAppend(String(Int(self)) + ".0", &out) }
        else { __lecternAppend(description, &out) }
    }
}

extension Bool: __LecternValue {
    public init(__lj v: __LJ) throws {
        guard case .bool(let b) = v else { throw __LecternDecodeError("expected a boolean") }
        self = b
    }
    public func __write(_ out: inout [UInt8]) { __lecternAppend(self ? "true" : "false", &out) }
}

extension String: __LecternValue {
    public init(__lj v: __LJ) throws {
        guard case .string(let s) = v else { throw __LecternDecodeError("expected a string") }
        self = s
    }
    public func __write(_ out: inout [UInt8]) { __lecternWriteString(self, &out) }
}

func __lecternWriteString(_ s: String, _ out: inout [UInt8]) {
    out.append(34)
    for u in s.utf8 {
        switch u {
        case 34: out.append(92); out.append(34)
        case 92: out.append(92); out.append(92)
        case 10: out.append(92); out.append(110)
        case 13: out.append(92); out.append(114)
        case 9: out.append(92); out.append(116)
        case 0..<32:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [92, 117, 48, 48, hex[Int(u >> 4)], hex[Int(u & 15)]])
        default: out.append(u)
        }
    }
    out.append(34)
}

extension Array: __LecternValue where Element: __LecternValue {
    public init(__lj v: __LJ) throws {
        // Integer and real arrays (the big cases) skip the generic witness per element.
        if case .ints(let a) = v {
            if Element.self == Int.self { self = unsafeBitCast(a, to: [Element].self); return }
            self = try a.map { try Element(__lj: .int($0)) }
            return
        }
        guard case .array(let items) = v else { throw __LecternDecodeError("expected an array") }
        if Element.self == Int.self {
            var out: [Int] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard case .int(let n) = item else { out.append(try Int(__lj: item)); continue }
                out.append(n)
            }
            self = unsafeBitCast(out, to: [Element].self)
            return
        }
        if Element.self == Double.self {
            var out: [Double] = []
            out.reserveCapacity(items.count)
            for item in items {
                switch item {
                case .double(let d): out.append(d)
                case .int(let n): out.append(Double(n))
                default: out.append(try Double(__lj: item))
                }
            }
            self = unsafeBitCast(out, to: [Element].self)
            return
        }
        self = try items.map { try Element(__lj: $0) }
    }
    public func __write(_ out: inout [UInt8]) {
        if Element.self == Int.self, count >= __lecternBinaryMinimum {
            __lecternWriteBinaryInts(unsafeBitCast(self, to: [Int].self), &out)
            return
        }
        if Element.self == Int.self {
            let ints = unsafeBitCast(self, to: [Int].self)
            out.reserveCapacity(out.count + ints.count * 8)
            out.append(91)
            for (n, e) in ints.enumerated() {
                if n > 0 { out.append(44) }
                e.__write(&out)
            }
            out.append(93)
            return
        }
        out.append(91)
        for (n, e) in enumerated() {
            if n > 0 { out.append(44) }
            e.__write(&out)
        }
        out.append(93)
    }
}

extension Optional: __LecternValue where Wrapped: __LecternValue {
    public init(__lj v: __LJ) throws {
        if case .null = v { self = nil } else { self = try Wrapped(__lj: v) }
    }
    public func __write(_ out: inout [UInt8]) {
        if let w = self { w.__write(&out) } else { __lecternAppend("null", &out) }
    }
}

extension Matrix: __LecternValue {
    public init(__lj v: __LJ) throws {
        let rows = try [[Double]](__lj: v)
        do { try self.init(rows) } catch { throw __LecternDecodeError("not a matrix: \(error)") }
    }
    public func __write(_ out: inout [UInt8]) { rowArrays.__write(&out) }
}

/// Encodes a result that is one of the plain types.
public func __lecternEncode<T: __LecternValue>(_ value: T) -> [UInt8] {
    var out: [UInt8] = []
    value.__write(&out)
    return out
}

/// Encodes any other `Encodable` result (a result struct), through a small encoder.
public func __lecternEncode<T: Encodable>(_ value: T) -> [UInt8] {
    let box = __LecternEncoder.Box()
    do { try value.encode(to: __LecternEncoder(box: box, codingPath: [])) } catch {
        return Array("{\"__lecternEncodeError\":\"\(error)\"}".utf8)
    }
    var out: [UInt8] = []
    box.write(&out)
    return out
}

/// A minimal `Encoder` building a JSON tree; enough for structs of plain fields.
struct __LecternEncoder: Encoder {
    final class Box {
        enum Node { case leaf([UInt8]), array([Box]), object([(String, Box)]), empty }
        var node: Node = .empty
        func write(_ out: inout [UInt8]) {
            switch node {
            case .empty: __lecternAppend("null", &out)
            case .leaf(let b): out.append(contentsOf: b)
            case .array(let items):
                out.append(91)
                for (n, e) in items.enumerated() { if n > 0 { out.append(44) }; e.write(&out) }
                out.append(93)
            case .object(let pairs):
                out.append(123)
                for (n, (k, v)) in pairs.enumerated() {
                    if n > 0 { out.append(44) }
                    __lecternWriteString(k, &out); out.append(58); v.write(&out)
                }
                out.append(125)
            }
        }
    }
    let box: Box
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return Unkeyed(box: box, codingPath: codingPath)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }

    static func leaf<T: Encodable>(_ value: T, _ box: Box, _ path: [any CodingKey]) throws {
        if let v = value as? any __LecternValue {
            var out: [UInt8] = []; v.__write(&out); box.node = .leaf(out)
        } else {
            try value.encode(to: __LecternEncoder(box: box, codingPath: path))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]
        func add(_ key: Key) -> Box {
            let child = Box()
            if case .object(var pairs) = box.node { pairs.append((key.stringValue, child)); box.node = .object(pairs) }
            return child
        }
        mutating func encodeNil(forKey key: Key) throws { add(key).node = .leaf(Array("null".utf8)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try __LecternEncoder.leaf(value, add(key), codingPath + [key])
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            __LecternEncoder(box: add(key), codingPath: codingPath + [key]).container(keyedBy: N.self)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            __LecternEncoder(box: add(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { __LecternEncoder(box: box, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { __LecternEncoder(box: add(key), codingPath: codingPath) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { if case .array(let a) = box.node { return a.count }; return 0 }
        func add() -> Box {
            let child = Box()
            if case .array(var items) = box.node { items.append(child); box.node = .array(items) }
            return child
        }
        mutating func encodeNil() throws { add().node = .leaf(Array("null".utf8)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try __LecternEncoder.leaf(value, add(), codingPath) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            __LecternEncoder(box: add(), codingPath: codingPath).container(keyedBy: N.self)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            __LecternEncoder(box: add(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { __LecternEncoder(box: add(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.node = .leaf(Array("null".utf8)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try __LecternEncoder.leaf(value, box, codingPath) }
    }
}

/// Integer arrays of at least this many items travel in binary both ways
/// (parsing and printing a million decimal integers costs more than the
/// learner's function): `#`, the width in bytes (`2`, `4` or `8`: the
/// narrowest that holds every value), the count in decimal, `:`, then the
/// integers little-endian. The grader writes and reads the same form (`JSONValue.harnessBytes`).
let __lecternBinaryMinimum = 256

func __lecternWriteBinaryInts(_ a: [Int], _ out: inout [UInt8]) {
    var lo = 0, hi = 0
    for v in a { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
    let width = lo >= Int(Int16.min) && hi <= Int(Int16.max) ? 2 : lo >= Int(Int32.min) && hi <= Int(Int32.max) ? 4 : 8
    out.append(35)
    out.append(UInt8(48 + width))
    __lecternAppend(String(a.count), &out)
    out.append(58)
    switch width {
    case 2: a.map { Int16(truncatingIfNeeded: $0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
    case 4: a.map { Int32(truncatingIfNeeded: $0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
    default: a.map { Int64($0).littleEndian }.withUnsafeBytes { out.append(contentsOf: $0) }
    }
}
