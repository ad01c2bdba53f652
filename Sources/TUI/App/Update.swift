import Lessons

/// The app's only state transition: reacts to `msg` by changing `model` and
/// returns the work to do (loading, checking, saving) as effects. Pure: no
/// I/O, no clock; the runtime performs the effects and sends their results
/// back as messages.
public func update(_ model: inout Model, _ msg: Msg) -> [Effect] {
    switch msg {
    case .key(let key):
        model.finishLayout()
        model.notice = nil
        return handleKey(&model, key)
    case .resize(let w, let h):
        model.width = max(0, w); model.height = max(0, h)
        model.relayout()
        return []
    case .tick(let ms):
        if model.checking != nil { model.spinner += 1 }
        if case .demo(var d)? = model.overlay, d.demo != nil {
            let due = d.clock.advance(byMs: ms)
            let effects = requestDemoSteps(&d, due)
            model.overlay = .demo(d)
            return effects
        }
        return []
    case .demoStepped(let generation, let box, let taken, let finished):
        guard case .demo(var d)? = model.overlay, d.generation == generation else { return [] }
        d.demo = box.demo
        d.stepping = false
        for _ in 0..<taken { d.clock.didStep() }
        if finished { d.clock.finish(); d.owed = 0 }
        let owed = d.owed
        d.owed = 0
        let effects = requestDemoSteps(&d, owed)
        model.overlay = .demo(d)
        return effects
    case .lessonLoaded(let id, _, let lesson, let error):
        guard let i = model.openLesson, model.lessons[i].id == id else { return [] }
        model.lesson = lesson
        model.lessonError = error
        model.scroll = 0
        model.search = Model.Search()
        model.relayout()
        if let pending = model.pendingScroll {
            model.scroll = min(pending, model.maxScroll)
            model.pendingScroll = nil
        }
        return model.workspace == nil ? [] : [.watch(exercises: model.lessons[i].exercises)]
    case .statusesLoaded(let statuses):
        model.statuses = statuses
        model.relayout()
        return []
    case .checkProgress(let exercise, let phase):
        model.checking = (exercise, phase)
        return []
    case .checkFinished(let exercise, let outcome):
        model.checking = nil
        if outcome.passed { model.statuses[exercise] = .passed }
        else if model.statuses[exercise] != .passed { model.statuses[exercise] = .attempted }
        model.relayout()
        model.overlay = .verdict(exercise: exercise, outcome, scroll: 0)
        if let again = model.recheck {
            model.recheck = nil
            return startCheck(&model, again)
        }
        return []
    case .fileChanged(let exercise):
        guard model.checking == nil else { model.recheck = exercise; return [] }
        return startCheck(&model, exercise)
    case .hintLoaded(let exercise, let index, let text, let total):
        if let index, let text {
            model.overlay = .hint(exercise: exercise, text: text, number: index + 1, total: total)
        } else {
            model.overlay = .message(title: "Hints", lines: total == 0 ? ["\(exercise) has no hints."]
                                     : ["No more hints for \(exercise): all \(total) were shown.", "`lectern hint \(exercise)` lists them."])
        }
        return []
    case .editorClosed(_, let error):
        if let error { model.overlay = .message(title: "Editor", lines: [error]) }
        return []
    case .workspaceReady(let path, let error):
        if let path {
            model.workspace = path
            model.notice = "workspace created: \(path)"
            model.overlay = nil
            if let entry = model.currentEntry { return [.loadStatuses, .watch(exercises: entry.exercises)] }
            return [.loadStatuses]
        }
        model.overlay = .message(title: "Workspace", lines: [error ?? "could not create the workspace"])
        return []
    }
}

extension Model {
    /// Lays the open lesson out again for the current width and state: all of
    /// it, or with `layoutFirstScreenFirst` the lines down to the bottom of the
    /// view (the remembered position included) and the rest on `finishLayout`.
    public mutating func relayout() {
        pendingLayout = nil
        guard let lesson else { document = nil; return }
        let state = LessonLayout.State(exercises: statuses, quizzes: quizResults[lesson.id] ?? [:])
        let w = lessonTextRect.width
        guard w > 0 else { document = nil; return }
        var pass = LessonLayout.Pass(LessonLayout(width: w, state: state, math: math), lesson)
        var lines: [LessonDocument.Line] = []
        if layoutFirstScreenFirst, search.query.isEmpty {
            let needed = (pendingScroll ?? scroll) + lessonTextRect.height + 1
            while !pass.done, lines.count < needed { lines += pass.lines(blocks: 8) }
        } else {
            lines = pass.lines(blocks: lesson.blocks.count)
        }
        var doc = LessonDocument(lines: lines, width: w)
        if !pass.done {
            doc.estimatedLineCount = max(lines.count + 1, lines.count * lesson.blocks.count / max(1, pass.blocksDone))
            pendingLayout = pass
        }
        document = doc
        scroll = min(scroll, maxScroll)
        if !search.query.isEmpty { search.matches = doc.matches(search.query) }
    }

    /// Lays out the rest of a lesson that `relayout` laid out only in part;
    /// false when there was nothing left.
    @discardableResult
    public mutating func finishLayout() -> Bool {
        guard var pass = pendingLayout, var doc = document else { return false }
        pendingLayout = nil
        doc.lines += pass.lines(blocks: Int.max)
        doc.estimatedLineCount = nil
        document = doc
        scroll = min(scroll, maxScroll)
        return true
    }

    /// Opens lesson `index` in the lesson pane (loading it) at line `scroll`.
    mutating func open(_ index: Int, scroll: Int? = nil) -> [Effect] {
        guard lessons.indices.contains(index) else { return [] }
        selected = index
        if openLesson == index, lesson != nil {
            if let scroll { self.scroll = min(scroll, maxScroll) }
            return []
        }
        openLesson = index
        lesson = nil; document = nil; lessonError = nil
        pendingScroll = scroll
        return [.loadLesson(id: lessons[index].id, language: effectiveLanguage(lessons[index]))]
    }

    /// The language a lesson is shown in: the chosen one when translated, else English.
    func effectiveLanguage(_ entry: LessonEntry) -> String {
        language != "en" && entry.translations.contains(language) ? language : "en"
    }

    /// The position to remember for the open lesson.
    var positionEffect: [Effect] {
        guard let entry = currentEntry, workspace != nil else { return [] }
        return [.savePosition(lesson: entry.id, line: scroll, language: language)]
    }
}

/// Starts a check of `exercise` unless one is running.
func startCheck(_ model: inout Model, _ exercise: String) -> [Effect] {
    guard model.workspace != nil else {
        model.overlay = .offerWorkspace(path: model.proposedWorkspace)
        return []
    }
    guard model.checking == nil else {
        model.notice = "a check is already running"
        return []
    }
    model.checking = (exercise, "starting")
    let points = model.lesson?.exercises.first { $0.id == exercise }?.points ?? 1
    return [.check(exercise: exercise, points: points)]
}

/// Asks the runtime for `count` more steps of the demo, or owes them while
/// earlier steps are still running (so steps are never lost or run twice).
func requestDemoSteps(_ d: inout Model.DemoState, _ count: Int) -> [Effect] {
    guard count > 0, let demo = d.demo, !d.clock.finished else { return [] }
    if d.stepping { d.owed += count; return [] }
    d.stepping = true
    return [.stepDemo(generation: d.generation, DemoBox(demo), count: count)]
}
