import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Limits of one sandboxed run. Defaults are the course defaults; an exercise
/// may override CPU, wall time and memory (`LimitOverrides`).
///
/// | limit | default | enforced by |
/// |---|---|---|
/// | CPU time | 10 s | `RLIMIT_CPU` set by the harness (SIGXCPU, then SIGKILL) |
/// | wall time | 20 s | the parent's clock; the process group is killed |
/// | memory | 1 GiB | `RLIMIT_AS` (address space) set by the harness |
/// | output | 64 KiB shown, 8 MiB stops the run | the parent, per stream |
/// | file size | 16 MiB | `RLIMIT_FSIZE` |
/// | run folder | 64 MiB in all (every entry counts at least 4 KiB) | the parent measures the folder every 20 ms |
/// | open files | 64 | `RLIMIT_NOFILE` |
/// | processes | none may start | seccomp-BPF (fork/exec/clone without threads kill the process) |
/// | files | writes only in the temporary folder; reads only there and in system libraries, the toolchain and the toolkit | Landlock, where the kernel has it |
public struct SandboxLimits: Sendable, Equatable {
    public var cpuSeconds: Double = 10
    public var wallSeconds: Double = 20
    public var memoryBytes: Int = 1 << 30
    public var outputSoftBytes: Int = 64 << 10
    public var outputHardBytes: Int = 8 << 20
    public var fileSizeBytes: Int = 16 << 20
    /// Everything in the run's temporary folder together. `RLIMIT_FSIZE` bounds one
    /// file, not how many: without this, a program writing file after file would
    /// fill the disk that other checks (and the compiler's cache) share.
    public var folderBytes: Int = 64 << 20
    public var openFiles: Int = 64
    /// Results larger than this are the tool's limit, not the learner's output.
    public var resultsBytes: Int = 1 << 30
    public var landlock = true
    /// With Landlock, reads too are confined (to `Sandbox.readablePaths` and the temporary folder).
    public var confineReads = true
    public var seccomp = true

    public init() {}

    /// These limits with an exercise's overrides applied.
    public func applying(_ overrides: LimitOverrides) -> SandboxLimits {
        var l = self
        if let c = overrides.cpuSeconds { l.cpuSeconds = c }
        if let w = overrides.wallSeconds { l.wallSeconds = w }
        if let m = overrides.memoryBytes { l.memoryBytes = m }
        return l
    }
}

/// What came back from one sandboxed run, before any judgement.
struct SandboxOutcome {
    struct Result { var index: Int; var nanoseconds: UInt64; var body: [UInt8] }
    struct Crash {
        var signal: Int32; var pc: UInt; var address: UInt; var stack: Bool
        /// Where the executable was loaded; `pc - imageBase` is an address in the binary.
        var imageBase: UInt
    }

    var results: [Result] = []
    var notes: [String] = []
    var crash: Crash?
    var harnessError: String?
    var ended = false
    /// Bytes on the results channel that did not carry the nonce.
    var forged = false
    var stdout: [UInt8] = []
    var stdoutTotal = 0
    var stderr: [UInt8] = []
    var stderrTotal = 0
    var exitCode: Int32?
    var signal: Int32?
    var wallTimedOut = false
    var outputExceeded = false
    var resultsExceeded = false
    /// The run folder grew past `SandboxLimits.folderBytes`.
    var folderExceeded = false
    var cpuSeconds = 0.0
    var maxRSSBytes = 0
    var wallSeconds = 0.0
}

