/// The source of `LecternKit`, the runtime half of every harness.
///
/// It is compiled once per toolkit (see `Toolkit`) into a static library
/// beside `Tensor`, and linked into each learner binary. It lives here as text
/// so the grader works from any directory without shipping resource files;
/// edit it like any Swift file (it is compiled with `-swift-version 5`).
enum HarnessKitSource {
    static let text = #"""
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

// MARK: - JSON values

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
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default: return try number()
        }
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

// MARK: - Converting arguments and results

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

// MARK: - One call

/// One prepared call of the learner's function: `invoke` is timed, `output`
/// encodes what it returned.
public struct __LecternCall {
    public var invoke: () -> Void
    public var output: () -> [UInt8]
    public init(invoke: @escaping () -> Void, output: @escaping () -> [UInt8]) {
        self.invoke = invoke; self.output = output
    }
}

// MARK: - Sandbox

/// State the signal handler reads; set up before any handler is installed,
/// so the handler itself never allocates.
var __lecternResultFD: Int32 = -1
let __lecternSignalLine = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
let __lecternNonceBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
var __lecternNonceCount = 0
var __lecternNonce: [UInt8] = []
var __lecternStackLow: UInt = 0
var __lecternStackHigh: UInt = 0
var __lecternImageBase: UInt = 0

typealias __LecternSyscall = @convention(c) (Int, Int, Int, Int, Int, Int, Int) -> Int

/// `syscall(2)` through a non-variadic pointer (Swift cannot call C variadics).
let __lecternSyscall: __LecternSyscall? = {
    guard let handle = dlopen(nil, RTLD_NOW), let p = dlsym(handle, "syscall") else { return nil }
    return unsafeBitCast(p, to: __LecternSyscall.self)
}()

func __lecternWriteAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
    var off = 0
    while off < bytes.count {
        let n = write(fd, bytes.baseAddress! + off, bytes.count - off)
        if n < 0 { if errno == EINTR { continue }; return }
        off += n
    }
}

func __lecternEmit(_ text: String) {
    var line = __lecternNonce
    line.append(contentsOf: Array(" ".utf8))
    line.append(contentsOf: Array(text.utf8))
    line.append(10)
    line.withUnsafeBytes { __lecternWriteAll(__lecternResultFD, $0) }
}

struct __LecternLimits {
    var cpu = 10, memory = 1 << 30, fileSize = 16 << 20, files = 64
    var landlock = true, seccomp = true
}

func __lecternSetLimit(_ resource: Int32, _ soft: Int, _ hard: Int) -> Bool {
    var r = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
    return setrlimit(__rlimit_resource_t(resource), &r) == 0
}

#if arch(x86_64)
let __lecternArch: UInt32 = 0xC000_003E
let __lecternNR = (fork: 57, vfork: 58, execve: 59, execveat: 322, clone: 56, clone3: 435, kill: 62,
                   tkill: 200, tgkill: 234, ptrace: 101, prctl: 157, seccomp: 317,
                   sigqueue: 129, tgsigqueue: 297, pidfdSignal: 424, processVMWrite: 311, socket: 41)
#elseif arch(arm64)
let __lecternArch: UInt32 = 0xC000_00B7
let __lecternNR = (fork: -1, vfork: -1, execve: 221, execveat: 281, clone: 220, clone3: 435, kill: 129,
                   tkill: 130, tgkill: 131, ptrace: 117, prctl: 167, seccomp: 277,
                   sigqueue: 138, tgsigqueue: 240, pidfdSignal: 424, processVMWrite: 271, socket: 198)
#endif

