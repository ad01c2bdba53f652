// LecternKit: the run.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

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
