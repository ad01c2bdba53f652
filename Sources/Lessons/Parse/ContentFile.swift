import Foundation

/// Reading content files with located, plain messages: a folder where a file
/// is expected, a missing or unreadable file, and text that is not UTF-8
/// (named with the line and column of the first bad byte) each get one
/// sentence, never a Foundation error domain and code.
public enum ContentFile {
    /// The bytes of `url`.
    ///
    /// - Throws: `ContentProblem` naming the path and what is wrong with it.
    public static func read(_ url: URL) throws(ContentProblem) -> Data {
        let path = url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ContentProblem(file: path, line: nil, message: "the file does not exist")
        }
        if isFolder.boolValue {
            throw ContentProblem(file: path, line: nil, message: "this is a folder, but a file is expected here")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ContentProblem(file: path, line: nil, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ContentProblem(file: path, line: nil, message: "cannot read the file (\(plain(error)))")
        }
    }

    /// `data` as UTF-8 text.
    ///
    /// - Throws: `ContentProblem` at the line of the first byte that is not UTF-8.
    public static func text(_ data: Data, file: String) throws(ContentProblem) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        let bytes = [UInt8](data)
        let offset = firstInvalidUTF8(bytes) ?? 0
        let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let lineStart = bytes[..<offset].lastIndex(of: 10).map { $0 + 1 } ?? 0
        let hex = String(format: "0x%02X", bytes[min(offset, bytes.count - 1)])
        throw ContentProblem(file: file, line: line,
                             message: "the file is not valid UTF-8 (byte \(hex) at column \(offset - lineStart + 1)); save it as UTF-8")
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if bytes[i + 1] < low || bytes[i + 1] > high { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// An error's text without `NSCocoaErrorDomain` codes: the POSIX reason when there is one.
    public static func plain(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }
}
