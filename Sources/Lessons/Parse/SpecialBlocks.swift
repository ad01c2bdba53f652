import Foundation
import Yams

/// Reads the three special fenced blocks of a lesson: `exercise ID`, `demo NAME k=v ...`
/// and `quiz`, each into its typed block or, when anything is wrong, into `.broken`
/// with the file and line of the fault.
enum SpecialBlocks {
    static let kinds = ["exercise", "demo", "quiz"]

    /// True when a fence's info string names a special block, or looks as if it
    /// meant to (`exercises`, `quiz:`): such a block is parsed here, and an
    /// unknown kind is reported instead of being shown as code.
    static func isSpecial(info: String) -> Bool {
        guard let word = info.split(whereSeparator: \.isWhitespace).first?.lowercased() else { return false }
        return kinds.contains { word.hasPrefix($0) }
    }

    /// Parses one special block. `line` is the file line of the opening fence;
    /// the body starts on the next line.
    static func parse(info: String, body: String, line: Int, file: String) -> Block {
        let words = info.split(whereSeparator: \.isWhitespace)
        let word = words.first.map { String($0) } ?? ""
        func broken(_ message: String, at l: Int? = nil) -> Block {
            .broken(ContentProblem(file: file, line: l ?? line, message: message))
        }
        switch word.lowercased() {
        case "exercise": return exercise(words: words, body: body, line: line, file: file)
        case "quiz": return quiz(words: words, body: body, line: line, file: file)
        case "demo": return demo(info: info, body: body, line: line, file: file)
        default:
            return broken("unknown block kind '\(word)'; special blocks are \(kinds.joined(separator: ", "))")
        }
    }

    // MARK: exercise

    private static func exercise(words: [Substring], body: String, line: Int, file: String) -> Block {
        func broken(_ message: String, at l: Int? = nil) -> Block {
            .broken(ContentProblem(file: file, line: l ?? line, message: "exercise block: " + message))
        }
        guard words.count >= 2 else {
            return broken("missing exercise id: write ```exercise lesson/name")
        }
        guard words.count == 2 else {
            return broken("expected one exercise id after 'exercise', found \(words.count - 1) words")
        }
        let id = String(words[1])
        guard isExerciseID(id) else {
            return broken("malformed exercise id '\(id)': expected lesson/name in lowercase letters, digits and '-'")
        }
        let fields: Fields
        switch Fields.read(body, allowed: ["title", "points", "hints", "kind", "partial"], line: line, file: file) {
        case .failure(let problem): return .broken(prefix(problem, "exercise block \(id): "))
        case .success(let f): fields = f
        }
        do {
            let title = try fields.string("title")
            let written = try fields.number("points")
            let points = written ?? 1
            guard points >= 0 else { return broken("'points' must be 0 or more, got \(points)", at: fields.line(of: "points")) }
            let hints = try fields.strings("hints") ?? []
            let kind = try fields.optionalString("kind")
            if let kind, !isExerciseID(kind) {
                return broken("\(id): malformed 'kind' '\(kind)': expected an existing exercise id such as sliding-window-max/deque",
                              at: fields.line(of: "kind"))
            }
            var partial: PartialCredit?
            if let node = fields.mapping["partial"] {
                switch PartialCredit.parse(node) {
                case .success(let p): partial = p
                case .failure(let problem): return broken("\(id): \(problem.message)", at: fields.line(of: node))
                }
            }
            return .exercise(ExerciseBlock(id: id, title: title, points: points, hints: hints, line: line,
                                           kind: kind == id ? nil : kind, partial: partial,
                                           pointsWritten: written != nil))
        } catch {
            return .broken(prefix(error, "exercise block \(id): "))
        }
    }

