/// The exercise, quiz, demo and broken blocks, each drawn as a text box:
///
/// ```
/// ┌─ Exercise · 3 points ───────────────┐
/// │ One pass with a monotonic deque     │
/// │ id: sliding-window-max/deque        │
/// │ check with: lectern check sliding-… │
/// └─────────────────────────────────────┘
/// ```
///
/// The box is as wide as its longest line (at most the width). A quiz shows its
/// question and lettered choices, never the answer.
enum SpecialBoxes {
    static func exercise(_ e: ExerciseBlock, width: Int, layout: Layout) -> [RenderedLine] {
        let role = TextRole.exercise
        let points = e.points == e.points.rounded() ? String(Int(e.points)) : String(e.points)
        let label = "Exercise · \(points) point\(e.points == 1 ? "" : "s")"
        var body: [[StyledRun]] = []
        let inner = max(width - 4, 2)
        // The title is shown exactly as written: no Markdown, no math conversion ("x_1" stays "x_1").
        body += layout.wrap([.text(e.title)], width: inner, base: RunStyle(.text, bold: true))
        body += plainLines("id: " + e.id, width: inner)
        body += plainLines("check with: lectern check " + e.id, width: inner)
        if !e.hints.isEmpty {
            let n = e.hints.count
            body += plainLines("\(n) hint\(n == 1 ? "" : "s"): lectern hint " + e.id, width: inner)
        }
        return box(label: label, body: body, role: role, width: width, anchor: LineAnchor(block: 0, exercise: e.id))
    }

    static func quiz(_ q: QuizBlock, index: Int, width: Int, layout: Layout) -> [RenderedLine] {
        let inner = max(width - 4, 2)
        var body = layout.wrap(LessonParser.inlines(q.question), width: inner, base: RunStyle(.text, bold: true))
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for (i, choice) in q.choices.enumerated() {
            let marker = i < letters.count ? "\(letters[i])) " : "\(i + 1)) "
            let markerWidth = DisplayWidth.of(marker)
            guard inner - markerWidth >= 4 else {
                // Too narrow for a hanging indent: the marker starts the wrapped text.
                body += layout.wrap([.text(marker)] + LessonParser.inlines(choice), width: inner, base: .plain)
                continue
            }
            let lines = layout.wrap(LessonParser.inlines(choice), width: inner - markerWidth, base: .plain)
            for (k, line) in lines.enumerated() {
                let prefix = k == 0 ? StyledRun(marker, RunStyle(.quiz)) : StyledRun(String(repeating: " ", count: markerWidth))
                body.append([prefix] + line)
            }
        }
        return box(label: "Quiz", body: body, role: .quiz, width: width, anchor: LineAnchor(block: 0, quiz: index))
    }

    static func demo(_ d: DemoBlock, index: Int, width: Int, layout: Layout) -> [RenderedLine] {
        let inner = max(width - 4, 2)
        let arguments = d.parameterOrder.map { key in
            let value = d.parameters[key] ?? ""
            let needsQuotes = value.isEmpty || value.contains(where: { $0.isWhitespace || $0 == "\"" })
            let escaped = value.replacingOccurrences(of: "\"", with: "\\\"")
            return key + "=" + (needsQuotes ? "\"" + escaped + "\"" : value)
        }
        let call = ([d.name] + arguments).joined(separator: " ")
        let pieces = TextWrapper.cells("▶ " + d.name, RunStyle(.demo, bold: true))
            + TextWrapper.cells(" — run: lectern demo " + call, .plain)
        let body = TextWrapper.wrap(pieces.map { .cell($0) }, width: inner)
        return box(label: "Demo", body: body, role: .demo, width: width, anchor: LineAnchor(block: 0, demo: index))
    }

    static func broken(_ p: ContentProblem, width: Int, layout: Layout) -> [RenderedLine] {
        let inner = max(width - 4, 2)
        var located = p
        located.file = shortPath(p.file)
        let body = TextWrapper.wrap(TextWrapper.cells(located.description, RunStyle(.error)).map { .cell($0) }, width: inner)
        return box(label: "Problem in this block", body: body, role: .error, width: width, anchor: LineAnchor(block: 0))
    }

    /// The last two components of a path: `sliding-window-max/lesson.md`.
    static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    private static func plainLines(_ text: String, width: Int) -> [[StyledRun]] {
        TextWrapper.wrap(TextWrapper.cells(text, .plain).map { .cell($0) }, width: width)
    }

    /// Frames `body` (lines at most `width - 4` wide) with a labelled border.
    static func box(label: String, body: [[StyledRun]], role: TextRole, width: Int, anchor: LineAnchor) -> [RenderedLine] {
        let border = RunStyle(role)
        let contentWidth = body.map(TextWrapper.runsWidth).max() ?? 0
        let labelText = " " + label + " "
        // ┌─ label ─┐ needs label + 4 columns; shorten the label rather than overflow.
        let innerWidth = min(max(contentWidth, DisplayWidth.of(labelText) - 1), width - 4)
        let boxWidth = innerWidth + 4
        var top = "┌─" + labelText
        while DisplayWidth.of(top) > boxWidth - 1 { top.removeLast() }
        top += String(repeating: "─", count: max(0, boxWidth - 1 - DisplayWidth.of(top))) + "┐"
        var out = [RenderedLine([StyledRun(top, RunStyle(role, bold: true))], anchor: anchor)]
        for line in body {
            let pad = innerWidth - TextWrapper.runsWidth(line)
            let runs = [StyledRun("│ ", border)] + line + [StyledRun(String(repeating: " ", count: max(0, pad)) + " │", border)]
            out.append(RenderedLine(runs, anchor: anchor))
        }
        out.append(RenderedLine([StyledRun("└" + String(repeating: "─", count: boxWidth - 2) + "┘", border)], anchor: anchor))
        return out
    }
}
