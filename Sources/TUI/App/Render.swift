import Lessons

/// Draws the whole screen for `model`. Pure: the same model always gives the
/// same cells, so tests compare `textRows` with expected screens.
public func render(_ model: Model) -> CellBuffer {
    var buffer = CellBuffer(width: model.width, height: model.height)
    buffer.colorMode = model.colorMode
    guard !model.tooSmall else {
        drawTooSmall(&buffer, model)
        return buffer
    }
    drawTitleBar(&buffer, model)
    let paneRect = Rect(x: 0, y: 1, width: model.width, height: model.height - 2)
    if model.splitPanes {
        drawOutline(&buffer, model, Rect(x: 0, y: 1, width: model.outlineWidth, height: paneRect.height))
        drawLessonPane(&buffer, model, Rect(x: model.outlineWidth, y: 1, width: model.width - model.outlineWidth, height: paneRect.height))
    } else if model.focus == .outline {
        drawOutline(&buffer, model, paneRect)
    } else {
        drawLessonPane(&buffer, model, paneRect)
    }
    drawStatusBar(&buffer, model)
    if let overlay = model.overlay { drawOverlay(&buffer, model, overlay) }
    return buffer
}

enum Theme {
    static let accent: UInt8 = 75
    static let good: UInt8 = 70
    static let bad: UInt8 = 203
    static let bar = Style(fg: .ansi(255), bg: .ansi(24), bold: true)
    static let status = Style(fg: .ansi(252), bg: .ansi(236))
    static let focusedFrame = Style(fg: .ansi(accent), bold: true)
    static let frame = Style(fg: .ansi(240))
    static let dim = Style(dim: true)
}

private func drawTooSmall(_ buffer: inout CellBuffer, _ model: Model) {
    let lines = ["enlarge the window", "(at least \(Model.minimumWidth)×\(Model.minimumHeight))", "q quits"]
    let top = max(0, (model.height - lines.count) / 2)
    for (i, line) in lines.enumerated() where top + i < model.height {
        let text = CellBuffer.fit(line, width: model.width)
        buffer.put(text, x: max(0, (model.width - DisplayWidth.of(text)) / 2), y: top + i, style: i == 0 ? Style(bold: true) : .plain)
    }
}

private func drawTitleBar(_ buffer: inout CellBuffer, _ model: Model) {
    var bar = Theme.bar
    if !model.colorMode.hasColor { bar = Style(bold: true, reverse: true) }
    buffer.fill(Rect(x: 0, y: 0, width: model.width, height: 1), style: bar)
    let right = " " + (model.language == "en" ? "English" : model.language == "zh" ? "中文" : model.language) + " "
    let rw = DisplayWidth.of(right)
    // The course title once: "Lectern — …" is not prefixed with "Lectern · " again.
    let title = model.courseTitle.hasPrefix("Lectern") ? model.courseTitle : "Lectern · " + model.courseTitle
    buffer.putFitted(" " + title, x: 0, y: 0, width: max(0, model.width - rw - 1), style: bar)
    if model.width > rw + 12 { buffer.put(right, x: model.width - rw, y: 0, style: bar) }
}

