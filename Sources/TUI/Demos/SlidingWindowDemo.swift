import Engine
import Lessons

/// `sliding-window`: the monotonic deque of lesson 1, one index at a time.
///
/// Each frame shows the array with the current window in brackets, the
/// deque (indices front to back, and their values), what the step popped,
/// and the maxima emitted so far. The numbers come from
/// `MonotonicDequeMax.trace`; this type only keeps a position and draws.
///
/// ```
/// Sliding-window max  k=3  step 5/8  nums[4] = 5
///
/// index     0   1   2   3   4   5   6   7
/// nums      1   3 [-1  -3   5]  3   6   7
///                           ^
/// popped  front: 1 expired; back: 3 (-3), 2 (-1) ≤ 5; push 4
/// deque   indices [4]  values [5]  (front = window max)
/// output  [3, 3, 5]  +5
/// ```
public struct SlidingWindowDemo: Demo {
    public static let name = "sliding-window"
    public static let summary = "The monotonic deque of the sliding-window maximum, step by step."
    public static let parameters: [DemoParameter] = [
        DemoParameter("nums", .text, default: "1,3,-1,-3,5,3,6,7", "the array, comma-separated integers"),
        DemoParameter("k", .int(Int.min...Int.max), default: "3", "the window size, 1 ≤ k ≤ length of nums"),
    ]

    public let nums: [Int]
    public let k: Int
    /// One entry per index of `nums`.
    public let steps: [MonotonicDequeMax.Step]
    /// Steps shown so far: 0 before anything is read, `nums.count` at the end.
    public private(set) var shown = 0

    public init(parameters: [String: String]) throws(DemoError) {
        let args = try Self.arguments(parameters)
        let nums = try Self.parseNums(try args.text("nums"))
        let k = try args.int("k")
        guard k >= 1 && k <= nums.count else {
            throw DemoError("k must be between 1 and \(nums.count), got \(k)")
        }
        self.nums = nums
        self.k = k
        self.steps = MonotonicDequeMax.trace(nums, k: k)
    }

