// LecternKit: the runtime half of every grading harness, compiled once per
// toolkit and linked into each learner binary. It reads the cases, locks the
// process down, calls the learner's function through the generated `main`,
// times each call and writes framed results to a private descriptor.
// Every public name starts with `__lectern`/`__Lectern`; learner files may not
// use that prefix, so they can neither clash with nor replace these names.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

/// A parsed JSON value (the cases the grader sends).
public enum __LJ {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([__LJ])
    case object([(String, __LJ)])
    /// An array of integers only, parsed without boxing each element.
    case ints([Int])

    /// The field `key` of an object (null when absent).
    public subscript(key: String) -> __LJ {
        if case .object(let pairs) = self {
            for (k, v) in pairs where k == key { return v }
        }
        return .null
    }
}

public struct __LecternDecodeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

struct __LecternParser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    mutating func ws() { while i < b.count, b[i] == 32 || b[i] == 10 || b[i] == 13 || b[i] == 9 { i += 1 } }

    mutating func value() throws -> __LJ {
        ws()
        guard i < b.count else { throw __LecternDecodeError("unexpected end of cases") }
        switch b[i] {
        case UInt8(ascii: "["):
            i += 1; var items: [__LJ] = []; ws()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            if let ints = integerRun() { return .ints(ints) }
            while true {
                items.append(try value()); ws()
                guard i < b.count else { throw __LecternDecodeError("unterminated array") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw __LecternDecodeError("bad array at byte \(i)")
            }
        case UInt8(ascii: "{"):
            i += 1; var pairs: [(String, __LJ)] = []; ws()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            while true {
                ws(); let k = try string(); ws()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw __LecternDecodeError("expected ':' at byte \(i)") }
                i += 1
                pairs.append((k, try value())); ws()
                guard i < b.count else { throw __LecternDecodeError("unterminated object") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                throw __LecternDecodeError("bad object at byte \(i)")
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "#"): return .ints(try binaryInts())
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default: return try number()
        }
    }

    /// `#2`, `#4` or `#8`, a count, `:`, then the integers little-endian (see
    /// `__lecternBinaryMinimum`).
    mutating func binaryInts() throws -> [Int] {
        guard i + 2 < b.count, b[i + 1] == 50 || b[i + 1] == 52 || b[i + 1] == 56 else {
            throw __LecternDecodeError("bad binary array at byte \(i)")
        }
        let width = Int(b[i + 1] - 48)
        i += 2
        var count = 0
        while i < b.count, b[i] >= 48, b[i] <= 57, count < 1 << 40 { count = count * 10 + Int(b[i] - 48); i += 1 }
        guard i < b.count, b[i] == 58, count <= (b.count - i - 1) / width else {
            throw __LecternDecodeError("bad binary array at byte \(i)")
        }
        i += 1
        let base = UnsafeRawPointer(b.baseAddress!) + i
        let out = [Int](unsafeUninitializedCapacity: count) { buf, initialized in
            switch width {
            case 8: for k in 0..<count { buf[k] = Int(Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * k, as: Int64.self))) }
            case 4: for k in 0..<count { buf[k] = Int(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * k, as: Int32.self))) }
            default: for k in 0..<count { buf[k] = Int(Int16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * k, as: Int16.self))) }
            }
            initialized = count
        }
        i += count * width
        return out
    }

    /// After `[`: an array made only of integers, read straight into `[Int]`;
    /// nil (with the position restored) when anything else appears.
    mutating func integerRun() -> [Int]? {
        let start = i
        var out: [Int] = []
        while true {
            ws()
            guard i < b.count else { i = start; return nil }
            var neg = false
            if b[i] == UInt8(ascii: "-") { neg = true; i += 1 }
            let digits = i
            var n = 0
            while i < b.count, b[i] >= 48, b[i] <= 57, i - digits < 18 { n = n &* 10 &+ Int(b[i] &- 48); i += 1 }
            if i == digits || (i < b.count && ((b[i] >= 48 && b[i] <= 57) || b[i] == UInt8(ascii: ".")
                                                || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E"))) {
                i = start; return nil
            }
            out.append(neg ? -n : n)
            ws()
            guard i < b.count else { i = start; return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return out }
            i = start; return nil
        }
    }

    mutating func number() throws -> __LJ {
        let start = i
        var integer = true
        var neg = false
        if b[i] == UInt8(ascii: "-") { neg = true; i += 1 }
        var n = 0
        var overflow = false
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b[i] - 48))
            overflow = overflow || o1 || o2; n = s; i += 1
        }
        while i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")
                || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") || (b[i] >= 48 && b[i] <= 57) {
            integer = false; i += 1
        }
        if integer && !overflow { return .int(neg ? -n : n) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw __LecternDecodeError("bad number \(text)") }
        return .double(d)
    }

    mutating func string() throws -> String {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw __LecternDecodeError("expected a string at byte \(i)") }
        i += 1
        var bytes: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                i += 1
                let e = b[i]; i += 1
                switch e {
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "u"):
                    var code = hex4()
                    if code >= 0xD800, code < 0xDC00, i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = hex4()
                        code = (low >= 0xDC00 && low < 0xE000) ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    }
                    bytes.append(contentsOf: Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8))
                default: bytes.append(e)
                }
                continue
            }
            bytes.append(c); i += 1
        }
        throw __LecternDecodeError("unterminated string")
    }

    mutating func hex4() -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 where i < b.count {
            let c = b[i]; i += 1
            let d: UInt32 = c >= 97 ? UInt32(c) - 87 : c >= 65 ? UInt32(c) - 55 : UInt32(c) - 48
            v = v * 16 + (d & 15)
        }
        return v
    }
}
