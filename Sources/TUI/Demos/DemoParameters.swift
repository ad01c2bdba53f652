import Foundation

/// One parameter of a demo, declared once: its name, type, default, allowed
/// range and meaning. `DemoArguments` parses and checks values against the
/// declarations, `lectern demo --list` and the help print them, and
/// `lectern validate` checks a lesson's demo blocks with them.
public struct DemoParameter: Sendable {
    public enum Kind: Sendable {
        case int(ClosedRange<Int>)
        case real(ClosedRange<Double>)
        /// Free text (quote it in a lesson: `text="Hello World"`).
        case text
        /// Comma-separated integers with at least `minCount` values.
        case ints(minCount: Int)
        /// One of a few words.
        case choice([String])
        /// `true`/`false`, `on`/`off`, `yes`/`no`, `1`/`0`.
        case flag
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var meaning: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String, _ meaning: String) {
        self.name = name; self.kind = kind; self.defaultValue = defaultValue; self.meaning = meaning
    }

    /// The meaning with the allowed values appended ("hidden units H (4-256)").
    public var help: String {
        switch kind {
        case .int(let r) where r == Int.min...Int.max: return meaning
        case .int(let r): return "\(meaning) (\(r.lowerBound)-\(r.upperBound == Int.max ? "any" : String(r.upperBound)))"
        case .real(let r): return "\(meaning) (\(Self.short(r.lowerBound)) to \(Self.short(r.upperBound)))"
        case .choice(let words): return "\(meaning) (\(words.joined(separator: " or ")))"
        case .flag: return "\(meaning) (on or off)"
        case .text, .ints: return meaning
        }
    }

    static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// A demo's parameter values, checked against its declarations: unknown
/// names and values of the wrong type or out of range throw a `DemoError`
/// naming the parameter and what it takes; absent ones read their default.
public struct DemoArguments {
    let values: [String: String]
    let declared: [String: DemoParameter]

    /// - Throws: `DemoError` for a name the demo does not declare.
    public init(_ values: [String: String], demo: String, declared parameters: [DemoParameter]) throws(DemoError) {
        self.values = values
        declared = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for key in values.keys.sorted() where declared[key] == nil {
            throw DemoError("unknown parameter '\(key)'; \(demo) takes \(parameters.map(\.name).joined(separator: ", "))")
        }
        for p in parameters {      // every value, including defaults, must parse
            _ = try raw(p.name)
        }
    }

    /// Parses a value against its declaration (the default when absent).
    private func raw(_ name: String) throws(DemoError) -> Any {
        guard let p = declared[name] else { preconditionFailure("parameter '\(name)' is not declared") }
        let given = values[name]
        let text = (given ?? p.defaultValue).trimmingCharacters(in: .whitespaces)
        let source = given == nil ? " (its default)" : ""
        switch p.kind {
        case .int(let r):
            guard let v = Int(text), r.contains(v) else {
                if r == Int.min...Int.max { throw DemoError("\(name) must be an integer, got '\(text)'\(source)") }
                throw DemoError("\(name) must be an integer from \(r.lowerBound) to \(r.upperBound), got '\(text)'\(source)")
            }
            return v
        case .real(let r):
            guard let v = Double(text), v.isFinite, r.contains(v) else {
                throw DemoError("\(name) must be a number from \(DemoParameter.short(r.lowerBound)) to \(DemoParameter.short(r.upperBound)), got '\(text)'\(source)")
            }
            return v
        case .text:
            return given ?? p.defaultValue
        case .ints(let minCount):
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let ints = parts.compactMap { Int($0) }
            guard ints.count == parts.count, ints.count >= minCount else {
                throw DemoError("\(name) must be at least \(minCount) comma-separated integer\(minCount == 1 ? "" : "s"), got '\(text)'\(source)")
            }
            return ints
        case .choice(let words):
            guard words.contains(text) else {
                throw DemoError("\(name) must be \(words.joined(separator: " or ")), got '\(text)'\(source)")
            }
            return text
        case .flag:
            switch text.lowercased() {
            case "true", "on", "yes", "1": return true
            case "false", "off", "no", "0": return false
            default: throw DemoError("\(name) must be on or off, got '\(text)'\(source)")
            }
        }
    }

    public func int(_ name: String) throws(DemoError) -> Int { try raw(name) as! Int }
    public func real(_ name: String) throws(DemoError) -> Double { try raw(name) as! Double }
    public func text(_ name: String) throws(DemoError) -> String { try raw(name) as! String }
    public func ints(_ name: String) throws(DemoError) -> [Int] { try raw(name) as! [Int] }
    public func choice(_ name: String) throws(DemoError) -> String { try raw(name) as! String }
    public func flag(_ name: String) throws(DemoError) -> Bool { try raw(name) as! Bool }
}
