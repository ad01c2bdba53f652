import Lessons

/// Key handling: overlays first, then the search line, then the focused pane.
func handleKey(_ model: inout Model, _ key: Key) -> [Effect] {
    if key == .interrupt { model.quitting = true; return model.positionEffect + [.quit] }
    if model.tooSmall {
        if key == .char("q") { model.quitting = true; return [.quit] }
        return []
    }
    if model.search.editing { return searchKey(&model, key) }
    if model.overlay != nil { return overlayKey(&model, key) }

    let context: KeyContext = model.focus == .outline ? .outline : .lesson
    guard let action = Keymap.action(for: key, in: context) else { return [] }
    switch action {
    case .quit:
        model.quitting = true
        return model.positionEffect + [.quit]
    case .help:
        model.overlay = .help
        return []
    case .switchPane:
        model.focus = model.focus == .outline ? .lesson : .outline
        if model.focus == .lesson, model.openLesson == nil { return model.open(model.selected) }
        return []
    case .language:
        return switchLanguage(&model)
    case .check:
        guard let id = exerciseForAction(model) else { model.notice = "this lesson has no exercise"; return [] }
        return startCheck(&model, id)
    case .hint:
        guard let id = exerciseForAction(model), let hints = hintsOf(model, id)
        else { model.notice = "no exercise here to give a hint for"; return [] }
        return [.nextHint(exercise: id, hints: hints)]
    case .edit:
        guard let id = exerciseForAction(model) else { model.notice = "no exercise here to edit"; return [] }
        guard model.workspace != nil else { model.overlay = .offerWorkspace(path: model.proposedWorkspace); return [] }
        return [.openEditor(exercise: id)]
    case .runDemo:
        return runDemo(&model)
    case .pageDown:
        return scrollBy(&model, model.pageSize)
    case .pageUp:
        return scrollBy(&model, -model.pageSize)
    default:
        return context == .outline ? outlineAction(&model, action) : lessonAction(&model, action)
    }
}

private func outlineAction(_ model: inout Model, _ action: KeyAction) -> [Effect] {
    let n = model.lessons.count
    guard n > 0 else { return [] }
    switch action {
    case .up: model.selected = max(0, model.selected - 1)
    case .down: model.selected = min(n - 1, model.selected + 1)
    case .top: model.selected = 0
    case .bottom: model.selected = n - 1
    case .open:
        model.focus = .lesson
        let effects = model.positionEffect
        let target = model.selected
        let saved = model.openLesson == target ? nil : 0
        return effects + model.open(target, scroll: saved)
    default: break
    }
    return []
}

private func lessonAction(_ model: inout Model, _ action: KeyAction) -> [Effect] {
    switch action {
    case .up:
        if model.blockCursor > 0 { model.blockCursor = min(model.blockCursor, model.anchorsInView.count - 1) - 1; return [] }
        return scrollBy(&model, -1)
    case .down:
        if model.scroll >= model.maxScroll {
            // At the bottom: step the cursor through the blocks still in view.
            model.blockCursor = min(model.blockCursor + 1, max(0, model.anchorsInView.count - 1))
            return []
        }
        return scrollBy(&model, 1)
    case .top: model.scroll = 0; model.blockCursor = 0
    case .bottom: model.scroll = model.maxScroll
    case .back:
        model.focus = .outline
        return model.positionEffect
    case .search:
        model.search = Model.Search(editing: true)
    case .nextMatch: jumpToMatch(&model, forward: true)
    case .previousMatch: jumpToMatch(&model, forward: false)
    case .open:
        switch model.anchorInView {
        case .quiz(let i)?:
            guard let quiz = model.lesson?.quizzes[safe: i] else { return [] }
            model.overlay = .quiz(Model.QuizState(index: i, quiz: quiz))
        case .demo?: return runDemo(&model)
        case .exercise(let i)?:
            guard let e = model.lesson?.exercises[safe: i] else { return [] }
            return startCheck(&model, e.id)
        case nil: break
        }
    default: break
    }
    return []
}

private func scrollBy(_ model: inout Model, _ delta: Int) -> [Effect] {
    if model.document == nil, model.openLesson == nil { return model.open(model.selected) }
    model.scroll = min(max(0, model.scroll + delta), model.maxScroll)
    model.blockCursor = 0
    return []
}

