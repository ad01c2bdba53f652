import Foundation
import CCmark

/// Converts a cmark document into `[Block]`.
///
/// The walk follows cmark's own iterator: one `switch` on the node type with
/// an `entering` flag. Container nodes push a frame when entered and pop it on
/// exit, appending their result to the frame below; leaf nodes (text, code,
/// code blocks, breaks) get no exit event and append directly.
struct MarkdownTree {
    let file: String
    /// File line of cmark's line 0 (cmark counts from 1, so file line = cmark line + offset).
    let lineOffset: Int
    private(set) var problems: [ContentProblem] = []

    private enum Frame {
        case blocks([Block])
        case list(start: Int?, tight: Bool, items: [[Block]])
        case paragraph([Inline], line: Int)
        case heading(level: Int, [Inline], line: Int)
        case emphasis([Inline])
        case strong([Inline])
        case link(url: String, [Inline])
    }

    private var stack: [Frame] = []
    /// The special blocks of the document, read before the walk, and how many the walk has used.
    private var specials: [Block] = []
    private var specialsUsed = 0

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `markdown` (already passed through `MathSpans.protect`) into blocks.
    mutating func parse(_ markdown: String) -> [Block] {
        guard let doc = markdown.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_DEFAULT) }) else {
            problems.append(ContentProblem(file: file, line: nil, message: "cmark could not parse the file"))
            return []
        }
        defer { cmark_node_free(doc) }
        cmark_consolidate_text_nodes(doc)
        readSpecialBlocks(doc)
        guard let iter = cmark_iter_new(doc) else { return [] }
        defer { cmark_iter_free(iter) }

        stack = []
        var result: [Block] = []
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let line = Int(cmark_node_get_start_line(node)) + lineOffset

            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT:
                if entering { stack.append(.blocks([])) } else if case .blocks(let b)? = stack.popLast() { result = b }
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_ITEM:
                if entering { stack.append(.blocks([])) } else { popContainer(node) }
            case CMARK_NODE_LIST:
                if entering {
                    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    stack.append(.list(start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                                       tight: cmark_node_get_list_tight(node) != 0, items: []))
                } else { popContainer(node) }
            case CMARK_NODE_PARAGRAPH:
                if entering { stack.append(.paragraph([], line: line)) } else { popContainer(node) }
            case CMARK_NODE_HEADING:
                if entering {
                    stack.append(.heading(level: Int(cmark_node_get_heading_level(node)), [], line: line))
                } else { popContainer(node) }
            case CMARK_NODE_EMPH:
                if entering { stack.append(.emphasis([])) } else { popContainer(node) }
            case CMARK_NODE_STRONG:
                if entering { stack.append(.strong([])) } else { popContainer(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    stack.append(.link(url: MathSpans.restoreDollars(string(cmark_node_get_url(node))), []))
                } else { popContainer(node) }
            case CMARK_NODE_TEXT:
                appendInlines(MathSpans.split(literal(node)))
            case CMARK_NODE_CODE:
                appendInlines([.code(MathSpans.restoreDollars(literal(node)))])
            case CMARK_NODE_HTML_INLINE:
                let html = literal(node)
                if !Self.isComment(html) { appendInlines([.text(MathSpans.restoreDollars(html))]) }
            case CMARK_NODE_SOFTBREAK:
                appendInlines([.softBreak])
            case CMARK_NODE_LINEBREAK:
                appendInlines([.lineBreak])
            case CMARK_NODE_CODE_BLOCK:
                appendBlock(codeBlock(node, line: line))
            case CMARK_NODE_HTML_BLOCK:
                // An HTML comment is a note to the author, not lesson text.
                let html = literal(node)
                if !Self.isComment(html) {
                    appendBlock(.code(language: "html", text: trimFinalNewline(MathSpans.restoreDollars(html)), line: line))
                }
            case CMARK_NODE_THEMATIC_BREAK:
                appendBlock(.thematicBreak)
            default:
                // Custom nodes are never produced by the parser; anything new in a
                // later cmark is reported rather than silently dropped.
                let name = string(cmark_node_get_type_string(node))
                if entering {
                    problems.append(ContentProblem(file: file, line: line, message: "unsupported Markdown element '\(name)'"))
                }
            }
        }
        return result
    }

    // MARK: frames

    private mutating func popContainer(_ node: OpaquePointer) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .blocks(let blocks):
            if case .list? = stack.last, case .list(let start, let tight, var items)? = stack.popLast() {
                // Popped first, so `items` is the only reference and grows in place.
                items.append(blocks)
                stack.append(.list(start: start, tight: tight, items: items))
            } else {
                appendBlock(.quote(blocks))
            }
        case .list(let start, let tight, let items):
            appendBlock(.list(ListBlock(start: start, tight: tight, items: items)))
        case .paragraph(let inlines, _):
            appendBlock(Tables.detect(inlines) ?? .paragraph(inlines))
        case .heading(let level, let inlines, let line):
            appendBlock(.heading(level: level, inlines, line: line))
        case .emphasis(let inlines):
            appendInlines([.emphasis(inlines)])
        case .strong(let inlines):
            appendInlines([.strong(inlines)])
        case .link(let url, let inlines):
            appendInlines([.link(text: inlines, url: url)])
        }
    }

    /// Frames are popped before they grow, so their arrays are uniquely referenced
    /// and appends happen in place (a 5 MB lesson has tens of thousands of blocks).
    private mutating func appendBlock(_ block: Block) {
        guard var top = stack.popLast() else { return }
        if case .blocks(var blocks) = top {
            top = .blocks([])
            blocks.append(block)
            stack.append(.blocks(blocks))
        } else {
            // cmark only nests blocks in block containers; keep the frame if not.
            stack.append(top)
        }
        if case .broken(let problem) = block { problems.append(problem) }
    }

    private mutating func appendInlines(_ inlines: [Inline]) {
        guard !inlines.isEmpty, var top = stack.popLast() else { return }
        func grown(_ i: [Inline]) -> [Inline] {
            var i = i
            top = .emphasis([])   // drop the frame's reference so `i` grows in place
            i.append(contentsOf: inlines)
            return i
        }
        switch top {
        case .paragraph(let i, let line): stack.append(.paragraph(grown(i), line: line))
        case .heading(let level, let i, let line): stack.append(.heading(level: level, grown(i), line: line))
        case .emphasis(let i): stack.append(.emphasis(grown(i)))
        case .strong(let i): stack.append(.strong(grown(i)))
        case .link(let url, let i): stack.append(.link(url: url, grown(i)))
        case .blocks, .list: stack.append(top)
        }
    }

    // MARK: leaves

    private mutating func codeBlock(_ node: OpaquePointer, line: Int) -> Block {
        let info = fenceInfo(node)
        let text = literal(node)
        if SpecialBlocks.isSpecial(info: info) {
            // Read in `readSpecialBlocks`, in this same document order.
            guard specialsUsed < specials.count else { return SpecialBlocks.parse(info: info, body: text, line: line, file: file) }
            defer { specialsUsed += 1 }
            return specials[specialsUsed]
        }
        let language = info.split(whereSeparator: \.isWhitespace).first.map(String.init)
        return .code(language: language, text: trimFinalNewline(text), line: line)
    }

    /// Reads every special block (exercise, quiz, demo) of `doc` ahead of the
    /// walk. Each is a small YAML document of its own, and in a long lesson they
    /// are most of the parsing time, so many of them are read several at once.
    private mutating func readSpecialBlocks(_ doc: OpaquePointer) {
        struct Fence: Sendable { var info: String, body: String, line: Int }
        var fences: [Fence] = []
        if let iter = cmark_iter_new(doc) {
            defer { cmark_iter_free(iter) }
            while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
                let info = fenceInfo(node)
                if SpecialBlocks.isSpecial(info: info) {
                    fences.append(Fence(info: info, body: literal(node), line: Int(cmark_node_get_start_line(node)) + lineOffset))
                }
            }
        }
        let file = self.file, found = fences
        specials = concurrentMap(found.count, minimum: 64) { i in
            SpecialBlocks.parse(info: found[i].info, body: found[i].body, line: found[i].line, file: file)
        }
        specialsUsed = 0
    }

    private func fenceInfo(_ node: OpaquePointer) -> String {
        string(cmark_node_get_fence_info(node)).trimmingWhitespaces()
    }

    static func isComment(_ html: String) -> Bool {
        let t = html.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.hasPrefix("<!--") && t.hasSuffix("-->")
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func trimFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
