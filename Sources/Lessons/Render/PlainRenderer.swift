import Foundation

/// Lays out a `Lesson` as lines of styled runs for a terminal of a given width.
///
/// Pure: no I/O. `lectern show` prints `render(...)` (ANSI or plain text); the
/// full-screen app draws `lines(...)` into its cell buffer and uses each
/// line's `LineAnchor` to know which exercise, quiz or demo is on screen.
///
/// Every block renders its children at a reduced width and then prefixes
/// them (list markers, the quote bar, the code gutter), so no line exceeds the
/// width. With `color: false` the text itself carries what styling would
/// otherwise show: inline code keeps its backticks.
public struct PlainRenderer: Sendable {
    public var width: Int
    public var color: Bool

    /// Narrowest content width a container leaves for its children; below it
    /// the container drops its indentation rather than squeeze the text.
    static let minimumInnerWidth = 8

    public init(width: Int, color: Bool) {
        self.width = max(width, 10)
        self.color = color
    }

    /// The lesson as strings: ANSI-styled when `color`, plain text otherwise.
    /// A long lesson is rendered in pieces of about a thousand top-level blocks,
    /// spread over the processors (a busy processor takes fewer of them); the
    /// pieces start at top-level blocks, so the lines are the same.
    public static func render(_ lesson: Lesson, width: Int, color: Bool) -> [String] {
        let renderer = PlainRenderer(width: width, color: color)
        let format: @Sendable (RenderedLine) -> String = { color ? ANSIFormatter.format($0) : $0.text }
        let blocks = lesson.blocks.count
        let pieces = min(16, 1 + blocks / 1_000)
        let parts = concurrentMap(pieces, minimum: 2) { k in
            let start = blocks * k / pieces, end = blocks * (k + 1) / pieces
            var pass = Pass(renderer, lesson, from: start)
            return pass.lines(blocks: end - start).map(format)
        }
        return Array(parts.joined())
    }

    /// The lesson as styled lines, each anchored to its top-level block.
    public func lines(_ lesson: Lesson) -> [RenderedLine] {
        var pass = Pass(self, lesson)
        return pass.lines(blocks: lesson.blocks.count)
    }

    /// A rendering of one lesson that goes a few top-level blocks at a time, so
    /// a front end can lay out the top of a long lesson first and the rest
    /// later; the lines are the same as `lines(lesson)` gives, in the same order.
    public struct Pass: Sendable {
        let lesson: Lesson
        let width: Int
        var layout: Layout
        /// The first top-level block not rendered yet.
        public private(set) var next = 0

        /// A pass that starts at top-level block `start`; quizzes and demos
        /// before it are counted, so their anchors number as in a whole pass.
        public init(_ renderer: PlainRenderer, _ lesson: Lesson, from start: Int = 0) {
            self.lesson = lesson
            self.width = renderer.width
            layout = Layout(color: renderer.color, file: lesson.file)
            next = min(max(0, start), lesson.blocks.count)
            for block in Lesson.specialBlocks(in: lesson.blocks[..<next]) {
                if case .quiz = block { layout.quizCount += 1 }
                if case .demo = block { layout.demoCount += 1 }
            }
        }

        /// True once every block is rendered.
        public var done: Bool { next >= lesson.blocks.count }

        /// The lines of the next `count` top-level blocks (fewer at the end).
        public mutating func lines(blocks count: Int) -> [RenderedLine] {
            let end = next + min(max(0, count), lesson.blocks.count - next)
            var out: [RenderedLine] = []
            while next < end {
                let index = next
                let anchor = LineAnchor(block: index)
                if index > 0 { out.append(RenderedLine([], anchor: anchor)) }
                for var line in layout.block(lesson.blocks[index], width: width) {
                    line.anchor.block = index
                    out.append(line.normalized().trimmingTrailingSpaces())
                }
                next += 1
            }
            return out
        }
    }

    /// Styled lines of inline Markdown (a hint, a quiz choice) wrapped to the width.
    public func lines(inlines: [Inline]) -> [RenderedLine] {
        let layout = Layout(color: color, file: "")
        return layout.wrap(inlines, width: width, base: .plain).map { RenderedLine($0) }
    }
}

/// The mutable state of one rendering pass (counters for quiz and demo anchors, list depth).
struct Layout: Sendable {
    let color: Bool
    let file: String
    var quizCount = 0
    var demoCount = 0
    var listDepth = 0

    /// Formulas up to this many columns are never broken across lines.
    static let unbreakableMathWidth = 16

    init(color: Bool, file: String) {
        self.color = color
        self.file = file
    }

    // MARK: blocks

    mutating func blocks(_ blocks: [Block], width: Int, tight: Bool = false) -> [RenderedLine] {
        var out: [RenderedLine] = []
        for (i, b) in blocks.enumerated() {
            if i > 0 && !(tight && isTightable(b) && isTightable(blocks[i - 1])) { out.append(RenderedLine([])) }
            out += block(b, width: width)
        }
        return out
    }

    private func isTightable(_ block: Block) -> Bool {
        switch block {
        case .paragraph, .list: return true
        default: return false
        }
    }