    static func parseNums(_ text: String) throws(DemoError) -> [Int] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        if items.count == 1 && items[0].isEmpty { throw DemoError("nums must not be empty") }
        var out: [Int] = []
        for (position, item) in items.enumerated() {
            guard let value = Int(item) else {
                throw DemoError("nums must be comma-separated integers; item \(position + 1), '\(item)', is not an integer")
            }
            out.append(value)
        }
        return out
    }

    public mutating func step() -> Bool {
        guard shown < steps.count else { return false }
        shown += 1
        return true
    }

    public func preferredHeight(width: Int) -> Int { 8 }

    /// The step just shown, or nil at the start.
    public var current: MonotonicDequeMax.Step? { shown == 0 ? nil : steps[shown - 1] }

    /// The maxima emitted so far.
    public var outputSoFar: [Int] { steps[..<shown].compactMap(\.output) }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let labelWidth = 8
        var y = area.y
        func line(_ label: String, _ text: String, style: Style = .plain) {
            guard y < area.maxY else { return }
            buffer.putFitted(label, x: area.x, y: y, width: min(labelWidth, area.width), style: Style(bold: true))
            buffer.putFitted(text, x: area.x + labelWidth, y: y, width: area.width - labelWidth, style: style)
            y += 1
        }
        let step = current

        // Title.
        let title = step.map { "Sliding-window max  k=\(k)  step \(shown)/\(steps.count)  nums[\($0.i)] = \($0.value)" }
            ?? "Sliding-window max  k=\(k)  start, nothing read yet"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 2

        // The array, with the window bracketed and the newest element bold.
        let digits = nums.indices.map { max(String($0).count, String(nums[$0]).count) }.max() ?? 1
        let slot = digits + 2                       // two separator columns, then the number
        let room = max(1, (area.width - labelWidth - 1) / slot)
        let i = step?.i ?? -1
        let first = max(0, min(nums.count - room, i - room + 2))
        let visible = first..<min(nums.count, first + room)
        let window = step.map { $0.windowStart...$0.i }
        if y < area.maxY {
            buffer.put("index", x: area.x, y: y, style: Style(bold: true), clip: area)
            for j in visible {
                buffer.put(Self.rightAligned(String(j), digits), x: area.x + labelWidth + 1 + (j - first) * slot,
                           y: y, style: Style(dim: true), clip: area)
            }
            y += 1
        }
        if y < area.maxY {
            buffer.put("nums", x: area.x, y: y, style: Style(bold: true), clip: area)
            for j in visible {
                let x = area.x + labelWidth + 1 + (j - first) * slot
                let inWindow = window?.contains(j) ?? false
                let inDeque = step?.deque.contains(j) ?? false
                let style = Style(fg: inDeque ? .ansi(214) : .default, bold: j == i, reverse: inWindow)
                buffer.put(Self.rightAligned(String(nums[j]), digits), x: x, y: y, style: style, clip: area)
                if let window, j == window.lowerBound { buffer.put("[", x: x - 1, y: y, clip: area) }
                if let window, j == window.upperBound { buffer.put("]", x: x + digits, y: y, clip: area) }
            }
            y += 1
        }
        if y < area.maxY {
            if i >= 0 && visible.contains(i) {
                buffer.put("^", x: area.x + labelWidth + 1 + (i - first) * slot + digits - 1, y: y, clip: area)
            }
            y += 1
        }

        // What the step did, the deque after it, and the output so far.
        let textWidth = area.width - labelWidth
        line("popped", step.map(describePops) ?? "-")
        let deque = step?.deque ?? []
        let dequeText = "indices \(Self.list(deque))  values \(Self.list(deque.map { nums[$0] }))"
        let note = deque.isEmpty ? "" : "  (front = window max)"
        line("deque", DisplayWidth.of(dequeText + note) <= textWidth ? dequeText + note : dequeText)
        var suffix = ""
        if let emitted = step?.output { suffix = "  +\(emitted)" } else if step != nil { suffix = "  (window not full yet)" }
        line("output", Self.list(outputSoFar, fitting: textWidth - DisplayWidth.of(suffix)) + suffix)

        // With room to spare (the full-screen app), the lesson's step table so far.
        drawHistory(into: &buffer, area: Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1))
    }

    /// The steps shown so far as the lesson's table (i, nums[i], deque after, output),
    /// newest at the bottom; older rows scroll away when the area is short.
    func drawHistory(into buffer: inout CellBuffer, area: Rect) {
        guard area.height >= 2, shown > 0 else { return }
        let iWidth = max(1, String(nums.count - 1).count)
        let vWidth = max(7, nums.map { String($0).count }.max() ?? 1)
        let dequeWidth = max(11, steps[..<shown].map { Self.dequeCell($0, nums).count }.max() ?? 0)
        func row(_ i: String, _ v: String, _ d: String, _ o: String) -> String {
            Self.rightAligned(i, iWidth) + "  " + Self.rightAligned(v, vWidth) + "  "
                + d + String(repeating: " ", count: max(0, dequeWidth - d.count)) + "  " + o
        }
        buffer.putFitted(row("i", "nums[i]", "deque after", "output"), x: area.x, y: area.y,
                         width: area.width, style: Style(bold: true))
        let rows = min(shown, area.height - 1)
        for (n, step) in steps[(shown - rows)..<shown].enumerated() {
            let text = row(String(step.i), String(step.value), Self.dequeCell(step, nums),
                           step.output.map(String.init) ?? "-")
            buffer.putFitted(text, x: area.x, y: area.y + 1 + n, width: area.width,
                             style: step.i == shown - 1 ? Style(bold: true) : Style(dim: true))
        }
    }

    /// "1 (3), 2 (-1)": the deque after a step, indices with values.
    static func dequeCell(_ step: MonotonicDequeMax.Step, _ nums: [Int]) -> String {
        step.deque.map { "\($0) (\(nums[$0]))" }.joined(separator: ", ")
    }

    /// "front: 1 expired; back: 3 (-3), 2 (-1) ≤ 5; push 4": indices, with values in parentheses.
    func describePops(_ step: MonotonicDequeMax.Step) -> String {
        var parts: [String] = []
        if let e = step.expired { parts.append("front: \(e) expired") }
        if !step.poppedBack.isEmpty {
            let popped = step.poppedBack.map { "\($0) (\(nums[$0]))" }.joined(separator: ", ")
            parts.append("back: \(popped) ≤ \(step.value)")
        }
        if parts.isEmpty { parts.append("none") }
        return parts.joined(separator: "; ") + "; push \(step.i)"
    }

    /// "[3, 3, 5]"; when wider than `fitting` cells, the newest values: "[…, 5, 6, 7]".
    static func list(_ values: [Int], fitting width: Int = .max) -> String {
        var items = values.map(String.init)
        var text = "[" + items.joined(separator: ", ") + "]"
        guard text.count > width else { return text }
        while !items.isEmpty {
            items.removeFirst()
            text = "[…, " + items.joined(separator: ", ") + "]"
            if text.count <= width { break }
        }
        return text
    }

    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
