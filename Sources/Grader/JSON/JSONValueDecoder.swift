/// Decodes a typed value straight from a `JSONValue`, without printing it
/// as text and parsing it again: the fast path for large cases (a million
/// numbers), used to time the reference fairly.
///
/// It accepts what the grader's cases contain (objects, arrays, numbers,
/// strings, booleans, null; reals written as "NaN"/"Infinity"). On any
/// mismatch it throws, and callers fall back to `JSONValue.decode`, whose
/// messages name the field.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    struct Mismatch: Error {}

    /// A real number where an integer belongs, with where it is: Foundation's
    /// decoder reports this as "not valid JSON" without a path.
    struct NotAnInteger: Error {
        var path: [any CodingKey]
        var value: Double
    }

    struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { return nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: JSONValueDecoder(value: value))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let pairs) = value else { throw Mismatch() }
        var map: [String: JSONValue] = [:]
        for (k, v) in pairs where map[k] == nil { map[k] = v }
        return KeyedDecodingContainer(Keyed<Key>(map: map, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw Mismatch() }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    static func int(_ v: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Int {
        guard case .int(let i) = v else {
            if case .double(let d) = v { throw NotAnInteger(path: path(), value: d) }
            throw Mismatch()
        }
        return i
    }

    static func double(_ v: JSONValue) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: throw Mismatch()
        }
    }

    static func value<T: Decodable>(_ type: T.Type, _ v: JSONValue, _ path: [any CodingKey]) throws -> T {
        // The common leaf and array types skip the generic machinery.
        if T.self == Int.self { return try int(v, path) as! T }
        if T.self == Double.self { return try double(v) as! T }
        if T.self == [Int].self {
            guard case .array(let items) = v else { throw Mismatch() }
            var out: [Int] = []
            out.reserveCapacity(items.count)
            for (n, item) in items.enumerated() { out.append(try int(item, path + [IndexKey(n)])) }
            return out as! T
        }
        if T.self == [Double].self {
            guard case .array(let items) = v else { throw Mismatch() }
            var out: [Double] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try double(item)) }
            return out as! T
        }
        return try T(from: JSONValueDecoder(value: v, codingPath: path))
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let map: [String: JSONValue]
        var codingPath: [any CodingKey]
        var allKeys: [Key] { map.keys.compactMap { Key(stringValue: $0) } }
        func contains(_ key: Key) -> Bool { map[key.stringValue] != nil }
        func get(_ key: Key) throws -> JSONValue {
            guard let v = map[key.stringValue] else { throw Mismatch() }
            return v
        }
        func decodeNil(forKey key: Key) throws -> Bool { if case .null = try get(key) { return true }; return false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.value(T.self, try get(key), codingPath + [key])
        }
        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            try JSONValueDecoder(value: try get(key), codingPath: codingPath + [key]).container(keyedBy: N.self)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(value: try get(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { throw Mismatch() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Mismatch() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        var codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        init(items: [JSONValue], codingPath: [any CodingKey]) { self.items = items; self.codingPath = codingPath }
        mutating func next() throws -> JSONValue {
            guard currentIndex < items.count else { throw Mismatch() }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }
        mutating func decodeNil() throws -> Bool {
            guard currentIndex < items.count else { throw Mismatch() }
            if case .null = items[currentIndex] { currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let index = currentIndex
            return try JSONValueDecoder.value(T.self, try next(), codingPath + [IndexKey(index)])
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
            try JSONValueDecoder(value: try next(), codingPath: codingPath).container(keyedBy: N.self)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(value: try next(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superDecoder() throws -> any Decoder { throw Mismatch() }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        var codingPath: [any CodingKey]
        func decodeNil() -> Bool { if case .null = value { return true }; return false }
        func decode(_ type: Bool.Type) throws -> Bool { guard case .bool(let b) = value else { throw Mismatch() }; return b }
        func decode(_ type: String.Type) throws -> String { guard case .string(let s) = value else { throw Mismatch() }; return s }
        func decode(_ type: Double.Type) throws -> Double { try JSONValueDecoder.double(value) }
        func decode(_ type: Float.Type) throws -> Float { Float(try JSONValueDecoder.double(value)) }
        func decode(_ type: Int.Type) throws -> Int { try JSONValueDecoder.int(value, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONValueDecoder.value(T.self, value, codingPath) }
        func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            guard let v = T(exactly: try JSONValueDecoder.int(value, codingPath)) else { throw Mismatch() }
            return v
        }
    }
}