    mutating func block(_ block: Block, width: Int) -> [RenderedLine] {
        switch block {
        case .heading(let level, let inlines, _):
            return heading(level: level, inlines, width: width)
        case .paragraph(let inlines):
            return wrap(inlines, width: width, base: .plain).map { RenderedLine($0) }
        case .list(let list):
            return self.list(list, width: width)
        case .quote(let inner):
            let bar = StyledRun("│ ", RunStyle(.quoteBar))
            return indented(width: width, by: 2, first: [bar], rest: [bar]) { me, w in me.blocks(inner, width: w) }
        case .code(let language, let text, _):
            return code(language: language, text: text, width: width)
        case .thematicBreak:
            return [RenderedLine([StyledRun(String(repeating: "─", count: width), RunStyle(.rule))])]
        case .table(let rows):
            return table(rows, width: width)
        case .exercise(let exercise):
            return SpecialBoxes.exercise(exercise, width: width, layout: self)
        case .quiz(let quiz):
            defer { quizCount += 1 }
            return SpecialBoxes.quiz(quiz, index: quizCount, width: width, layout: self)
        case .demo(let demo):
            defer { demoCount += 1 }
            return SpecialBoxes.demo(demo, index: demoCount, width: width, layout: self)
        case .broken(let problem):
            return SpecialBoxes.broken(problem, width: width, layout: self)
        }
    }

    /// Renders children at `width - by` and prefixes them: `first` on the first
    /// line, `rest` on the others. Falls back to no prefix when too narrow.
    mutating func indented(width: Int, by: Int, first: [StyledRun], rest: [StyledRun],
                           _ body: (inout Layout, Int) -> [RenderedLine]) -> [RenderedLine] {
        guard width - by >= PlainRenderer.minimumInnerWidth else { return body(&self, width) }
        let inner = body(&self, width - by)
        return inner.enumerated().map { i, line in
            var prefixed = line
            let prefix = i == 0 ? first : rest
            // Blank lines keep a bar (quotes) but not trailing spaces.
            let visible = line.runs.isEmpty ? prefix.map { StyledRun(trimTrailing($0.text), $0.style) } : prefix
            prefixed.runs = visible + line.runs
            return prefixed
        }
    }

    private func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    // MARK: headings

    private func heading(level: Int, _ inlines: [Inline], width: Int) -> [RenderedLine] {
        let style = RunStyle(.heading, bold: true, underline: level == 1 && color)
        let lines = wrap(inlines, width: width, base: style).map { RenderedLine($0) }
        guard level <= 3 else { return lines }
        let ruleWidth = max(1, lines.map(\.width).max() ?? 1)
        let rule = String(repeating: ["═", "─", "┄"][level - 1], count: ruleWidth)
        return lines + [RenderedLine([StyledRun(rule, RunStyle(.heading))])]
    }

    // MARK: lists

    private mutating func list(_ list: ListBlock, width: Int) -> [RenderedLine] {
        let bullets = ["•", "◦", "▪"]
        let depth = listDepth
        listDepth += 1
        defer { listDepth -= 1 }
        let markers: [String] = list.items.indices.map { i in
            if let start = list.start { return "\(start + i)." }
            return bullets[depth % bullets.count]
        }
        let markerWidth = (markers.map { DisplayWidth.of($0) }.max() ?? 1) + 1
        var out: [RenderedLine] = []
        for (i, item) in list.items.enumerated() {
            if i > 0 && !list.tight { out.append(RenderedLine([])) }
            let marker = markers[i]
            let pad = String(repeating: " ", count: markerWidth - DisplayWidth.of(marker) - 1)
            let first = [StyledRun(pad + marker + " ", RunStyle(.bullet))]
            let rest = [StyledRun(String(repeating: " ", count: markerWidth))]
            var lines = indented(width: width, by: markerWidth, first: first, rest: rest) { me, w in
                me.blocks(item, width: w, tight: list.tight)
            }
            if item.isEmpty { lines = [RenderedLine(first)] }
            out += lines
        }
        return out
    }

    // MARK: code

    private func code(language: String?, text: String, width: Int) -> [RenderedLine] {
        let lang = language?.lowercased()
        let source = lang == "swift" ? SwiftHighlighter.highlight(text) : SwiftHighlighter.plain(text)
        let gutterFirst = StyledRun("  ┃ ", RunStyle(.gutter))
        let gutterMore = StyledRun("  ┆ ", RunStyle(.gutter))
        let useGutter = width - 4 >= PlainRenderer.minimumInnerWidth
        let inner = useGutter ? width - 4 : width
        var out: [RenderedLine] = []
        for runs in source {
            var cells: [TextWrapper.Cell] = []
            for run in runs { cells += TextWrapper.cells(run.text, run.style) }
            while cells.last?.character == " " { cells.removeLast() }
            for (k, chunk) in TextWrapper.chop(cells, width: inner).enumerated() {
                let gutter = useGutter ? [k == 0 ? gutterFirst : gutterMore] : []
                out.append(RenderedLine(gutter + chunk))
            }
        }
        return out
    }

