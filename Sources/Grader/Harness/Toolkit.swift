import Foundation
import Lessons
import Synchronization

/// A tool failure (never the learner's): no swiftc, no Tensor sources, a
/// toolkit that does not build. Reported as `internal_error`.
struct GraderFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The two modules a learner binary may link against, built once and cached:
/// `Tensor` (the learner's numeric toolkit) and `LecternKit` (the harness
/// runtime). Engine and Grader are never on the search path, so a learner's
/// `import Engine` fails with "no such module".
///
/// Layout: `<cache>/toolkit-<key>/{Tensor,LecternKit}.swiftmodule` and
/// `lib{Tensor,LecternKit}.a`, where the key hashes the Tensor sources, the
/// kit source, the compiler's identity and the flags. A toolkit is built in a
/// private folder and renamed into place, so two Lectern processes can build
/// at once.
struct Toolkit: Sendable {
    /// Folder holding the modules and libraries.
    var directory: URL
    var swiftc: String
    /// Hash of everything the toolkit was built from.
    var key: String

    /// Flags every learner build and the toolkit use.
    static let languageFlags = ["-swift-version", "5"]

    static func locateSwiftc() throws(GraderFailure) -> String {
        let env = ProcessInfo.processInfo.environment
        if let s = env["SWIFTC"], !s.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: s) else {
                throw GraderFailure("SWIFTC=\(s) is not an executable file")
            }
            return s
        }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw GraderFailure("swiftc was not found on PATH; install Swift or set SWIFTC to its path")
    }

    /// The folder of Tensor's sources: `$LECTERN_TENSOR_SRC`, else
    /// `Sources/Tensor` of the package found by walking up from the
    /// executable and from the working directory.
    static func locateTensorSources() throws(GraderFailure) -> URL {
        let fm = FileManager.default
        if let s = ProcessInfo.processInfo.environment["LECTERN_TENSOR_SRC"], !s.isEmpty {
            guard fm.fileExists(atPath: s + "/Matrix.swift") else {
                throw GraderFailure("LECTERN_TENSOR_SRC=\(s) holds no Matrix.swift")
            }
            return URL(fileURLWithPath: s)
        }
        var starts: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<12 {
                let tensor = dir.appendingPathComponent("Sources/Tensor")
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: tensor.appendingPathComponent("Matrix.swift").path) {
                    return tensor
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        // An installed layout (`<prefix>/share/lectern/Tensor`), as the workspace finds it.
        let exe = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
        if let found = TensorSources.locate(executable: exe) { return found }
        throw GraderFailure("cannot find the Tensor sources (Sources/Tensor of the Lectern package); set LECTERN_TENSOR_SRC to that folder")
    }

    /// The `.swift` files of the harness runtime: `$LECTERN_KIT_SRC`, else the
    /// `LecternKit` folder beside the Tensor sources (`Sources/LecternKit` in
    /// the repository, `share/lectern/LecternKit` when installed).
    static func locateKitSources(besideTensor tensorDir: URL) throws(GraderFailure) -> [URL] {
        let env = ProcessInfo.processInfo.environment["LECTERN_KIT_SRC"] ?? ""
        let dir = env.isEmpty ? tensorDir.deletingLastPathComponent().appendingPathComponent("LecternKit")
                              : URL(fileURLWithPath: env)
        let files = TensorSources.files(in: dir)
        guard files.contains(where: { $0.lastPathComponent == "Run.swift" }) else {
            throw GraderFailure("cannot find the harness runtime sources in \(dir.path)"
                + (env.isEmpty ? " (beside the Tensor sources); set LECTERN_KIT_SRC to that folder" : " (LECTERN_KIT_SRC)"))
        }
        return files
    }

    /// Identity of the compiler without running it: path, size and modification time.
    static func compilerIdentity(_ swiftc: String) -> String {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: swiftc)) ?? swiftc
        let attrs = try? FileManager.default.attributesOfItem(atPath: swiftc)
        let size = (attrs?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(swiftc)|\(real)|\(size)|\(date)"
    }

    /// Returns the cached toolkit, building it first when missing; `onBuild`
    /// is called before a build starts (so the learner hears why it takes seconds).
    static func prepare(cache: URL, onBuild: () -> Void = {}) throws(GraderFailure) -> Toolkit {
        // A check asks several times; hashing the sources once per process is enough.
        if let known = memo.withLock({ $0[cache.path] }),
           FileManager.default.fileExists(atPath: known.directory.appendingPathComponent("libLecternKit.a").path) {
            return known
        }
        let toolkit = try prepareUncached(cache: cache, onBuild: onBuild)
        memo.withLock { $0[cache.path] = toolkit }
        return toolkit
    }

    private static let memo = Mutex<[String: Toolkit]>([:])

    private static func prepareUncached(cache: URL, onBuild: () -> Void) throws(GraderFailure) -> Toolkit {
        let swiftc = try locateSwiftc()
        let tensorDir = try locateTensorSources()
        let fm = FileManager.default
        let tensorFiles = TensorSources.files(in: tensorDir)
        guard !tensorFiles.isEmpty else { throw GraderFailure("no Swift files in \(tensorDir.path)") }
        let kitFiles = try locateKitSources(besideTensor: tensorDir)
        var material: [UInt8] = Array("toolkit-v2|\(compilerIdentity(swiftc))|\(languageFlags)\n".utf8)
        for file in tensorFiles + kitFiles {
            material += Array("\(file.lastPathComponent)\n".utf8)
            material += Array((fm.contents(atPath: file.path)) ?? Data())
        }
        let key = String(SHA256Hex.digest(material).prefix(24))
        let dir = cache.appendingPathComponent("toolkit-\(key)")
        let toolkit = Toolkit(directory: dir, swiftc: swiftc, key: key)
        if fm.fileExists(atPath: dir.appendingPathComponent("libLecternKit.a").path) { return toolkit }

        onBuild()
        try? fm.createDirectory(at: cache, withIntermediateDirectories: true)
        let work = cache.appendingPathComponent("toolkit-\(key).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let common = ["-O"] + languageFlags + ["-parse-as-library", "-emit-module", "-emit-library", "-static"]
        let tensor = try runTool(swiftc, common + ["-module-name", "Tensor",
            "-emit-module-path", work.appendingPathComponent("Tensor.swiftmodule").path,
            "-o", work.appendingPathComponent("libTensor.a").path]
            + tensorFiles.map(\.path), in: work)
        guard tensor.status == 0 else { throw GraderFailure("building the Tensor module failed:\n\(tensor.output)") }
        let kit = try runTool(swiftc, common + ["-module-name", "LecternKit", "-I", work.path,
            "-emit-module-path", work.appendingPathComponent("LecternKit.swiftmodule").path,
            "-o", work.appendingPathComponent("libLecternKit.a").path] + kitFiles.map(\.path), in: work)
        guard kit.status == 0 else { throw GraderFailure("building the harness kit failed:\n\(kit.output)") }
        // Only the products move into place; a concurrent builder may have won the race.
        if rename(work.path, dir.path) != 0, !fm.fileExists(atPath: dir.appendingPathComponent("libLecternKit.a").path) {
            throw GraderFailure("cannot move the toolkit into \(dir.path)")
        }
        return toolkit
    }
}