private func drawOutline(_ buffer: inout CellBuffer, _ model: Model, _ rect: Rect) {
    let focused = model.focus == .outline
    let solvedAll = model.lessons.reduce(0) { $0 + model.progress(of: $1).solved }
    let totalAll = model.lessons.reduce(0) { $0 + $1.exercises.count }
    let ui = UIText(model.language)
    buffer.drawFrame(rect, title: ui.courseCounter(solved: solvedAll, total: totalAll),
                     style: focused ? Theme.focusedFrame : Theme.frame)
    let inner = rect.inset(1)
    guard inner.width > 0, inner.height > 0 else { return }
    let first = max(0, min(model.selected - inner.height + 1, model.lessons.count - inner.height))
    let visible = model.lessons.indices.dropFirst(max(0, first)).prefix(inner.height)
    for (row, i) in visible.enumerated() {
        let entry = model.lessons[i]
        let y = inner.y + row
        let (solved, total) = model.progress(of: entry)
        let mark = model.openLesson == i ? "▸" : " "
        let count = total == 0 ? "" : solved == total ? " \(solved)/\(total) ✓" : " \(solved)/\(total)"
        let countW = DisplayWidth.of(count)
        let label = "\(mark)\(i + 1). \(entry.title(in: model.language))"
        var style = Style()
        if i == model.selected {
            style = focused ? Style(bold: true, reverse: true) : Style(bold: true, underline: !model.colorMode.hasColor)
            if focused { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
        }
        buffer.putFitted(label, x: inner.x, y: y, width: max(1, inner.width - countW), style: style)
        if countW > 0, inner.width > countW + 4 {
            var cs = style
            if solved == total, model.colorMode.hasColor, !(i == model.selected && focused) { cs.fg = .ansi(Theme.good) }
            buffer.put(count, x: inner.maxX - countW, y: y, style: cs)
        }
    }
}

private func drawLessonPane(_ buffer: inout CellBuffer, _ model: Model, _ rect: Rect) {
    let focused = model.focus == .lesson
    let ui = UIText(model.language)
    var title = model.lesson?.title ?? model.currentEntry?.title(in: model.language) ?? ui.lesson
    // The language is named only when it is not the one the app speaks.
    if let l = model.lesson, l.language != "en", l.language != model.language { title += " · " + l.language }
    buffer.drawFrame(rect, title: title, style: focused ? Theme.focusedFrame : Theme.frame)
    let text = model.lessonTextRect
    guard text.width > 0, text.height > 0 else { return }
    guard let doc = model.document else {
        let message = model.lessonError.map { "could not open the lesson: \($0)" }
            ?? ui.phrase(model.openLesson == nil ? "Enter opens the selected lesson" : "loading…")
        // Wrapped, not cut: an error names a file path and line that must be read in full.
        var rest = Substring(message)
        var row = 0
        while !rest.isEmpty, row < text.height {
            let chunk = rest.prefix(text.width)
            buffer.putFitted(String(chunk), x: text.x, y: text.y + row, width: text.width, style: Theme.dim)
            rest = rest.dropFirst(chunk.count)
            row += 1
        }
        return
    }
    let query = model.search.query.lowercased()
    let highlightQuery = !model.search.editing && !query.isEmpty
    let current = model.search.current.flatMap { model.search.matches[safe: $0] }
    for row in 0..<text.height {
        let index = model.scroll + row
        guard index < doc.lines.count else { break }
        let line = doc.lines[index]
        var x = text.x
        for run in line.runs {
            var st = run.style
            if !model.colorMode.hasColor { st.fg = .default; st.bg = .default }
            x = buffer.put(run.text, x: x, y: text.y + row, style: st, clip: text)
        }
        if highlightQuery { highlight(&buffer, line: line.text, query: query, at: text.x, y: text.y + row, clip: text, current: index == current) }
    }
    // The block under the cursor gets a marker on the frame.
    if focused, model.overlay == nil, let anchor = model.anchorInView,
       let start = (model.scroll..<min(doc.lines.count, model.scroll + text.height)).first(where: { doc.lines[$0].anchor == anchor }) {
        buffer[rect.x, text.y + start - model.scroll] = Cell("▶", style: Style(fg: .ansi(Theme.accent), bold: true))
    }
    // Scroll position on the right edge.
    if doc.lineCount > text.height {
        let track = text.height
        let thumb = max(1, track * text.height / doc.lineCount)
        let pos = model.maxScroll == 0 ? 0 : (track - thumb) * model.scroll / model.maxScroll
        for i in 0..<thumb { buffer[rect.maxX - 1, text.y + pos + i] = Cell("┃", style: focused ? Theme.focusedFrame : Theme.frame) }
        let pct = "\(min(100, (model.scroll + text.height) * 100 / doc.lineCount))%"
        if rect.width > DisplayWidth.of(pct) + 6 {
            buffer.put(" " + pct + " ", x: rect.maxX - DisplayWidth.of(pct) - 4, y: rect.maxY - 1, style: Theme.dim)
        }
    }
}

/// Marks every case-insensitive occurrence of `query` in a drawn line.
private func highlight(_ buffer: inout CellBuffer, line: String, query: String, at x0: Int, y: Int, clip: Rect, current: Bool) {
    let chars = line.map { $0.lowercased() }
    let q = query.map { String($0).lowercased() }
    guard !q.isEmpty, chars.count >= q.count else { return }
    var cols: [Int] = []
    var col = x0
    for ch in line { cols.append(col); col += DisplayWidth.of(ch) }
    var i = 0
    while i + q.count <= chars.count {
        if Array(chars[i..<i + q.count]) == q {
            for k in i..<i + q.count {
                let cx = cols[k]
                guard cx >= clip.x, cx < clip.maxX else { continue }
                var cell = buffer[cx, y]
                cell.style.reverse = true
                if current { cell.style.bold = true; cell.style.underline = true }
                buffer[cx, y] = cell
            }
            i += q.count
        } else { i += 1 }
    }
}

private func drawStatusBar(_ buffer: inout CellBuffer, _ model: Model) {
    let y = model.height - 1
    var bar = Theme.status
    if !model.colorMode.hasColor { bar = Style(reverse: true) }
    buffer.fill(Rect(x: 0, y: y, width: model.width, height: 1), style: bar)
    let ui = UIText(model.language)
    let right = " " + (model.workspace.map { "ws: " + shortPath($0) } ?? ui.phrase("no workspace")) + " "
    let left: String
    if model.search.editing {
        left = " /" + model.search.query + "▏  Enter find · Esc cancel"
    } else if let (exercise, phase) = model.checking {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        left = " " + frames[model.spinner % frames.count] + " \(ui.phrase("checking")) \(exercise): \(ui.phrase(phase))…"
    } else if let notice = model.notice {
        left = " " + notice
    } else if model.overlay != nil {
        left = " " + ui.phrase("Esc close · q quit")
    } else if model.focus == .outline {
        left = " " + ui.footer(.outline)
    } else {
        var hint = " " + ui.footer(.lesson)
        if !model.search.matches.isEmpty, let c = model.search.current { hint = " match \(c + 1)/\(model.search.matches.count) · n/N next/prev ·" + hint }
        left = hint
    }
    let rw = DisplayWidth.of(right)
    let showRight = model.width >= 60
    buffer.putFitted(left, x: 0, y: y, width: model.width - (showRight ? rw : 0), style: bar)
    if showRight { buffer.put(right, x: model.width - rw, y: y, style: bar) }
}

/// The last two components of a path ("…/work/lectern-workspace").
func shortPath(_ path: String) -> String {
    let parts = path.split(separator: "/")
    return parts.count <= 2 ? path : "…/" + parts.suffix(2).joined(separator: "/")
}