    /// `lesson/name`, both parts made of lowercase letters, digits and dashes.
    static func isExerciseID(_ id: String) -> Bool {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        }
    }

    // MARK: quiz

    private static func quiz(words: [Substring], body: String, line: Int, file: String) -> Block {
        guard words.count == 1 else {
            return .broken(ContentProblem(file: file, line: line,
                                          message: "quiz block: nothing may follow 'quiz' on the fence line"))
        }
        let fields: Fields
        switch Fields.read(body, allowed: ["question", "choices", "answer", "explanation"], line: line, file: file) {
        case .failure(let problem): return .broken(prefix(problem, "quiz block: "))
        case .success(let f): fields = f
        }
        do {
            let question = try fields.string("question")
            guard let choices = try fields.strings("choices") else {
                throw fields.problem("missing field 'choices'")
            }
            guard choices.count >= 2 else {
                throw fields.problem("'choices' needs at least 2 entries, found \(choices.count)", at: fields.line(of: "choices"))
            }
            let answer = try fields.string("answer")
            guard let index = choices.firstIndex(of: answer) else {
                throw fields.problem("answer '\(answer)' is not one of the choices (\(choices.joined(separator: " | ")))",
                                     at: fields.line(of: "answer"))
            }
            let explanation = try fields.optionalString("explanation")
            return .quiz(QuizBlock(question: question, choices: choices, answer: index,
                                   explanation: explanation, line: line))
        } catch {
            return .broken(prefix(error, "quiz block: "))
        }
    }

    // MARK: demo

    private static func demo(info: String, body: String, line: Int, file: String) -> Block {
        func broken(_ message: String) -> Block {
            .broken(ContentProblem(file: file, line: line, message: "demo block: " + message))
        }
        let (tokens, error) = tokenize(info)
        if let error { return broken(error) }
        guard tokens.count >= 2 else { return broken("missing demo name: write ```demo NAME key=value ...") }
        let name = tokens[1]
        guard !name.contains("=") else { return broken("missing demo name before '\(name)'") }
        var parameters: [String: String] = [:]
        var order: [String] = []
        for token in tokens.dropFirst(2) {
            guard let eq = token.firstIndex(of: "="), eq != token.startIndex else {
                return broken("expected key=value, found '\(token)'")
            }
            let key = String(token[..<eq])
            guard parameters[key] == nil else { return broken("parameter '\(key)' is given twice") }
            parameters[key] = String(token[token.index(after: eq)...])
            order.append(key)
        }
        if !body.allSatisfy(\.isWhitespace) {
            return broken("a demo block takes its parameters on the fence line and must have an empty body")
        }
        return .demo(DemoBlock(name: name, parameters: parameters, parameterOrder: order, line: line))
    }

    /// Splits a demo fence line into words; a double-quoted part may hold spaces
    /// (`text="Hello World"`), and `\"` inside quotes is a literal quote.
    static func tokenize(_ info: String) -> (tokens: [String], error: String?) {
        var tokens: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        var iterator = info.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\\" {
                    if let n = iterator.next() { current.append(n) }
                } else if c == "\"" {
                    quoted = false
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true; inWord = true
            } else if c.isWhitespace {
                if inWord { tokens.append(current); current = ""; inWord = false }
            } else {
                current.append(c); inWord = true
            }
        }
        if quoted { return (tokens, "unterminated double quote in '\(info)'") }
        if inWord { tokens.append(current) }
        return (tokens, nil)
    }

    private static func prefix(_ error: any Error, _ text: String) -> ContentProblem {
        var problem = error as? ContentProblem ?? ContentProblem(file: "", line: nil, message: "\(error)")
        problem.message = text + problem.message
        return problem
    }
}

/// The YAML mapping of a special block, with typed, located accessors.
struct Fields {
    let mapping: Node.Mapping
    let line: Int
    let file: String

