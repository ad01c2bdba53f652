import Engine
import Lessons

/// `tokenization`: byte-level BPE merges fusing tokens, one merge per step.
///
/// The merges are learned (with the GPT-2 split pattern) from the course's
/// own story, English and Chinese (`TokenizationStory`). Two texts start as
/// their UTF-8 bytes; each step applies the next learned merge that fires in
/// either text, as `BPETrace` computes, and the tokens that merge just made
/// are highlighted. A token holding only part of a character's bytes is
/// shown as hex, e.g. `‹E4 BD›`; spaces show as `·`.
///
/// ```
/// Byte-level BPE  step 34/34   (768 merges learned from the story)
/// merge #654 → id 910:  "你" + "好" = "你好"   (fires 1×)
///
/// Hello World   4 tokens, 11 bytes
/// [Hello][·W][or][ld]
///
/// 你好，世界。一个字节是一个数字。   10 tokens, 48 bytes
/// [你好][，][世界][。][一个][字节][是][一个][数字][。]
/// ```
public struct TokenizationDemo: Demo {
    public static let name = "tokenization"
    public static let summary = "Byte-level BPE: learned merges fuse the bytes of an English and a Chinese text, step by step."
    public static let parameters: [DemoParameter] = [
        DemoParameter("text", .text, default: "Hello World", "the first text (quote it in a lesson: text=\"Hello World\")"),
        DemoParameter("text2", .text, default: defaultChinese, "the second text, Chinese by default"),
        DemoParameter("merges", .int(1...200), default: "10", "how many merge steps to show"),
        DemoParameter("vocab", .int(257...2048), default: "1024", "vocabulary size to train on the story"),
    ]
    static let defaultChinese = "你好，世界。一个字节是一个数字。"

    public let texts: [String]
    public let vocabSize: Int
    public let trace: BPETrace
    /// Steps shown so far: 0 shows the raw bytes.
    public private(set) var shown = 0

    public init(parameters: [String: String]) throws(DemoError) {
        let args = try Self.arguments(parameters)
        let text = try args.text("text")
        let text2 = try args.text("text2")
        if text.isEmpty && text2.isEmpty { throw DemoError("text and text2 are both empty; give at least one text") }
        let steps = try args.int("merges")
        vocabSize = try args.int("vocab")
        texts = [text, text2].filter { !$0.isEmpty }
        let merges = FastBPETrainer.trainRegex(text: TokenizationStory.text, vocabSize: vocabSize)
        trace = BPETrace(texts: texts, merges: merges, regex: true, maxSteps: steps)
    }

    public mutating func step() -> Bool {
        guard shown < trace.steps.count else { return false }
        shown += 1
        return true
    }

    /// The tallest frame is the first (most tokens), so size for it.
    public func preferredHeight(width: Int) -> Int {
        3 + texts.indices.reduce(0) { $0 + 2 + rows(tokens: trace.tokens(text: $1, after: 0), width: width) }
    }

    // MARK: drawing

    /// How a token looks: its text when its bytes are whole characters, hex otherwise.
    func label(_ id: Int) -> (text: String, partial: Bool) {
        let bytes = trace.vocabulary[id]
        if let s = String(validating: bytes, as: UTF8.self) {
            var shown = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case " ": shown += "·"
                case "\n": shown += "↵"
                case "\t": shown += "→"
                default: shown.unicodeScalars.append(DisplayWidth.of(scalar) == 0 ? "�" : scalar)
                }
            }
            return (shown, false)
        }
        return ("‹" + bytes.map { hex($0) }.joined(separator: " ") + "›", true)
    }

    private func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// Rows a token list takes when wrapped at `width`.
    func rows(tokens: [Int], width: Int) -> Int {
        var x = 0, rows = 1
        for id in tokens {
            let w = DisplayWidth.of(label(id).text) + 2
            if x > 0 && x + w > width { rows += 1; x = 0 }
            x += w
        }
        return rows
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let step = shown == 0 ? nil : trace.steps[shown - 1]
        let title = "Byte-level BPE  step \(shown)/\(trace.steps.count)   (\(trace.vocabulary.count - 256) merges learned from the story)"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        if let step {
            let a = label(step.pair.first).text, b = label(step.pair.second).text
            let line = "merge #\(step.rank) → id \(step.newId):  \"\(a)\" + \"\(b)\" = \"\(label(step.newId).text)\"   (fires \(step.occurrences)×)"
            buffer.putFitted(line, x: area.x, y: y, width: area.width, style: Style(fg: .ansi(214)))
        } else {
            buffer.putFitted("start: every token is one byte (‹hex› = part of a character)", x: area.x, y: y,
                             width: area.width, style: Style(dim: true))
        }
        y += 2

        for t in texts.indices {
            guard y < area.maxY else { return }
            let tokens = trace.tokens(text: t, after: shown)
            let header = "\(texts[t])   \(tokens.count) tokens, \(texts[t].utf8.count) bytes"
            buffer.putFitted(header.replacingNewlines, x: area.x, y: y, width: area.width, style: Style(bold: true))
            y += 1
            var x = area.x
            for id in tokens {
                let (text, partial) = label(id)
                let w = DisplayWidth.of(text) + 2
                if x > area.x && x + w > area.maxX { x = area.x; y += 1 }
                guard y < area.maxY else { return }
                let fresh = step.map { id == $0.newId } ?? false
                let style = fresh ? Style(fg: .ansi(214), bold: true, reverse: true)
                                  : partial ? Style(fg: .ansi(244)) : Style(fg: .ansi(75))
                buffer.put("[", x: x, y: y, style: Style(dim: true), clip: area)
                buffer.put(text, x: x + 1, y: y, style: style, clip: area)
                buffer.put("]", x: x + w - 1, y: y, style: Style(dim: true), clip: area)
                x += w
            }
            y += 2
        }
    }
}

private extension String {
    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? "↵" : $0 })
    }
}
