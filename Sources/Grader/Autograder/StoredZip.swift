import Foundation

/// A ZIP archive (PKWARE APPNOTE 6.3, sections 4.3-4.4) whose entries are
/// stored without compression: enough for an autograder bundle of text files,
/// with no dependency on a `zip` program. Unix modes are kept (version made by
/// 3 = Unix, external attributes = mode << 16), so `run_autograder` stays executable.
public struct StoredZip {
    public struct Entry {
        public var path: String
        public var data: [UInt8]
        /// Unix permission bits, e.g. 0o755 for a script.
        public var mode: UInt16
        public init(path: String, data: [UInt8], mode: UInt16 = 0o644) { self.path = path; self.data = data; self.mode = mode }
    }

    public var entries: [Entry] = []
    public init(entries: [Entry] = []) { self.entries = entries }

    /// The archive's bytes.
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        // 1980-01-01 00:00 in MS-DOS date and time: a fixed stamp keeps the bundle reproducible.
        let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
        for e in entries {
            let name = Array(e.path.utf8)
            let crc = Self.crc32(e.data)
            let offset = UInt32(out.count)
            out += le32(0x04034b50); out += le16(20); out += le16(0x0800); out += le16(0)   // signature, version, UTF-8 names, stored
            out += le16(dosTime); out += le16(dosDate); out += le32(crc)
            out += le32(UInt32(e.data.count)); out += le32(UInt32(e.data.count))
            out += le16(UInt16(name.count)); out += le16(0)
            out += name; out += e.data
            central += le32(0x02014b50); central += le16(0x0314); central += le16(20); central += le16(0x0800); central += le16(0)
            central += le16(dosTime); central += le16(dosDate); central += le32(crc)
            central += le32(UInt32(e.data.count)); central += le32(UInt32(e.data.count))
            central += le16(UInt16(name.count)); central += le16(0); central += le16(0)   // name, extra, comment lengths
            central += le16(0); central += le16(0)                                         // disk, internal attributes
            central += le32((UInt32(0o100000 | UInt32(e.mode))) << 16)                     // regular file + mode
            central += le32(offset); central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x06054b50); out += le16(0); out += le16(0)
        out += le16(UInt16(entries.count)); out += le16(UInt16(entries.count))
        out += le32(UInt32(central.count)); out += le32(centralOffset); out += le16(0)
        return out
    }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected), as ZIP uses.
    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
}