    /// Parses `body` as a YAML mapping whose keys are all in `allowed`.
    static func read(_ body: String, allowed: [String], line: Int, file: String) -> Result<Fields, ContentProblem> {
        let root: Node?
        // A problem is located inside the block: on one of its body lines, or on
        // the fence line when the body is empty (an unclosed fence at the end of the file).
        let bodyLines = body.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + (body.hasSuffix("\n") || body.isEmpty ? 0 : 1)
        func within(_ l: Int) -> Int { line + min(max(l, bodyLines == 0 ? 0 : 1), bodyLines) }
        do {
            // UTF-8 named outright: Yams's default reads the environment on every call.
            root = try Yams.compose(yaml: body, .default, .default, .utf8)
        } catch {
            let (l, message) = YAMLDiagnostics.describe(error)
            return .failure(ContentProblem(file: file, line: within(l ?? 1), message: message))
        }
        guard let mapping = root?.mapping else {
            return .failure(ContentProblem(file: file, line: within(1),
                                           message: "expected YAML fields (\(allowed.joined(separator: ", "))) in the block"))
        }
        let fields = Fields(mapping: mapping, line: line, file: file)
        for (key, _) in mapping {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                return .failure(fields.problem("unknown field '\(name)' (expected \(allowed.joined(separator: ", ")))",
                                               at: fields.line(of: key)))
            }
        }
        return .success(fields)
    }

    func problem(_ message: String, at l: Int? = nil) -> ContentProblem {
        ContentProblem(file: file, line: l ?? line, message: message)
    }

    func line(of node: Node) -> Int? { node.mark.map { line + $0.line } }
    func line(of key: String) -> Int? { mapping[key].flatMap(line(of:)) }

    func string(_ key: String) throws(ContentProblem) -> String {
        guard let value = try optionalString(key) else { throw problem("missing field '\(key)'") }
        return value
    }

    func optionalString(_ key: String) throws(ContentProblem) -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar, !scalar.string.trimmingWhitespaces().isEmpty else {
            throw problem("'\(key)' must be a non-empty string", at: line(of: node))
        }
        return scalar.string
    }

    func number(_ key: String) throws(ContentProblem) -> Double? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.float, value.isFinite, node.scalar.map({ !$0.string.isEmpty }) == true else {
            throw problem("'\(key)' must be a number, got '\(node.scalar?.string ?? "a list or mapping")'", at: line(of: node))
        }
        return value
    }

    func strings(_ key: String) throws(ContentProblem) -> [String]? {
        guard let node = mapping[key] else { return nil }
        guard let sequence = node.sequence else {
            throw problem("'\(key)' must be a list, e.g. [a, b] or lines starting with '- '", at: line(of: node))
        }
        var out: [String] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.string.isEmpty else {
                let why = item.mapping != nil ? " (an entry containing ': ' reads as a mapping: put it in quotes)" : ""
                throw problem("every entry of '\(key)' must be a non-empty string\(why)", at: line(of: item))
            }
            out.append(scalar.string)
        }
        return out
    }
}

extension PartialCredit {
    /// What is wrong with a `partial:` value.
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Reads `none`, `groups`, or a mapping of group names to weights ≥ 0.
    static func parse(_ node: Node) -> Result<PartialCredit, Problem> {
        let expected = "'partial' must be none, groups, or weights such as {example: 1, edge: 1, hidden: 2, performance: 1}"
        if let scalar = node.scalar {
            switch scalar.string {
            case "none": return .success(.none)
            case "groups": return .success(.equalGroups)
            default: return .failure(Problem(expected + ", got '\(scalar.string)'"))
            }
        }
        guard let mapping = node.mapping else { return .failure(Problem(expected)) }
        var weights: [String: Double] = [:]
        for (key, value) in mapping {
            let name = key.string ?? "?"
            guard groupNames.contains(name) else {
                return .failure(Problem("'partial' names unknown group '\(name)' (groups: \(groupNames.joined(separator: ", ")))"))
            }
            guard let w = value.float, w.isFinite, w >= 0 else {
                return .failure(Problem("'partial' weight of \(name) must be a number ≥ 0"))
            }
            weights[name] = w
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            return .failure(Problem("'partial' needs at least one weight above 0 (or write partial: none)"))
        }
        return .success(.groups(weights))
    }
}
