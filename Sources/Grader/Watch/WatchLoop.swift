import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Lessons

/// The terminal side of `lectern watch`: waits on the file watcher and the
/// keyboard with poll(2), debounces saves, hands them to `WatchController`
/// and draws its state with `WatchScreen`. The command only builds it.
public struct WatchLoop {
    let controller: WatchController
    let watcher: FileWatcher
    let interactive = isatty(STDIN_FILENO) != 0
    let onTerminal = isatty(STDOUT_FILENO) != 0

    public init(controller: WatchController, watcher: FileWatcher) {
        self.controller = controller; self.watcher = watcher
    }

    /// Runs until q, Ctrl-C or Ctrl-D.
    public func run() {
        var debouncer = Debouncer(delay: 0.15)
        if onTerminal {
            controller.onPhase = { text in
                FileHandle.standardOutput.write(Data("\r\u{1B}[2K  checking… \(text)".utf8))
            }
        }
        if interactive { RawTerminal.enter() }
        defer { if interactive { RawTerminal.leave() } }
        draw()
        while true {
            let now = { Date().timeIntervalSince1970 }
            var wait = debouncer.nextDeadline(after: now()) ?? 0.5
            if watcher.descriptor == nil { wait = min(wait, watcher.pollInterval) }
            var fds = [pollfd]()
            if interactive { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
            if let fd = watcher.descriptor { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            _ = poll(&fds, nfds_t(fds.count), Int32(wait * 1000))
            if interactive, fds[0].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                if read(STDIN_FILENO, &byte, 1) == 1 {
                    switch controller.key(byte) {
                    case .quit: return
                    case .redraw: draw()
                    case .ignore: break
                    }
                }
            }
            for url in watcher.changes() { debouncer.saved(url.path, at: now()) }
            for path in debouncer.ready(at: now()) where controller.saved(URL(fileURLWithPath: path)) {
                draw()
            }
        }
    }

    func draw() {
        let lines = WatchScreen.render(controller.state, width: Terminal.columns ?? 80, color: Terminal.stdoutWantsColor)
        // Raw mode may turn off output post-processing: end lines with \r\n on a terminal.
        let text = lines.joined(separator: onTerminal ? "\r\n" : "\n")
        FileHandle.standardOutput.write(Data(((onTerminal ? "\u{1B}[2J\u{1B}[H" : "\n") + text + (onTerminal ? "\r\n" : "\n")).utf8))
    }
}

/// Key-at-a-time input without echo, restored on exit and on SIGINT/SIGTERM.
enum RawTerminal {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var active = false

    static func enter() {
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return }
        active = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                if RawTerminal.active { tcsetattr(STDIN_FILENO, TCSANOW, &RawTerminal.saved) }
                _exit(128 + s)
            }
        }
    }

    static func leave() {
        if active { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        active = false
    }
}