/// Confines the file system with Landlock (Linux 5.13+): writes only in the
/// current directory, and, when the parent passed `--read PATH` arguments
/// (`__lecternReadablePaths`), reads only there and in those paths.
func __lecternLandlock() -> String? {
    #if os(Linux)
    guard let sys = __lecternSyscall else { return "no syscall()" }
    let abi = sys(444, 0, 0, 1, 0, 0, 0)   // LANDLOCK_CREATE_RULESET_VERSION
    if abi < 1 { return "landlock unavailable" }
    let readable = __lecternReadablePaths()
    // Write-like rights: WRITE_FILE, REMOVE_DIR/FILE, MAKE_* (bits 1, 4-12), REFER (ABI 2), TRUNCATE (ABI 3).
    var handled: UInt64 = (1 << 1) | 0x1FF0
    if abi >= 2 { handled |= 1 << 13 }
    if abi >= 3 { handled |= 1 << 14 }
    // Read-like rights: EXECUTE, READ_FILE, READ_DIR (bits 0, 2, 3).
    let readRights: UInt64 = (1 << 0) | (1 << 2) | (1 << 3)
    if !readable.isEmpty { handled |= readRights }
    var attr = handled
    let rulesetFD = withUnsafePointer(to: &attr) { sys(444, Int(bitPattern: UnsafeRawPointer($0)), 8, 0, 0, 0, 0) }
    if rulesetFD < 0 { return "landlock_create_ruleset failed" }
    defer { close(Int32(rulesetFD)) }
    /// Adds a path-beneath rule; a file takes only file rights (EXECUTE, READ_FILE).
    func allow(_ path: String, _ rights: UInt64) -> Bool {
        let fd = open(path, 0x200000 | O_CLOEXEC)   // O_PATH
        if fd < 0 { return false }
        defer { close(fd) }
        var st = stat()
        var allowed = rights
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR { allowed &= (1 << 0) | (1 << 1) | (1 << 2) | (abi >= 3 ? 1 << 14 : 0) }
        var beneath = [UInt8](repeating: 0, count: 12)   // packed {u64 allowed_access; s32 parent_fd}
        withUnsafeBytes(of: allowed) { for k in 0..<8 { beneath[k] = $0[k] } }
        withUnsafeBytes(of: fd) { for k in 0..<4 { beneath[8 + k] = $0[k] } }
        return beneath.withUnsafeBytes { sys(445, rulesetFD, 1, Int(bitPattern: $0.baseAddress!), 0, 0, 0) } == 0
    }
    if !allow(".", handled) { return "landlock_add_rule failed for the work directory" }
    for path in readable { _ = allow(path, readRights) }   // a path missing on this machine is simply not allowed
    if sys(__lecternNR.prctl, 38, 1, 0, 0, 0, 0) != 0 { return "no_new_privs failed" }   // PR_SET_NO_NEW_PRIVS
    if sys(446, rulesetFD, 0, 0, 0, 0, 0) != 0 { return "landlock_restrict_self failed" }
    return nil
    #else
    return "landlock is Linux-only"
    #endif
}

/// The paths the program may read besides its work directory: every
/// `--read PATH` argument (the toolchain, the toolkit, system libraries).
func __lecternReadablePaths() -> [String] {
    let args = CommandLine.arguments
    var out: [String] = []
    var i = 1
    while i < args.count {
        if args[i] == "--read", i + 1 < args.count { out.append(args[i + 1]); i += 1 }
        i += 1
    }
    return out
}

