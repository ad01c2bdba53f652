/// How many colours the terminal can show. Drawing code asks the buffer's
/// `colorMode` so a heat map can fall back to a character ramp when colour is
/// missing; the ncurses adapter maps 256-colour indices down for `.basic`.
public enum ColorMode: Sendable, Hashable {
    /// 256 xterm colours.
    case full
    /// The 8 ANSI colours.
    case basic
    /// No colour at all (a monochrome terminal, or NO_COLOR set).
    case monochrome

    /// True when any colour can be shown.
    public var hasColor: Bool { self != .monochrome }

    /// Picks the mode from what the terminal reports and the environment:
    /// a non-empty `NO_COLOR` always wins (https://no-color.org).
    public static func detect(colors: Int, environment: [String: String]) -> ColorMode {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .monochrome }
        if colors >= 256 { return .full }
        if colors >= 8 { return .basic }
        return .monochrome
    }

    /// The nearest of the 8 ANSI colours for an xterm-256 index (for `.basic`).
    public static func nearestBasic(_ index: UInt8) -> UInt8 {
        let i = Int(index)
        if i < 8 { return index }
        if i < 16 { return UInt8(i - 8) }
        var r = 0, g = 0, b = 0
        if i >= 232 {
            let level = (i - 232) * 10 + 8
            r = level; g = level; b = level
        } else {
            let c = i - 16
            let steps = [0, 95, 135, 175, 215, 255]
            r = steps[c / 36]; g = steps[(c / 6) % 6]; b = steps[c % 6]
        }
        let threshold = 110
        let code = (r > threshold ? 1 : 0) | (g > threshold ? 2 : 0) | (b > threshold ? 4 : 0)
        return UInt8(code)
    }
}
