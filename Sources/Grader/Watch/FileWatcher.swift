import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reports `.swift` files saved under a folder (recursively), with inotify on
/// Linux and by polling modification times elsewhere or when asked.
///
/// Editors save in different ways: in place (a close after writing), or by
/// writing a temporary file and renaming it over the original (vim, many IDEs).
/// inotify reports the first as `IN_CLOSE_WRITE` and the second as
/// `IN_MOVED_TO`; both count as a save. New sub-folders are watched as they
/// appear. The polling fallback compares size and modification time.
public final class FileWatcher {
    public enum Mode: String, Sendable { case inotify, polling }

    public let root: URL
    public private(set) var mode: Mode
    /// How often the polling fallback looks, in seconds.
    public var pollInterval: Double = 0.3

    private var fd: Int32 = -1
    private var folders: [Int32: URL] = [:]
    private var snapshot: [String: FileStamp] = [:]

    struct FileStamp: Equatable { var size: Int; var modified: Double }

    /// Starts watching `root`. `preferPolling` forces the fallback; inotify is used
    /// otherwise when available, falling back to polling when it cannot start.
    public init(root: URL, preferPolling: Bool = false) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        mode = .polling
        #if os(Linux)
        if !preferPolling {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0 {
                mode = .inotify
                for folder in allFolders() { addWatch(folder) }
            }
        }
        #endif
        if mode == .polling { snapshot = takeSnapshot() }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// The descriptor to wait on with `poll(2)` (inotify), or nil when polling.
    public var descriptor: Int32? { mode == .inotify ? fd : nil }

    /// The `.swift` files saved since the last call, without waiting.
    public func changes() -> [URL] {
        switch mode {
        case .inotify: return readEvents()
        case .polling:
            let now = takeSnapshot()
            defer { snapshot = now }
            return now.filter { snapshot[$0.key] != $0.value }.keys.sorted().map { URL(fileURLWithPath: $0) }
        }
    }

    /// Waits up to `timeout` seconds for saves, then returns them (possibly none).
    public func wait(timeout: Double) -> [URL] {
        let first = changes()
        if !first.isEmpty { return first }
        if let fd = descriptor {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, Int32(max(0, timeout) * 1000))
        } else {
            Thread.sleep(forTimeInterval: min(timeout, pollInterval))
        }
        return changes()
    }

    // MARK: inotify

    private func addWatch(_ folder: URL) {
        #if os(Linux)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
        let wd = inotify_add_watch(fd, folder.path, mask)
        if wd >= 0 { folders[wd] = folder }
        #endif
    }

    private func readEvents() -> [URL] {
        #if os(Linux)
        var saved: [URL] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
            while offset + 16 <= n {
                func u32(_ at: Int) -> UInt32 {
                    UInt32(buffer[at]) | UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at + 2]) << 16 | UInt32(buffer[at + 3]) << 24
                }
                let wd = Int32(bitPattern: u32(offset))
                let mask = u32(offset + 4)
                let len = Int(u32(offset + 12))
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + len)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + len
                guard let folder = folders[wd], !name.isEmpty else { continue }
                let url = folder.appendingPathComponent(name)
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addWatch(url)
                        for sub in allFolders(under: url) { addWatch(sub) }
                    }
                    continue
                }
                // A new file counts when it is closed after writing (or renamed into place).
                if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0, name.hasSuffix(".swift"), !name.hasPrefix(".") {
                    if !saved.contains(url) { saved.append(url) }
                }
            }
        }
        return saved
        #else
        return []
        #endif
    }

    // MARK: walking the tree

    private func allFolders(under start: URL? = nil) -> [URL] {
        let base = start ?? root
        var out = [base]
        let keys: [URLResourceKey] = [.isDirectoryKey]
        if let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: keys,
                                                  options: [.skipsHiddenFiles]) {
            for case let url as URL in e where (try? url.resourceValues(forKeys: Set(keys)).isDirectory) == true {
                out.append(url.standardizedFileURL)
            }
        }
        return out
    }

    private func takeSnapshot() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                     options: [.skipsHiddenFiles]) else { return out }
        for case let url as URL in e where url.pathExtension == "swift" {
            guard let v = try? url.resourceValues(forKeys: Set(keys)), v.isRegularFile == true else { continue }
            out[url.standardizedFileURL.path] = FileStamp(size: v.fileSize ?? 0,
                                                          modified: v.contentModificationDate?.timeIntervalSince1970 ?? 0)
        }
        return out
    }
}