private func searchKey(_ model: inout Model, _ key: Key) -> [Effect] {
    switch key {
    case .escape:
        model.search = Model.Search()
    case .enter:
        model.search.editing = false
        model.search.matches = model.document?.matches(model.search.query) ?? []
        model.search.current = nil
        if model.search.matches.isEmpty {
            if !model.search.query.isEmpty { model.notice = "not found: \(model.search.query)" }
        } else {
            // The first match at or after the top of the view.
            let start = model.search.matches.firstIndex { $0 >= model.scroll } ?? 0
            model.search.current = start
            reveal(&model, model.search.matches[start])
        }
    case .backspace:
        if model.search.query.isEmpty { model.search = Model.Search() } else { model.search.query.removeLast() }
    case .char(let c):
        model.search.query.append(c)
    default: break
    }
    return []
}

private func jumpToMatch(_ model: inout Model, forward: Bool) {
    let m = model.search.matches
    guard !m.isEmpty else {
        model.notice = model.search.query.isEmpty ? "no search yet: press / to search" : "not found: \(model.search.query)"
        return
    }
    let next: Int
    if let c = model.search.current { next = (c + (forward ? 1 : m.count - 1)) % m.count } else { next = 0 }
    if forward, let c = model.search.current, next < c { model.notice = "search wrapped to the top" }
    model.search.current = next
    reveal(&model, m[next])
}

/// Scrolls so `line` is visible, a few lines below the top.
private func reveal(_ model: inout Model, _ line: Int) {
    let top = model.scroll, bottom = model.scroll + model.lessonTextRect.height
    if line < top || line >= bottom { model.scroll = min(max(0, line - 2), model.maxScroll) }
}

private func switchLanguage(_ model: inout Model) -> [Effect] {
    guard let entry = model.currentEntry ?? model.lessons[safe: model.selected] else { return [] }
    let others = entry.translations.sorted()
    guard !others.isEmpty else { model.notice = "“\(entry.title)” has no translation"; return [] }
    let cycle = ["en"] + others
    let now = model.effectiveLanguage(entry)
    model.language = cycle[((cycle.firstIndex(of: now) ?? 0) + 1) % cycle.count]
    guard let open = model.openLesson else { return [] }
    let keep = model.scroll
    model.lesson = nil
    model.openLesson = nil
    return model.open(open, scroll: keep)
}

/// The exercise the reader is looking at. In the outline: the highlighted
/// lesson's next unsolved exercise (else its first). In a lesson: the
/// exercise block under the cursor, else one in view, else the nearest one
/// above the visible part, else the lesson's next unsolved one.
func exerciseForAction(_ model: Model) -> String? {
    func nextUnsolved(_ ids: [String]) -> String? { ids.first { model.statuses[$0] != .passed } ?? ids.first }
    if model.focus == .outline || model.lesson == nil {
        return nextUnsolved(model.lessons[safe: model.selected]?.exercises ?? [])
    }
    guard let lesson = model.lesson else { return nil }
    var candidates: [LessonDocument.Anchor] = []
    if let a = model.anchorInView { candidates.append(a) }
    candidates += model.anchorsInView
    if let doc = model.document,
       let above = doc.anchorStarts.last(where: { if case .exercise = $0.anchor { $0.line < model.scroll } else { false } }) {
        candidates.append(above.anchor)
    }
    for case .exercise(let i) in candidates { if let e = lesson.exercises[safe: i] { return e.id } }
    return nextUnsolved(lesson.exercises.map(\.id))
}

/// The hints of `exercise`: from the open lesson, else from the outline's entry.
func hintsOf(_ model: Model, _ exercise: String) -> [String]? {
    if let block = model.lesson?.exercises.first(where: { $0.id == exercise }) { return block.hints }
    // The outline lists exercises without parsing lessons, so their hints are
    // unknown here: an empty list asks the runtime to read them (`AppEnvironment.hints`).
    return model.lessons.contains { $0.exercises.contains(exercise) } ? [] : nil
}

private func runDemo(_ model: inout Model) -> [Effect] {
    guard let lesson = model.lesson, !lesson.demos.isEmpty else { model.notice = "this lesson has no demo"; return [] }
    var block = lesson.demos[0]
    if case .demo(let i)? = model.anchorInView, let b = lesson.demos[safe: i] { block = b }
    var state = Model.DemoState(block: block)
    if let type = model.demoLookup(block.name) {
        do { state.demo = try type.init(parameters: block.parameters) } catch { state.error = error.description }
    } else {
        state.error = "no demo named '\(block.name)' is built in"
    }
    model.overlay = .demo(state)
    return []
}

