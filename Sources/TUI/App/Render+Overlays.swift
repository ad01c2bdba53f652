import Lessons


/// A centred rectangle at most `width`×`height`, inside the screen below the title bar.
private func centered(_ model: Model, width: Int, height: Int) -> Rect {
    let w = min(width, model.width - 2), h = min(height, model.height - 2)
    return Rect(x: (model.width - w) / 2, y: max(1, (model.height - h) / 2), width: w, height: h)
}

/// Clears `rect` and a column either side (so a pane's frame never touches
/// the overlay's, which read as a doubled "┌┌" corner), frames it and returns the inside.
private func panel(_ buffer: inout CellBuffer, _ rect: Rect, title: String, color: UInt8) -> Rect {
    let left = max(0, rect.x - 1), right = min(buffer.width, rect.maxX + 1)
    buffer.fill(Rect(x: left, y: rect.y, width: right - left, height: rect.height))
    buffer.drawFrame(rect, title: title, style: Style(fg: .ansi(color), bold: true))
    return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
}

/// Wraps plain text lines to `width` with the lesson wrapper.
private func wrapPlain(_ lines: [String], width: Int, style: Style = .plain) -> [[LessonDocument.Run]] {
    let layout = LessonLayout(width: max(8, width))
    return lines.flatMap { $0.isEmpty ? [[]] : layout.wrap([LessonDocument.Run($0, style)], width: max(1, width)) }
}

private func putRuns(_ buffer: inout CellBuffer, _ runs: [LessonDocument.Run], x: Int, y: Int, clip: Rect, mono: Bool) {
    var col = x
    for r in runs {
        var st = r.style
        if mono { st.fg = .default; st.bg = .default }
        col = buffer.put(r.text, x: col, y: y, style: st, clip: clip)
    }
}