/// A seccomp-BPF filter: no new processes (fork, vfork, exec, clone without
/// CLONE_THREAD kill the process with SIGSYS; clone3 says ENOSYS so threads
/// fall back to clone), no signals to other processes, no ptrace, no
/// sockets (so no network).
func __lecternSeccomp() -> String? {
    #if os(Linux)
    guard let sys = __lecternSyscall else { return "no syscall()" }
    var prog: [(UInt16, UInt8, UInt8, UInt32)] = []
    let ld: UInt16 = 0x20, jeq: UInt16 = 0x15, jge: UInt16 = 0x35, jset: UInt16 = 0x45, ret: UInt16 = 0x06
    let allow: UInt32 = 0x7FFF_0000, killProcess: UInt32 = 0x8000_0000
    func errno(_ e: Int32) -> UInt32 { 0x0005_0000 | UInt32(e) }
    let me = UInt32(truncatingIfNeeded: getpid())
    prog.append((ld, 0, 0, 4))                                   // arch
    prog.append((jeq, 1, 0, __lecternArch))
    prog.append((ret, 0, 0, killProcess))
    prog.append((ld, 0, 0, 0))                                   // syscall number
    prog.append((jge, 0, 1, 0x4000_0000))                        // x32 numbers
    prog.append((ret, 0, 0, killProcess))
    func rule(_ nr: Int, _ action: UInt32) {
        guard nr >= 0 else { return }
        prog.append((jeq, 0, 1, UInt32(nr))); prog.append((ret, 0, 0, action))
    }
    for nr in [__lecternNR.fork, __lecternNR.vfork, __lecternNR.execve, __lecternNR.execveat] { rule(nr, killProcess) }
    rule(__lecternNR.clone3, errno(ENOSYS))
    rule(__lecternNR.socket, errno(EACCES))
    for nr in [__lecternNR.ptrace, __lecternNR.tkill, __lecternNR.sigqueue, __lecternNR.tgsigqueue,
               __lecternNR.pidfdSignal, __lecternNR.processVMWrite] { rule(nr, errno(EPERM)) }
    // clone: allowed only for threads (CLONE_THREAD = 0x10000 in the flags, args[0]).
    prog.append((jeq, 0, 4, UInt32(__lecternNR.clone)))
    prog.append((ld, 0, 0, 16))
    prog.append((jset, 0, 1, 0x10000))
    prog.append((ret, 0, 0, allow))
    prog.append((ret, 0, 0, killProcess))
    // kill and tgkill: only this process (or its own group, 0).
    for nr in [__lecternNR.kill, __lecternNR.tgkill] {
        prog.append((jeq, 0, 5, UInt32(nr)))
        prog.append((ld, 0, 0, 16))
        prog.append((jeq, 2, 0, me))
        prog.append((jeq, 1, 0, 0))
        prog.append((ret, 0, 0, errno(EPERM)))
        prog.append((ret, 0, 0, allow))
        prog.append((ld, 0, 0, 0))   // unreachable filler keeps the jump count uniform
    }
    prog.append((ret, 0, 0, allow))
    var bytes: [UInt8] = []
    for (code, jt, jf, k) in prog {
        withUnsafeBytes(of: code.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(jt); bytes.append(jf)
        withUnsafeBytes(of: k.littleEndian) { bytes.append(contentsOf: $0) }
    }
    if sys(__lecternNR.prctl, 38, 1, 0, 0, 0, 0) != 0 { return "no_new_privs failed" }
    let result: Int = bytes.withUnsafeBytes { filter in
        var fprog = [UInt64](repeating: 0, count: 2)
        fprog[0] = UInt64(prog.count)
        fprog[1] = UInt64(UInt(bitPattern: filter.baseAddress!))
        return fprog.withUnsafeBytes { sys(__lecternNR.seccomp, 1, 1, Int(bitPattern: $0.baseAddress!), 0, 0, 0) }
    }
    return result == 0 ? nil : "seccomp failed (errno \(Glibc.errno))"
    #else
    return "seccomp is Linux-only"
    #endif
}

/// Writes `SIG signo pc address stack|- imageBase` on the results
/// descriptor, then lets the signal kill the process. Async-signal-safe: no
/// allocation, no locks, only `write` and `signal`.
func __lecternOnSignal(_ signo: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    var pc: UInt = 0
    var addr: UInt = 0
    if let info { addr = UnsafeRawPointer(info).load(fromByteOffset: 16, as: UInt.self) }
    #if arch(x86_64)
    if let context { pc = context.load(fromByteOffset: 168, as: UInt.self) }
    #endif
    let low = __lecternStackLow
    let onStack = signo == SIGSEGV && addr >= low &- (1 << 20) && addr <= low &+ (256 << 10)
    let out = __lecternSignalLine
    var n = 0
    var k = 0
    while k < __lecternNonceCount { out[n] = __lecternNonceBytes[k]; n += 1; k += 1 }
    n = __lecternPut(out, n, 0x20); n = __lecternPut(out, n, 0x53); n = __lecternPut(out, n, 0x49); n = __lecternPut(out, n, 0x47)
    n = __lecternPut(out, n, 0x20); n = __lecternHex(out, n, UInt(signo))
    n = __lecternPut(out, n, 0x20); n = __lecternHex(out, n, pc)
    n = __lecternPut(out, n, 0x20); n = __lecternHex(out, n, addr)
    n = __lecternPut(out, n, 0x20)
    if onStack {
        n = __lecternPut(out, n, 0x73); n = __lecternPut(out, n, 0x74); n = __lecternPut(out, n, 0x61)
        n = __lecternPut(out, n, 0x63); n = __lecternPut(out, n, 0x6B)
    } else {
        n = __lecternPut(out, n, 0x2D)
    }
    n = __lecternPut(out, n, 0x20); n = __lecternHex(out, n, __lecternImageBase)
    n = __lecternPut(out, n, 0x0A)
    _ = write(__lecternResultFD, out, n)
    signal(signo, SIG_DFL)
}

@inline(__always) func __lecternPut(_ out: UnsafeMutablePointer<UInt8>, _ n: Int, _ byte: UInt8) -> Int {
    out[n] = byte
    return n + 1
}

/// Lower-case hex without leading zeros.
@inline(__always) func __lecternHex(_ out: UnsafeMutablePointer<UInt8>, _ start: Int, _ v: UInt) -> Int {
    var n = start
    var started = false
    var shift = 60
    while shift >= 0 {
        let d = UInt8((v >> UInt(shift)) & 15)
        if d != 0 || started || shift == 0 {
            out[n] = d < 10 ? 48 + d : 87 + d
            n += 1
            started = true
        }
        shift -= 4
    }
    return n
}

func __lecternInstallSignalHandlers() {
    let size = 64 << 10
    var ss = stack_t()
    ss.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    ss.ss_size = size
    ss.ss_flags = 0
    sigaltstack(&ss, nil)
    for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGXCPU, SIGXFSZ] {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = __lecternOnSignal
        action.sa_flags = Int32(SA_SIGINFO) | Int32(SA_ONSTACK)
        sigemptyset(&action.sa_mask)
        sigaction(sig, &action, nil)
    }
}

