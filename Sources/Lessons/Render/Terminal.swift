import Foundation

/// Facts about where output goes, for choosing colour and width.
public enum Terminal {
    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public static var stdoutWantsColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) != 0
    }

    /// The terminal's width in columns, or nil when stdout is not a terminal.
    public static var columns: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