struct SandboxSpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs a harness binary: posix_spawn in a new session, in a fresh temporary
/// directory, with a minimal environment; the cases go on stdin after a
/// nonce line; stdout and stderr are captured and capped; results come back
/// on descriptor 3, which the harness moves out of the way before learner
/// code runs. The whole process group is SIGKILLed and reaped at the end, so
/// nothing the program started outlives the run (and seccomp stops it from
/// starting anything in the first place).
enum Sandbox {
    static func run(binary: String, cases: [UInt8], limits: SandboxLimits) throws(SandboxSpawnError) -> SandboxOutcome {
        signal(SIGPIPE, SIG_IGN)
        var template = Array((NSTemporaryDirectory() + "/lectern-run-XXXXXX").utf8CString)
        guard let dirPtr = mkdtemp(&template) else { throw SandboxSpawnError(description: "cannot create a temporary directory") }
        let dir = String(cString: dirPtr)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        var nonceBytes = [UInt8](repeating: 0, count: 12)
        var rng = SystemRandomNumberGenerator()
        for i in nonceBytes.indices { nonceBytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let nonce = Array(("LN" + nonceBytes.map { String($0, radix: 16) }.joined()).utf8)

        func makePipe() throws(SandboxSpawnError) -> [Int32] {
            var p: [Int32] = [-1, -1]
            guard pipe(&p) == 0 else { throw SandboxSpawnError(description: "pipe failed: \(String(cString: strerror(errno)))") }
            for fd in p { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return p
        }
        let pin = try makePipe(), pout = try makePipe(), perr = try makePipe(), pres = try makePipe()
        // Large cases and results move in megabytes: bigger pipes, fewer wake-ups.
        _ = fcntl(pin[1], 1031 /* F_SETPIPE_SZ */, 1 << 20)
        _ = fcntl(pres[1], 1031 /* F_SETPIPE_SZ */, 1 << 20)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pin[0], 0)
        posix_spawn_file_actions_adddup2(&actions, pout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, perr[1], 2)
        posix_spawn_file_actions_adddup2(&actions, pres[1], 3)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(); sigemptyset(&none)
        var all = sigset_t(); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let flags = (limits.landlock ? "L" : "") + (limits.seccomp ? "S" : "") + "-"
        var args = [binary, "--dir", dir, "--limits", String(Int(limits.cpuSeconds.rounded(.up))), String(limits.memoryBytes),
                    String(limits.fileSizeBytes), String(limits.openFiles), flags]
        if limits.landlock, limits.confineReads {
            for path in readablePaths(binary: binary) { args += ["--read", path] }
        }
        let env = ["PATH=/usr/bin:/bin", "HOME=\(dir)", "TMPDIR=\(dir)", "LANG=C.UTF-8",
                   "SWIFT_BACKTRACE=enable=no"]
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = withCStrings(args) { argv in
            withCStrings(env) { envp in posix_spawn(&pid, binary, &actions, &attr, argv, envp) }
        }
        close(pin[0]); close(pout[1]); close(perr[1]); close(pres[1])
        if spawned != 0 {
            close(pin[1]); close(pout[0]); close(perr[0]); close(pres[0])
            throw SandboxSpawnError(description: "cannot start \(binary): \(String(cString: strerror(spawned)))")
        }

        var out = SandboxOutcome()
        var stdin = nonce + [10] + cases
        var stdinOffset = 0
        _ = fcntl(pin[1], F_SETFL, fcntl(pin[1], F_GETFL) | O_NONBLOCK)
        var stdinFD: Int32 = pin[1]
        var fds: [Int32] = [pout[0], perr[0], pres[0]]
        var results: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        let deadline = start + .milliseconds(Int(limits.wallSeconds * 1000))
        var status: Int32 = 0
        var usage = rusage()
        var reaped = false
        var lastFolderCheck = start

        func elapsed() -> Double {
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }

        loop: while true {
            let now = ContinuousClock.now
            if now >= deadline { out.wallTimedOut = true; break }
            if fds.allSatisfy({ $0 < 0 }) && stdinFD < 0 { break }
            var polls: [pollfd] = []
            if stdinFD >= 0 { polls.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            for fd in fds where fd >= 0 { polls.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let left = deadline - now
            let ms = Int32(min(Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) * 1e-15 + 1,
                               folderCheckMilliseconds))
            let ready = poll(&polls, nfds_t(polls.count), ms)
            if ready < 0 && errno != EINTR { break }
            for p in polls where p.revents != 0 {
                if p.fd == stdinFD {
                    if p.revents & Int16(POLLOUT) != 0 {
                        let n = stdin.withUnsafeBytes { write(stdinFD, $0.baseAddress! + stdinOffset, min($0.count - stdinOffset, 1 << 20)) }
                        if n > 0 { stdinOffset += n }
                        if n < 0 && errno != EAGAIN && errno != EINTR { close(stdinFD); stdinFD = -1; continue }
                        if stdinOffset >= stdin.count { close(stdinFD); stdinFD = -1; stdin = [] }
                    } else { close(stdinFD); stdinFD = -1 }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { read(p.fd, $0.baseAddress!, $0.count) }
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                let slot = fds.firstIndex(of: p.fd)!
                if n <= 0 { close(p.fd); fds[slot] = -1; continue }
                switch slot {
                case 0, 1:
                    if slot == 0 {
                        out.stdoutTotal += n
                        if out.stdout.count < limits.outputSoftBytes { out.stdout += buffer[0..<min(n, limits.outputSoftBytes - out.stdout.count)] }
                    } else {
                        out.stderrTotal += n
                        if out.stderr.count < limits.outputSoftBytes { out.stderr += buffer[0..<min(n, limits.outputSoftBytes - out.stderr.count)] }
                    }
                    if out.stdoutTotal + out.stderrTotal > limits.outputHardBytes { out.outputExceeded = true; break loop }
                default:
                    results += buffer[0..<n]
                    if results.count > limits.resultsBytes { out.resultsExceeded = true; break loop }
                }
            }
            if ContinuousClock.now - lastFolderCheck >= .milliseconds(Int(folderCheckMilliseconds)) {
                lastFolderCheck = ContinuousClock.now
                if folderUsage(dir, over: limits.folderBytes) > limits.folderBytes { out.folderExceeded = true; break }
            }
            // A program that closed its streams but keeps running is caught by the deadline;
            // one that exited is reaped here.
            if !reaped, fds.allSatisfy({ $0 < 0 }) {
                if wait4(pid, &status, WNOHANG, &usage) == pid { reaped = true; break }
            }
        }
        // Kill the whole session's group, whatever state it is in, then reap.
        kill(-pid, SIGKILL)
        if !reaped {
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        }
        if stdinFD >= 0 { close(stdinFD) }
        for fd in fds where fd >= 0 { close(fd) }
        out.wallSeconds = elapsed()
        out.cpuSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
        out.maxRSSBytes = usage.ru_maxrss * 1024
        if status & 0x7F == 0 { out.exitCode = (status >> 8) & 0xFF } else { out.signal = status & 0x7F }
        parseFrames(results, nonce: nonce, into: &out)
        return out
    }

    /// How often the run folder is measured; a program writing at disk speed
    /// gets at most this long past the folder limit before it is killed.
    static let folderCheckMilliseconds = 20.0

    /// Bytes the folder at `path` takes on disk, counting every file, folder
    /// and link as at least one 4 KiB block (so a million empty files count
    /// too); stops early once past `limit`. Links are not followed.
    static func folderUsage(_ path: String, over limit: Int) -> Int {
        var total = 0
        var pending = [path]
        while let folder = pending.popLast() {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = folder + "/" + name
                var st = stat()
                guard lstat(child, &st) == 0 else { continue }   // removed meanwhile
                total += max(4096, Int(st.st_blocks) * 512, Int(st.st_size))
                if (st.st_mode & S_IFMT) == S_IFDIR { pending.append(child) }
                if total > limit { return total }
            }
        }
        return total
    }

    /// Splits the results stream into frames; anything without the nonce
    /// marks the run as forged.
    static func parseFrames(_ bytes: [UInt8], nonce: [UInt8], into out: inout SandboxOutcome) {
        var i = 0
        func line() -> [UInt8]? {
            guard let nl = bytes[i...].firstIndex(of: 10) else { return nil }
            defer { i = nl + 1 }
            return Array(bytes[i..<nl])
        }
        while i < bytes.count {
            guard let l = line() else { out.forged = true; return }
            guard l.count > nonce.count, Array(l[0..<nonce.count]) == nonce, l[nonce.count] == 32 else {
                out.forged = true; return
            }
            let words = String(decoding: l[(nonce.count + 1)...], as: UTF8.self).split(separator: " ", maxSplits: 4)
            guard let kind = words.first else { out.forged = true; return }
            switch kind {
            case "R":
                guard words.count == 4, let index = Int(words[1]), let ns = UInt64(words[2]), let len = Int(words[3]),
                      len >= 0, i + len < bytes.count, bytes[i + len] == 10, !out.ended else { out.forged = true; return }
                out.results.append(.init(index: index, nanoseconds: ns, body: Array(bytes[i..<(i + len)])))
                i += len + 1
            case "END":
                if out.ended { out.forged = true; return }
                out.ended = words.count == 2 && Int(words[1]) == out.results.count
                if !out.ended { out.forged = true; return }
            case "NOTE":
                out.notes.append(words.dropFirst().joined(separator: " "))
            case "SIG":
                let w = String(decoding: l[(nonce.count + 1)...], as: UTF8.self).split(separator: " ")
                if w.count >= 6, let s = Int32(w[1], radix: 16), let pc = UInt(w[2], radix: 16),
                   let a = UInt(w[3], radix: 16), let base = UInt(w[5], radix: 16) {
                    out.crash = .init(signal: s, pc: pc, address: a, stack: w[4] == "stack", imageBase: base)
                }
            case "ERR":
                out.harnessError = words.dropFirst().joined(separator: " ")
            default:
                out.forged = true; return
            }
        }
    }

    /// System files a Swift program may need after start-up: shared libraries
    /// and their cache, time zones, and the harmless devices.
    static let systemReadable = ["/lib", "/lib32", "/lib64", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/local/lib",
                                 "/usr/share/zoneinfo", "/etc/ld.so.cache", "/etc/localtime",
                                 "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random"]

    /// Where a sandboxed program may read besides its temporary folder (Landlock
    /// read rules): the system libraries above, the toolchain's libraries (the
    /// Swift runtime), and the toolkits of the cache the binary was compiled in.
    /// Not the course, not the workspace, not home folders, not `/etc`.
    static func readablePaths(binary: String) -> [String] {
        let cache = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
        // Finished toolkits only: a `toolkit-<key>.tmp-…` folder is another process's build in progress.
        return systemReadable + toolchainLibrary
            + names.filter { $0.hasPrefix("toolkit-") && !$0.contains(".tmp-") }.sorted().map { cache.appendingPathComponent($0).path }
    }

    /// The toolchain's `lib` folder (the Swift runtime), found once per process.
    static let toolchainLibrary: [String] = {
        guard let swiftc = try? Toolkit.locateSwiftc() else { return [] }
        let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
        return [resolved.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lib").path]
    }()

    /// Calls `body` with a NULL-terminated C array of `strings`.
    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