private func overlayKey(_ model: inout Model, _ key: Key) -> [Effect] {
    guard let overlay = model.overlay else { return [] }
    if key == .char("q") { model.quitting = true; return model.positionEffect + [.quit] }
    switch overlay {
    case .help:
        if Keymap.action(for: key, in: .help) == .close { model.overlay = nil }
    case .message:
        if [.escape, .backspace, .enter, .char(" ")].contains(key) { model.overlay = nil }
    case .offerWorkspace:
        switch key {
        case .char("y"), .char("i"), .enter:
            model.overlay = .message(title: "Workspace", lines: ["creating \(model.proposedWorkspace)…"])
            return [.createWorkspace]
        case .escape, .backspace, .char("n"): model.overlay = nil
        default: break
        }
    case .hint(let exercise, _, _, _):
        switch Keymap.action(for: key, in: .hint) {
        case .hint?:
            guard let hints = hintsOf(model, exercise) else { return [] }
            return [.nextHint(exercise: exercise, hints: hints)]
        case .close?: model.overlay = nil
        default: break
        }
    case .verdict(let exercise, let outcome, let scroll):
        let last = max(0, outcome.details.count - 1)
        switch Keymap.action(for: key, in: .verdict) {
        case .up?: model.overlay = .verdict(exercise: exercise, outcome, scroll: max(0, scroll - 1))
        case .down?: model.overlay = .verdict(exercise: exercise, outcome, scroll: min(scroll + 1, last))
        case .pageDown?: model.overlay = .verdict(exercise: exercise, outcome, scroll: min(scroll + model.pageSize / 2, last))
        case .pageUp?: model.overlay = .verdict(exercise: exercise, outcome, scroll: max(0, scroll - model.pageSize / 2))
        case .check?: model.overlay = nil; return startCheck(&model, exercise)
        case .edit?: model.overlay = nil; return [.openEditor(exercise: exercise)]
        case .hint?:
            guard let hints = hintsOf(model, exercise) else { return [] }
            return [.nextHint(exercise: exercise, hints: hints)]
        case .close?: model.overlay = nil
        default: break
        }
    case .quiz(var q):
        // Letters pick a choice directly (a, b, c…), except the movement keys j and k.
        if case .char(let c) = key, q.result == nil, c.isLetter, c.isLowercase, Keymap.action(for: key, in: .quiz) == nil {
            let i = Int(c.asciiValue ?? 0) - 97
            if q.quiz.choices.indices.contains(i) { q.selected = i }
            model.overlay = .quiz(q)
            return []
        }
        switch Keymap.action(for: key, in: .quiz) {
        case .up?: if q.result == nil { q.selected = max(0, q.selected - 1) }
        case .down?: if q.result == nil { q.selected = min(q.quiz.choices.count - 1, q.selected + 1) }
        case .answer?:
            if q.result != nil {
                model.overlay = nil
                return []
            }
            let right = q.selected == q.quiz.answer
            q.result = right
            let lessonID = model.lesson?.id ?? ""
            model.quizResults[lessonID, default: [:]][q.index] = right
            model.overlay = .quiz(q)
            model.relayout()
            return model.workspace == nil ? [] :
                [.recordQuiz(lesson: lessonID, index: q.index, answer: q.quiz.choices[q.selected], correct: right)]
        case .close?:
            model.overlay = nil
            return []
        default: break
        }
        if case .quiz = model.overlay { model.overlay = .quiz(q) }
    case .demo(var d):
        switch Keymap.action(for: key, in: .demo) {
        case .pause?: d.clock.togglePause()
        case .step?:
            if d.clock.requestStep() {
                let effects = requestDemoSteps(&d, 1)
                model.overlay = .demo(d)
                return effects
            }
        case .restart?:
            if let type = model.demoLookup(d.block.name), let fresh = try? type.init(parameters: d.block.parameters) {
                d.demo = fresh; d.clock.restart()
                d.generation += 1; d.stepping = false; d.owed = 0
            }
        case .close?:
            model.overlay = nil
            return []
        default: break
        }
        model.overlay = .demo(d)
    }
    return []
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
