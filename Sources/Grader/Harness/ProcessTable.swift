import Foundation

/// What Linux's `/proc` says about processes: parents, whether one still
/// runs, and one process's memory, descriptors and children. The compiler's
/// process tree is stopped through it, and the soak tests measure with it.
public enum ProcessTable {
    /// The fields of `/proc/<pid>/stat` after the command name (state,
    /// parent, …), or nil when the process is gone. The command name is in
    /// parentheses and may hold spaces, so the fields start after the last ')'.
    static func statFields(_ pid: String) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }

    /// Every process with its parent.
    static func parents() -> [(pid: pid_t, parent: pid_t)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> (pid_t, pid_t)? in
            guard let p = pid_t(name), let fields = statFields(name), fields.count > 2,
                  let parent = pid_t(fields[1]) else { return nil }
            return (p, parent)
        }
    }

    /// True while `pid` exists and has not yet exited (a zombie has exited).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let state = statFields(String(pid))?.first else { return false }
        return state != "Z" && state != "X"
    }

    /// `pid`'s resident memory in KiB, its open descriptors, and its children
    /// that still exist (running, or exited and not yet reaped), each as the
    /// start of its `stat` line.
    public static func usage(_ pid: Int32) -> (rssKiB: Int, fds: Int, children: [String]) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let fds = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).count
        let children = parents().filter { $0.parent == pid }.compactMap { child in
            (try? String(contentsOfFile: "/proc/\(child.pid)/stat", encoding: .utf8)).map { String($0.prefix(60)) }
        }
        return (rss, fds, children)
    }
}