/// Runs a trusted tool (the compiler) and returns its exit status and merged output.
func runTool(_ path: String, _ arguments: [String], in directory: URL) throws(GraderFailure) -> (status: Int32, output: String) {
    let run = try runTool(path, arguments, in: directory, timeLimit: nil)
    return (run.status, run.output)
}

/// Runs a tool with stdout and stderr captured together. With `timeLimit`, the
/// tool and everything it started are killed when it runs longer (see
/// `killTree`), so nothing is left behind.
func runTool(_ path: String, _ arguments: [String], in directory: URL,
             timeLimit: Double?) throws(GraderFailure) -> (status: Int32, output: String, timedOut: Bool) {
    var p: [Int32] = [-1, -1]
    guard pipe(&p) == 0 else { throw GraderFailure("pipe failed: \(String(cString: strerror(errno)))") }
    for fd in p { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, p[1], 1)
    posix_spawn_file_actions_adddup2(&actions, p[1], 2)
    // glibc 2.29+ has posix_spawn_file_actions_addchdir_np; Swift's Glibc module does not import it.
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "posix_spawn_file_actions_addchdir_np") {
        _ = directory.path.withCString { unsafeBitCast(symbol, to: AddChdir.self)(&actions, $0) }
    }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setpgroup(&attr, 0)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
    let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let spawned = Sandbox.withCStrings([path] + arguments) { argv in
        Sandbox.withCStrings(env) { envp in posix_spawn(&pid, path, &actions, &attr, argv, envp) }
    }
    close(p[1])
    if spawned != 0 {
        close(p[0])
        throw GraderFailure("cannot run \(path): \(String(cString: strerror(spawned)))")
    }
    let deadline = timeLimit.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var timedOut = false
    while true {
        var waitMs: Int32 = -1
        if let deadline {
            let left = deadline - ContinuousClock.now
            if left <= .zero { timedOut = true; break }
            waitMs = Int32(min(Double(left.components.seconds) * 1000 + Double(left.components.attoseconds) * 1e-15 + 1, 1000))
        }
        var fds = [pollfd(fd: p[0], events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 1, waitMs)
        if ready < 0 && errno != EINTR { break }
        if ready <= 0 { continue }
        let n = buffer.withUnsafeMutableBytes { read(p[0], $0.baseAddress!, $0.count) }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        if n <= 0 { break }
        output += buffer[0..<n]
    }
    close(p[0])
    if timedOut { killTree(pid) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (code, String(decoding: output, as: UTF8.self), timedOut)
}

/// Kills `pid` and all its descendants. The driver is stopped first so it
/// cannot start more; its children are found through `/proc` (swiftc puts
/// each swift-frontend in a process group of its own, so killing the
/// driver's group is not enough), and each is killed with its own group.
func killTree(_ pid: pid_t) {
    kill(pid, SIGSTOP)
    var all: [pid_t] = [pid]
    var frontier: [pid_t] = [pid]
    for _ in 0..<8 where !frontier.isEmpty {
        let children = ProcessTable.parents().filter { frontier.contains($0.parent) }.map(\.pid)
        for child in children { kill(child, SIGSTOP) }
        all += children
        frontier = children
    }
    for p in all.reversed() {
        if p != pid, getpgid(p) == p { kill(-p, SIGKILL) }
        kill(p, SIGKILL)
    }
    kill(-pid, SIGKILL)
    // SIGKILL is only delivered: a frontend holding a large heap takes a while
    // to tear it down. Wait (at most 5 s) until the descendants have died, so
    // that nothing of the compile is still running when the check returns.
    // They are not our children (the driver is), so they are watched in /proc.
    let end = ContinuousClock.now + .seconds(5)
    var living = Array(all.dropFirst())
    while !living.isEmpty, ContinuousClock.now < end {
        living = living.filter(ProcessTable.isRunning)
        if !living.isEmpty { usleep(2000) }
    }
}

