import Foundation

/// Moving between `JSONValue` and typed `Codable` values, with messages that
/// name the field that did not fit.
extension JSONValue {
    /// Decodes a typed value; a mismatch throws `CaseProblem` naming the field.
    public func decode<T: Decodable>(_ type: T.Type) throws(CaseProblem) -> T {
        let data = Data(compactText.utf8)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                // A real number where an integer belongs: find where.
                do { _ = try JSONValueDecoder.decode(T.self, from: self) } catch let wrong as JSONValueDecoder.NotAnInteger {
                    throw CaseProblem(decoding: .typeMismatch(Int.self, .init(codingPath: wrong.path, debugDescription: "")), in: self)
                } catch {}
            }
            throw CaseProblem(decoding: error, in: self)
        } catch {
            throw CaseProblem(field: nil, message: "\(error)")
        }
    }

    /// Encodes a typed value.
    public init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        // Foundation on Linux orders keys differently from call to call; sort
        // them so a case prints the same way every time.
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = try encoder.encode(value)
        var bytes = [UInt8](data)
        self = try JSONValue.parse(bytes: &bytes)
    }
}

/// What is wrong with one input case, naming the field.
public struct CaseProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field (a dotted path such as `grid[2]`), or nil for the whole case.
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "field '\(field)': \(message)" }
        return message
    }

    init(decoding error: DecodingError, in value: JSONValue) {
        func path(_ keys: [any CodingKey]) -> String? {
            guard !keys.isEmpty else { return nil }
            var s = ""
            for k in keys {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s
        }
        func found(_ keys: [any CodingKey]) -> String {
            var v: JSONValue? = value
            for k in keys {
                if let i = k.intValue, case .array(let a)? = v, i < a.count { v = a[i] } else { v = v?[k.stringValue] }
            }
            return v.map { " but found \($0.kindName)" } ?? ""
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            self.init(field: path(ctx.codingPath + [key]), message: "missing")
        case .typeMismatch(let type, let ctx):
            self.init(field: path(ctx.codingPath), message: "expected \(Self.typeName(type))\(found(ctx.codingPath))")
        case .valueNotFound(let type, let ctx):
            self.init(field: path(ctx.codingPath), message: "expected \(Self.typeName(type)) but found null")
        case .dataCorrupted(let ctx):
            self.init(field: path(ctx.codingPath), message: ctx.debugDescription)
        @unknown default:
            self.init(field: nil, message: "\(error)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : String(describing: type)
        }
    }
}
