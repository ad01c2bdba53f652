import Foundation

/// Recognises GFM-style pipe tables in paragraphs.
///
/// Core cmark has no table extension, so a table arrives as a paragraph whose
/// lines (split at soft breaks) are `| a | b |`, then a delimiter row
/// `|---|:--:|`, then body rows. When a paragraph has that shape it becomes
/// `Block.table`; cells keep their inline spans (code, emphasis, math), and a
/// `|` inside code or math does not split a cell. Column alignment is ignored.
enum Tables {
    static func detect(_ inlines: [Inline]) -> Block? {
        // The second line must be a delimiter row, one text span holding a '|':
        // most paragraphs fail that at once, before any splitting.
        guard let brk = inlines.firstIndex(where: isBreak), brk + 1 < inlines.count,
              case .text(let second) = inlines[brk + 1], brk + 2 == inlines.count || isBreak(inlines[brk + 2]),
              second.utf8.contains(UInt8(ascii: "|")) else { return nil }
        let lines = splitLines(inlines)
        guard lines.count >= 2, isDelimiterRow(lines[1]) else { return nil }
        let header = cells(lines[0])
        guard header.count >= 1, lineHasPipe(lines[0]) else { return nil }
        var rows = [header]
        for line in lines.dropFirst(2) {
            var row = cells(line)
            if row.count < header.count { row += Array(repeating: [], count: header.count - row.count) }
            rows.append(Array(row.prefix(header.count)))
        }
        return .table(rows: rows)
    }

    private static func isBreak(_ inline: Inline) -> Bool {
        switch inline {
        case .softBreak, .lineBreak: true
        default: false
        }
    }

    private static func splitLines(_ inlines: [Inline]) -> [[Inline]] {
        var lines: [[Inline]] = [[]]
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: lines.append([])
            default: lines[lines.count - 1].append(inline)
            }
        }
        return lines
    }

    private static func lineHasPipe(_ line: [Inline]) -> Bool {
        line.contains { if case .text(let t) = $0 { t.contains("|") } else { false } }
    }

    private static func isDelimiterRow(_ line: [Inline]) -> Bool {
        guard line.count == 1, case .text(let text) = line[0], text.contains("|") || text.contains("-") else { return false }
        var parts = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        guard !parts.isEmpty, text.contains("|") else { return false }
        return parts.allSatisfy { part in
            var p = Substring(part)
            if p.hasPrefix(":") { p = p.dropFirst() }
            if p.hasSuffix(":") { p = p.dropLast() }
            return !p.isEmpty && p.allSatisfy { $0 == "-" }
        }
    }

    /// Splits one line into cells at the `|` characters of its text spans.
    private static func cells(_ line: [Inline]) -> [[Inline]] {
        var cells: [[Inline]] = [[]]
        for inline in line {
            guard case .text(let text) = inline else { cells[cells.count - 1].append(inline); continue }
            let pieces = text.split(separator: "|", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { cells.append([]) }
                if !piece.isEmpty { cells[cells.count - 1].append(.text(String(piece))) }
            }
        }
        cells = cells.map(trim)
        // A leading or trailing pipe leaves an empty cell at the edge.
        if case .text(let t)? = line.first, t.drop(while: { $0 == " " }).hasPrefix("|"), cells.count > 1 {
            cells.removeFirst()
        }
        if case .text(let t)? = line.last, t.trimmingCharacters(in: .whitespaces).hasSuffix("|"), cells.count > 1 {
            cells.removeLast()
        }
        return cells
    }

    private static func trim(_ cell: [Inline]) -> [Inline] {
        var cell = cell
        if case .text(let t)? = cell.first {
            let s = String(t.drop(while: { $0 == " " || $0 == "\t" }))
            if s.isEmpty { cell.removeFirst() } else { cell[0] = .text(s) }
        }
        if case .text(let t)? = cell.last {
            var s = Substring(t)
            while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
            if s.isEmpty { cell.removeLast() } else { cell[cell.count - 1] = .text(String(s)) }
        }
        return cell
    }
}