    // MARK: tables

    private func table(_ rows: [[[Inline]]], width: Int) -> [RenderedLine] {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        let separator = 3   // " │ "
        let available = width - separator * (columns - 1)
        guard available >= 3 * columns else {
            // Too narrow for a grid: one paragraph per row, cells joined by " | ".
            var out: [RenderedLine] = []
            for row in rows {
                var inlines: [Inline] = []
                for (i, cell) in row.enumerated() {
                    if i > 0 { inlines.append(.text(" | ")) }
                    inlines += cell
                }
                out += wrap(inlines, width: width, base: .plain).map { RenderedLine($0) }
            }
            return out
        }
        // Natural widths; to fit, first take columns down towards their longest
        // word (most slack first), and only then break words in the widest column.
        var widths = Array(repeating: 1, count: columns)
        var floors = Array(repeating: 1, count: columns)
        for row in rows {
            for (c, cell) in row.enumerated() {
                let natural = wrap(cell, width: 10_000, base: .plain).map { TextWrapper.runsWidth($0) }.max() ?? 0
                widths[c] = max(widths[c], natural)
                floors[c] = max(floors[c], longestWord(cell))
            }
        }
        while widths.reduce(0, +) > available {
            let slack = widths.indices.max { widths[$0] - floors[$0] < widths[$1] - floors[$1] }!
            if widths[slack] > floors[slack] {
                widths[slack] -= 1
            } else {
                let widest = widths.indices.max { widths[$0] < widths[$1] }!
                widths[widest] -= 1
            }
        }
        let border = RunStyle(.tableBorder)
        var out: [RenderedLine] = []
        for (r, row) in rows.enumerated() {
            let style = r == 0 ? RunStyle(.text, bold: true) : RunStyle.plain
            let cellLines = (0..<columns).map { c in c < row.count ? wrap(row[c], width: widths[c], base: style) : [[]] }
            let height = cellLines.map(\.count).max() ?? 1
            for k in 0..<height {
                var runs: [StyledRun] = []
                for c in 0..<columns {
                    if c > 0 { runs.append(StyledRun(" │ ", border)) }
                    let content = k < cellLines[c].count ? cellLines[c][k] : []
                    runs += content
                    let pad = widths[c] - TextWrapper.runsWidth(content)
                    if c < columns - 1, pad > 0 { runs.append(StyledRun(String(repeating: " ", count: pad))) }
                }
                out.append(RenderedLine(runs))
            }
            if r == 0 {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                out.append(RenderedLine([StyledRun(rule, border)]))
            }
        }
        return out
    }

    /// Columns the longest unbreakable piece of a cell needs: a Latin word in
    /// full, CJK text a pair of characters (one may be punctuation kept with it).
    func longestWord(_ cell: [Inline]) -> Int {
        let shown = wrap(cell, width: 10_000, base: .plain).map { $0.map(\.text).joined() }.joined(separator: " ")
        return shown.split(separator: " ").map { word in
            let w = DisplayWidth.of(word)
            return word.contains(where: { DisplayWidth.of($0) == 2 }) ? min(w, 4) : w
        }.max() ?? 1
    }

    // MARK: inline

    /// Wraps inline spans to `width`, starting from style `base`.
    func wrap(_ inlines: [Inline], width: Int, base: RunStyle) -> [[StyledRun]] {
        var flow = TextWrapper.Flow()
        flatten(inlines, style: base, into: &flow)
        return TextWrapper.wrap(flow, width: width)
    }

    private func flatten(_ inlines: [Inline], style: RunStyle, into flow: inout TextWrapper.Flow) {
        func add(_ text: String, _ s: RunStyle) {
            TextWrapper.forEachCell(text, s) { flow.append($0) }
        }
        for inline in inlines {
            switch inline {
            case .text(let t):
                add(t, style)
            case .emphasis(let inner):
                var s = style; s.italic = true
                flatten(inner, style: s, into: &flow)
            case .strong(let inner):
                var s = style; s.bold = true
                flatten(inner, style: s, into: &flow)
            case .code(let c):
                var s = style; s.role = .code
                add(color ? c : "`" + c + "`", s)
            case .math(let m):
                var s = style; s.role = .math
                // A short formula ("n − k + 1") stays on one line; a long one may wrap at its spaces.
                let text = MathText.unicode(m)
                var cells = TextWrapper.cells(text, s)
                if DisplayWidth.of(text) <= Layout.unbreakableMathWidth {
                    for i in cells.indices where cells[i].character == " " { cells[i].glue = true }
                }
                for cell in cells { flow.append(cell) }
            case .link(let text, let url):
                var s = style; s.role = .link; s.underline = true
                flatten(text, style: s, into: &flow)
                let shown = InlineText.plain(text)
                if !url.isEmpty, url != shown, "mailto:" + shown != url {
                    add(" (" + url + ")", RunStyle(.url))
                }
            case .softBreak:
                flow.softBreak(style)
            case .lineBreak:
                flow.newline()
            }
        }
    }
}

extension TextWrapper {
    static func runsWidth(_ runs: [StyledRun]) -> Int { runs.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