func drawOverlay(_ buffer: inout CellBuffer, _ model: Model, _ overlay: Model.Overlay) {
    let mono = !model.colorMode.hasColor
    func body(_ title: String, color: UInt8, lines: [[LessonDocument.Run]], footer: String, scroll: Int = 0, width: Int = 72) {
        let rect = centered(model, width: width, height: lines.count + 4)
        let inner = panel(&buffer, rect, title: title, color: color)
        guard inner.width > 0, inner.height > 1 else { return }
        let room = inner.height - 1
        for (row, line) in lines.dropFirst(scroll).prefix(room).enumerated() {
            putRuns(&buffer, line, x: inner.x, y: inner.y + row, clip: inner, mono: mono)
        }
        var more = ""
        if lines.count - scroll > room { more = "↓ more · " }
        buffer.putFitted(more + footer, x: inner.x, y: inner.maxY - 1, width: inner.width, style: Theme.dim)
    }
    let width = min(72, model.width - 2) - 4
    let ui = UIText(model.language)
    let helpLines = ui.helpLines
    switch overlay {
    case .help:
        let keyW = helpLines.map { DisplayWidth.of($0.keys) }.max() ?? 0
        var lines: [[LessonDocument.Run]] = []
        for (keys, action) in helpLines {
            let wrapped = wrapPlain([action], width: width - keyW - 2)
            for (i, w) in wrapped.enumerated() {
                lines.append([LessonDocument.Run(CellBuffer.pad(i == 0 ? keys : "", width: keyW) + "  ", Style(bold: true))] + w)
            }
        }
        body(ui.keys, color: Theme.accent, lines: lines, footer: ui.footer(.help))
    case .verdict(let exercise, let outcome, let scroll):
        let color = outcome.passed ? Theme.good : Theme.bad
        let head = (outcome.passed ? "✓ " : "✗ ") + ui.verdict(outcome.verdict)
        var lines: [[LessonDocument.Run]] = [[LessonDocument.Run(head, Style(fg: .ansi(color), bold: true)),
                                              LessonDocument.Run("  " + exercise, Theme.dim)]]
        lines += wrapPlain([outcome.translatedSummaries[model.language] ?? outcome.summary], width: width)
        if !outcome.details.isEmpty { lines.append([]) }
        lines += wrapPlain(outcome.details, width: width)
        let footer = outcome.passed ? ui.phrase("Esc close") : ui.footer(.verdict)
        body(ui.verdictTitle, color: color, lines: lines, footer: footer, scroll: scroll)
    case .hint(let exercise, let text, let number, let total):
        var lines: [[LessonDocument.Run]] = [[LessonDocument.Run(ui.hintNumber(number, of: total), Style(bold: true)),
                                              LessonDocument.Run("  " + exercise, Theme.dim)]]
        lines += wrapPlain([text], width: width)
        body(ui.hintTitle, color: 220, lines: lines,
             footer: number < total ? ui.footer(.hint) : ui.phrase("that was the last hint · Esc close"))
    case .quiz(let q):
        var lines = wrapPlain([q.quiz.question], width: width, style: Style(bold: true))
        lines.append([])
        for (i, choice) in q.quiz.choices.enumerated() {
            let letter = String(UnicodeScalar(UInt8(97 + i % 26)))
            let chosen = i == q.selected
            let prefix = (chosen ? "› " : "  ") + letter + ") "
            var st = chosen ? Style(bold: true, reverse: q.result == nil) : Style()
            if let r = q.result, chosen { st.fg = .ansi(r ? Theme.good : Theme.bad) }
            for (k, w) in wrapPlain([choice], width: width - 5, style: st).enumerated() {
                lines.append([LessonDocument.Run(k == 0 ? prefix : "     ", st)] + w)
            }
        }
        lines.append([])
        switch q.result {
        case true?:
            lines.append([LessonDocument.Run(ui.phrase("✓ Right."), Style(fg: .ansi(Theme.good), bold: true))])
            if let e = q.quiz.explanation { lines += wrapPlain([e], width: width) }
        case false?:
            lines.append([LessonDocument.Run(ui.phrase("✗ Not quite. Reread the section and try again later."), Style(fg: .ansi(Theme.bad), bold: true))])
        case nil: break
        }
        body(ui.quizTitle, color: 176, lines: lines, footer: q.result == nil ? ui.footer(.quiz) : ui.phrase("Enter or Esc closes"))
    case .message(let title, let text):
        body(title, color: Theme.accent, lines: wrapPlain(text, width: width), footer: ui.phrase("Esc closes"))
    case .offerWorkspace(let path):
        let text = ["There is no workspace here yet. Checking, hints and editing need one: a folder with a starter file per exercise and your progress.",
                    "", "Create it at \(path)?"]
        body(ui.workspaceTitle, color: 220, lines: wrapPlain(text, width: width), footer: ui.phrase("y create · Esc not now"))
    case .demo(let d):
        let rect = Rect(x: 1, y: 1, width: model.width - 2, height: model.height - 2)
        let inner = panel(&buffer, rect, title: "demo " + d.block.name, color: 114)
        guard inner.width > 0, inner.height > 1 else { return }
        let area = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        if let demo = d.demo {
            var canvas = CellBuffer(width: area.width, height: area.height)
            canvas.colorMode = model.colorMode
            demo.draw(into: &canvas, area: canvas.bounds)
            for y in 0..<area.height {
                for x in 0..<area.width { buffer[area.x + x, area.y + y] = canvas[x, y] }
            }
        } else {
            for (i, line) in wrapPlain([d.error ?? "nothing to show"], width: area.width).prefix(area.height).enumerated() {
                putRuns(&buffer, line, x: area.x, y: area.y + i, clip: area, mono: mono)
            }
        }
        buffer.putFitted(d.clock.status + " · " + ui.footer(.demo),
                         x: inner.x, y: inner.maxY - 1, width: inner.width, style: Theme.dim)
    }
}

extension String {
    /// `wrong_answer` → `wrong answer`.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