/// Reads `--limits cpu memory fileSize files flags` from the command line.
func __lecternLimits() -> __LecternLimits {
    var l = __LecternLimits()
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: "--limits"), i + 5 < a.count {
        l.cpu = Int(a[i + 1]) ?? l.cpu; l.memory = Int(a[i + 2]) ?? l.memory
        l.fileSize = Int(a[i + 3]) ?? l.fileSize; l.files = Int(a[i + 4]) ?? l.files
        l.landlock = a[i + 5].contains("L"); l.seccomp = a[i + 5].contains("S")
    }
    return l
}

@inline(__always) func __lecternNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

// MARK: - The run

/// The harness main: read cases, lock down, call `prepare` for each case and
/// time its `invoke`, write framed results, end with `END`.
///
/// Frames on the results descriptor, each line starting with the nonce:
/// `R index nanoseconds byteCount` then the JSON bytes and a newline; `NOTE text`;
/// `SIG signo pc address stack|-`; `ERR index message`; finally `END count`.
public func __lecternRun(_ prepare: (__LJ) throws -> __LecternCall) -> Never {
    var top = 0
    withUnsafeMutablePointer(to: &top) { __lecternStackHigh = UInt(bitPattern: $0) }
    var stackLimit = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &stackLimit)
    let stackSize = stackLimit.rlim_cur == rlim_t.max ? UInt(8 << 20) : UInt(stackLimit.rlim_cur)
    __lecternStackLow = __lecternStackHigh &- stackSize

    // 1. The results channel: fd 3 moved to a high, unpredictable number.
    let high = Int32(200 + Int(truncatingIfNeeded: __lecternNow() % 700))
    __lecternResultFD = fcntl(3, F_DUPFD_CLOEXEC, high)
    if __lecternResultFD < 0 { __lecternResultFD = 3 } else { close(3) }

    // 2. Everything on stdin, then stdin is /dev/null for the learner.
    var input: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        input.append(contentsOf: chunk[0..<n])
    }
    close(0)
    _ = open("/dev/null", O_RDONLY)
    let newline = input.firstIndex(of: 10) ?? input.count
    __lecternNonce = Array(input[0..<min(newline, 64)])
    for (k, byte) in __lecternNonce.enumerated() { __lecternNonceBytes[k] = byte }
    __lecternNonceCount = __lecternNonce.count
    // The executable's load address (dladdr's dli_fbase), so a crash address
    // can be turned into a line of the learner's file. dladdr is a GNU
    // extension Swift does not import, hence the lookup.
    typealias DLAddr = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Int32
    let handler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = __lecternOnSignal
    if let self_ = dlopen(nil, RTLD_NOW), let sym = dlsym(self_, "dladdr") {
        var info: (UInt, UInt, UInt, UInt) = (0, 0, 0, 0)   // Dl_info: fname, fbase, sname, saddr
        let dladdr = unsafeBitCast(sym, to: DLAddr.self)
        if withUnsafeMutableBytes(of: &info, { dladdr(unsafeBitCast(handler, to: UnsafeRawPointer.self), $0.baseAddress) }) != 0 {
            __lecternImageBase = info.1
        }
    }

    // 3. The work directory, limits, Landlock, seccomp, signal handlers; learner code runs only after this.
    let limits = __lecternLimits()
    let args = CommandLine.arguments
    if let d = args.firstIndex(of: "--dir"), d + 1 < args.count, chdir(args[d + 1]) != 0 {
        __lecternEmit("ERR -1 cannot enter the work directory"); exit(0)
    }
    _ = __lecternSetLimit(Int32(RLIMIT_CPU.rawValue), limits.cpu, limits.cpu + 1)
    _ = __lecternSetLimit(Int32(RLIMIT_AS.rawValue), limits.memory, limits.memory)
    _ = __lecternSetLimit(Int32(RLIMIT_FSIZE.rawValue), limits.fileSize, limits.fileSize)
    _ = __lecternSetLimit(Int32(RLIMIT_NOFILE.rawValue), limits.files, limits.files)
    _ = __lecternSetLimit(Int32(RLIMIT_CORE.rawValue), 0, 0)
    if limits.landlock, let why = __lecternLandlock() { __lecternEmit("NOTE landlock: \(why)") }
    if limits.seccomp, let why = __lecternSeccomp() { __lecternEmit("NOTE seccomp: \(why)") }
    __lecternInstallSignalHandlers()
    setvbuf(stdout, nil, _IOLBF, 0)

    // 4. The cases.
    let cases: [__LJ]
    do {
        let parsed = try input.withUnsafeBufferPointer { buf -> __LJ in
            var p = __LecternParser(b: UnsafeBufferPointer(rebasing: buf[min(newline + 1, buf.count)...]))
            return try p.value()
        }
        guard case .array(let items) = parsed else { throw __LecternDecodeError("cases are not an array") }
        cases = items
    } catch {
        __lecternEmit("ERR -1 \(error)"); exit(0)
    }
    input = []
    for (index, item) in cases.enumerated() {
        let call: __LecternCall
        do { call = try prepare(item) } catch {
            __lecternEmit("ERR \(index) \(error)"); exit(0)
        }
        let t0 = __lecternNow()
        call.invoke()
        let t1 = __lecternNow()
        fflush(stdout)
        var frame = __lecternNonce
        let body = call.output()
        frame.append(contentsOf: Array(" R \(index) \(t1 &- t0) \(body.count)\n".utf8))
        frame.append(contentsOf: body)
        frame.append(10)
        frame.withUnsafeBytes { __lecternWriteAll(__lecternResultFD, $0) }
    }
    __lecternEmit("END \(cases.count)")
    exit(0)
}
"""#
}
