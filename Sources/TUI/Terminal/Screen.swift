import CNcurses
import Foundation
import Lessons

/// The only code that talks to ncurses: starts and ends curses mode, copies a
/// `CellBuffer` to the terminal (wide characters through `setcchar` +
/// `mvadd_wch`, skipping their continuation cells), decodes keys into `Key`,
/// and suspends itself around an editor.
final class Screen {
    private(set) var width = 0
    private(set) var height = 0
    let colorMode: ColorMode
    private var pairs: [PairKey: Int16] = [:]
    private var maxPairs = 0
    private var previous: CellBuffer?
    private var active = false
    /// The standard screen, as `initscr` returned it (the C global is not concurrency-safe to read).
    private let window: UnsafeMutablePointer<WINDOW>?

    private struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    // Attribute bits as ncurses computes them (NCURSES_BITS(mask, shift) = mask << (shift + 8));
    // the macros are not visible to Swift.
    static let bold = attr_t(1) << (13 + 8)
    static let dim = attr_t(1) << (12 + 8)
    static let underline = attr_t(1) << (9 + 8)
    static let reverse = attr_t(1) << (10 + 8)
    static let italic = attr_t(1) << (23 + 8)

    /// Enters curses mode: wide-character locale, no echo, keypad keys,
    /// a 25 ms Esc delay, hidden cursor, colours when available.
    init(environment: [String: String]) {
        setlocale(LC_ALL, "")
        window = initscr()
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 50)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            // COLORS and COLOR_PAIRS are C globals; ask terminfo instead.
            colors = Int(tigetnum("colors"))
            maxPairs = Int(min(tigetnum("pairs"), 32767))
        }
        colorMode = ColorMode.detect(colors: colors, environment: environment)
        width = Int(getmaxx(window)); height = Int(getmaxy(window))
    }

    /// Leaves curses mode and restores the terminal. Safe to call twice.
    func end() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
    }

    /// Re-reads the size after KEY_RESIZE.
    func refreshSize() {
        width = Int(getmaxx(window)); height = Int(getmaxy(window))
        previous = nil
    }

    /// Draws `buffer`, writing only the cells that changed since the last frame.
    func draw(_ buffer: CellBuffer) {
        let full = previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full { erase() }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !full, previous![x, y] == cell { continue }
                if cell.continuation {
                    // The terminal draws the wide character across this cell, unless
                    // its own width table says the character is narrow: then blank it,
                    // so nothing stale shows through.
                    if x > 0, let first = buffer[x - 1, y].character.unicodeScalars.first,
                       systemWidth(wchar_t(bitPattern: first.value)) == 1 {
                        put(Cell(" ", style: cell.style), x: x, y: y)
                    }
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        previous = buffer
        refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs: attr_t = 0
        let s = cell.style
        if s.bold { attrs |= Self.bold }
        if s.dim { attrs |= Self.dim }
        if s.underline { attrs |= Self.underline }
        if s.reverse { attrs |= Self.reverse }
        if s.italic { attrs |= Self.italic }
        let pair = colorPair(s)
        var wide: [wchar_t] = cell.character.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty || wide[0] < 0x20 { wide = [0x20] }
        wide.append(0)
        var cc = cchar_t()
        setcchar(&cc, wide, attrs, pair, nil)
        mvadd_wch(Int32(y), Int32(x), &cc)
    }

    private func colorPair(_ style: Style) -> Int16 {
        guard colorMode != .monochrome, maxPairs > 1 else { return 0 }
        func index(_ c: Style.Color) -> Int16 {
            guard case .ansi(let v) = c else { return -1 }
            return Int16(colorMode == .basic ? ColorMode.nearestBasic(v) : v)
        }
        let key = PairKey(fg: index(style.fg), bg: index(style.bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let p = pairs[key] { return p }
        guard pairs.count + 1 < maxPairs else { return 0 }
        let p = Int16(pairs.count + 1)
        init_pair(p, key.fg, key.bg)
        pairs[key] = p
        return p
    }

    /// One decoded input: a key, a resize, or nothing within the timeout.
    enum Input { case key(Key), resize, none }

    func read() -> Input {
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == ERR { return .none }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE: refreshSize(); return .resize
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return .none
            }
        }
        switch ch {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 3: return .key(.interrupt)
        default:
            guard ch >= 32, let scalar = Unicode.Scalar(UInt32(ch)) else { return .none }
            return .key(.char(Character(scalar)))
        }
    }

    /// Leaves curses mode, runs `body` with the plain terminal, and comes back.
    func suspended<T>(_ body: () -> T) -> T {
        def_prog_mode()
        endwin()
        let result = body()
        reset_prog_mode()
        previous = nil
        clearok(window, true)
        refresh()
        return result
    }
}

/// The C library's `wcwidth` (what ncurses uses to lay out a character); glibc
/// hides its declaration unless `_XOPEN_SOURCE` is defined, so bind it by name.
@_silgen_name("wcwidth")
private func systemWidth(_ c: wchar_t) -> Int32
