// LecternKit: decoding an argument whose type is a struct (a support type
// such as OadTR's `layer`), through `Decodable`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensor

/// Reads one argument of a case. Plain types (numbers, strings, arrays,
/// matrices) take the fast path of `__LecternValue`; any other `Decodable`
/// type, such as a support struct the grader declared, goes through a small
/// `Decoder` over the parsed JSON.
public func __lecternArgument<T: __LecternValue & Decodable>(_ type: T.Type, _ value: __LJ, _ field: String) throws -> T {
    try T(__lj: value)
}

public func __lecternArgument<T: Decodable>(_ type: T.Type, _ value: __LJ, _ field: String) throws -> T {
    do { return try T(from: __LecternDecoder(value: value, codingPath: [])) } catch {
        throw __LecternDecodeError("field \(field): \(error)")
    }
}

struct __LecternKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "\(intValue)"; self.intValue = intValue }
}

/// A `Decoder` reading a parsed case value.
struct __LecternDecoder: Decoder {
    var value: __LJ
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func fail(_ path: [any CodingKey], _ message: String) -> __LecternDecodeError {
        let where_ = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return __LecternDecodeError(where_.isEmpty ? message : "\(where_): \(message)")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let pairs) = value else { throw Self.fail(codingPath, "expected an object") }
        return KeyedDecodingContainer(Keyed<Key>(pairs: pairs, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items): return Unkeyed(items: items, codingPath: codingPath)
        case .ints(let ints): return Unkeyed(items: ints.map { .int($0) }, codingPath: codingPath)
        default: throw Self.fail(codingPath, "expected an array")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    /// Decodes a leaf through the fast path when the type has one.
    static func decode<T: Decodable>(_ type: T.Type, _ value: __LJ, _ path: [any CodingKey]) throws -> T {
        if let plain = type as? any __LecternValue.Type {
            do { return try plain.init(__lj: value) as! T } catch { throw fail(path, "\(error)") }
        }
        return try T(from: __LecternDecoder(value: value, codingPath: path))
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var pairs: [(String, __LJ)]
        var codingPath: [any CodingKey]
        var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.0) } }
        func contains(_ key: Key) -> Bool { pairs.contains { $0.0 == key.stringValue } }
        func find(_ key: Key) throws -> __LJ {
            for (k, v) in pairs where k == key.stringValue { return v }
            throw __LecternDecoder.fail(codingPath + [key], "missing")
        }
        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = (try? find(key)) ?? .null { return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try __LecternDecoder.decode(type, try find(key), codingPath + [key])
        }
        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            try __LecternDecoder(value: try find(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try __LecternDecoder(value: try find(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { __LecternDecoder(value: .object(pairs), codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            __LecternDecoder(value: try find(key), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        var items: [__LJ]
        var codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        init(items: [__LJ], codingPath: [any CodingKey]) { self.items = items; self.codingPath = codingPath }
        mutating func next() throws -> (__LJ, [any CodingKey]) {
            guard !isAtEnd else { throw __LecternDecoder.fail(codingPath, "too few elements") }
            defer { currentIndex += 1 }
            return (items[currentIndex], codingPath + [__LecternKey(intValue: currentIndex)])
        }
        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = items[currentIndex] else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (v, path) = try next()
            return try __LecternDecoder.decode(type, v, path)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
            let (v, path) = try next()
            return try __LecternDecoder(value: v, codingPath: path).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (v, path) = try next()
            return try __LecternDecoder(value: v, codingPath: path).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder {
            let (v, path) = try next()
            return __LecternDecoder(value: v, codingPath: path)
        }
    }

    struct Single: SingleValueDecodingContainer {
        var value: __LJ
        var codingPath: [any CodingKey]
        func decodeNil() -> Bool { if case .null = value { return true }; return false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try __LecternDecoder.decode(type, value, codingPath) }
    }
}
