import CNcurses
import Foundation

/// Set by the SIGINT/SIGTERM handler; the event loop polls it and quits cleanly.
nonisolated(unsafe) var interruptRequested: Int32 = 0

/// Installs the handlers that keep the terminal usable whatever happens:
/// ^C and SIGTERM ask the loop to quit (it restores the terminal on its way
/// out); a crash signal restores the terminal with `endwin`, then re-raises
/// the signal with its default action so the crash is still reported.
func installSignalHandlers() {
    interruptRequested = 0
    // A parent may have started us with signals blocked (they are inherited
    // across exec); the app needs ^C, SIGTERM and SIGWINCH (resize) delivered.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for sig in [SIGINT, SIGTERM, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&wanted, sig) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    signal(SIGINT) { _ in interruptRequested = 1 }
    signal(SIGTERM) { _ in interruptRequested = 1 }
    for sig in [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP] {
        signal(sig) { s in
            endwin()
            signal(s, SIG_DFL)
            raise(s)
        }
    }
}

/// Puts the default handlers back (after the app has ended).
func restoreSignalHandlers() {
    for sig in [SIGINT, SIGTERM, SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP] { signal(sig, SIG_DFL) }
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on `file` through `/bin/sh`, so
/// an editor given with arguments (`code -w`) works; waits for it to exit.
/// Returns an error message, or nil when the editor exited normally.
func runEditorProcess(_ file: String, environment: [String: String]) -> String? {
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    var pid: pid_t = 0
    let args = ["/bin/sh", "-c", editor + " \"$1\"", "lectern-editor", file]
    var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
    cargs.append(nil)
    defer { for p in cargs { free(p) } }
    let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, cargs, environ)
    guard spawned == 0 else { return "could not start the editor '\(editor)': \(String(cString: strerror(spawned)))" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    interruptRequested = 0   // a ^C typed in the editor was the editor's
    let exitCode = (status >> 8) & 0xff
    if status & 0x7f != 0 { return "the editor '\(editor)' was stopped by signal \(status & 0x7f)" }
    if exitCode == 127 { return "no editor '\(editor)' was found; set $VISUAL or $EDITOR" }
    return exitCode == 0 ? nil : "the editor '\(editor)' exited with status \(exitCode)"
}
