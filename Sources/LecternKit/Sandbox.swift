// LecternKit: sandbox.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

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
