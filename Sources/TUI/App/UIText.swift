/// The app's own words in the learner's language: English, or Chinese with
/// `--lang zh` (or `L`). Lesson text comes from the lesson files; this covers
/// what the app itself draws: pane titles, counters, the footers and the help
/// (translated row by row from `Keymap`, which stays the one source of what
/// the keys do), overlay titles and verdict names. A phrase with no
/// translation stays English.
struct UIText {
    let zh: Bool

    init(_ language: String) { zh = language == "zh" }

    /// `en`, or `zh` when the app speaks Chinese.
    func pick(_ en: String, _ zh: String) -> String { self.zh ? zh : en }

    func courseCounter(solved: Int, total: Int) -> String {
        pick("Course · \(solved)/\(total) solved", "课程 · 已完成 \(solved)/\(total)")
    }

    var lesson: String { pick("Lesson", "课程内容") }
    var keys: String { pick("Keys", "按键") }
    var verdictTitle: String { pick("Verdict", "判定结果") }
    var hintTitle: String { pick("Hint", "提示") }
    var quizTitle: String { pick("Quiz", "小测验") }
    var workspaceTitle: String { pick("Workspace", "工作区") }
    var exerciseTitle: String { pick("Exercise", "练习") }

    func hintNumber(_ n: Int, of total: Int) -> String { pick("Hint \(n) of \(total)", "提示 \(n)/\(total)") }

    /// "wrong answer" / "答案错误" for a verdict's raw value.
    func verdict(_ raw: String) -> String {
        guard zh else { return raw.replacingOccurrences(of: "_", with: " ") }
        return Self.zhVerdicts[raw] ?? raw.replacingOccurrences(of: "_", with: " ")
    }

    /// "3 pts" / "3 分".
    func points(_ p: Double) -> String {
        let n = p == p.rounded() ? String(Int(p)) : String(p)
        return zh ? "\(n) 分" : (p == 1 ? "\(n) pt" : "\(n) pts")
    }

    /// A phrase of the footers, the help or the status bar, translated when known.
    func phrase(_ en: String) -> String { zh ? Self.zhPhrases[en] ?? en : en }

    /// A footer of `Keymap` in this language.
    func footer(_ context: KeyContext) -> String {
        Keymap.bindings.compactMap { $0.footer[context].map(phrase) }.joined(separator: " · ")
    }

    /// The help overlay's rows in this language.
    var helpLines: [(keys: String, action: String)] { Keymap.helpLines.map { ($0.keys, phrase($0.action)) } }

    static let zhVerdicts: [String: String] = [
        "passed": "通过", "wrong_answer": "答案错误", "compile_error": "编译错误", "runtime_error": "运行时错误",
        "timeout": "超时", "memory_limit": "超出内存限制", "output_limit": "超出输出限制", "too_slow": "太慢",
        "internal_error": "内部错误",
    ]

    static let zhPhrases: [String: String] = [
        // Footers.
        "↑↓ move": "↑↓ 移动", "↑↓ scroll": "↑↓ 滚动", "↑↓ choose": "↑↓ 选择", "Enter open": "Enter 打开",
        "Enter answer": "Enter 作答", "Esc close": "Esc 关闭", "Esc or ? closes": "Esc 或 ? 关闭",
        "Tab pane": "Tab 切换窗格", "/ search": "/ 搜索", "c check": "c 检查", "c check again": "c 再次检查",
        "h hint": "h 提示", "h next hint": "h 下一条提示", "e edit": "e 编辑", "r demo": "r 演示",
        "Esc back": "Esc 返回", "space pause": "空格 暂停", "→ step": "→ 单步", "r restart": "r 重新开始",
        "L language": "L 语言", "? help": "? 帮助", "q quit": "q 退出",
        // Help rows.
        "move in the outline, scroll the lesson": "在目录中移动，滚动课程内容",
        "open a lesson; answer the quiz / run the demo / check the exercise in view": "打开课程；回答眼前的小测验 / 运行演示 / 检查练习",
        "scroll a page": "翻一页", "top / bottom": "到顶部 / 到底部",
        "switch between outline and lesson": "在目录和课程之间切换",
        "search the lesson; next / previous match": "搜索课程；下一个 / 上一个匹配",
        "check the exercise in view (or the next unsolved one)": "检查眼前的练习（或下一个未完成的练习）",
        "show the next hint": "显示下一条提示", "edit the exercise file in $VISUAL or $EDITOR": "用 $VISUAL 或 $EDITOR 编辑练习文件",
        "run the demo in view (space pauses, → steps)": "运行眼前的演示（空格暂停，→ 单步）",
        "back to the outline; close any window": "返回目录；关闭任何窗口",
        "switch language where a translation exists": "在有译文时切换语言", "this help": "本帮助", "quit": "退出",
        // Status bar and overlays.
        "Esc closes": "Esc 关闭", "Enter or Esc closes": "Enter 或 Esc 关闭", "no workspace": "没有工作区",
        "Esc close · q quit": "Esc 关闭 · q 退出", "that was the last hint · Esc close": "这是最后一条提示 · Esc 关闭",
        "y create · Esc not now": "y 创建 · Esc 暂不", "Enter opens the selected lesson": "Enter 打开所选课程",
        "loading…": "加载中…", "checking": "正在检查", "compiling": "编译中", "comparing": "比较中",
        "✓ Right.": "✓ 正确。", "✗ Not quite. Reread the section and try again later.": "✗ 不太对。重读这一节，稍后再试。",
        "✓ passed": "✓ 已通过", "✗ not yet": "✗ 尚未通过", "not started": "未开始",
        "c check  h hint  e edit": "c 检查  h 提示  e 编辑", "Enter answers": "Enter 作答", "✓ answered": "✓ 已答对",
        "✗ try again: ": "✗ 再试一次：",
    ]
}
