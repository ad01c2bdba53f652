import Foundation

/// The prepared performance group of an exercise, kept between checks: the
/// case bytes sent to the learner, the reference outputs as compact JSON, and
/// the reference time. Generating and answering a million-element group costs
/// more than compiling; reading it back costs a few milliseconds.
///
/// Key: exercise id, seed and the identity of this lectern executable (a new
/// build regenerates everything). The stored reference time is only used to
/// let a learner pass: before a `too_slow` verdict the reference is timed
/// again in the current run (`Checker.performance`).
///
/// File: one JSON header line `{"referenceSeconds": s, "inputBytes": n,
/// "expectedBytes": [n₀, n₁, …]}`, then the case bytes, then each output's bytes.
enum PerformanceCache {
    static func key(spec: ExerciseSpec, seed: UInt64) -> String {
        let material = "perf-v2|\(spec.id)|\(seed)|\(ReportCache.executableIdentity)"
        return String(SHA256Hex.digest(Array(material.utf8)).prefix(32))
    }

    static func file(_ cache: URL, _ key: String) -> URL {
        cache.appendingPathComponent("cases").appendingPathComponent(key + ".perf")
    }

    static func load(_ cache: URL, key: String) -> PreparedCases.Performance? {
        guard let data = FileManager.default.contents(atPath: file(cache, key).path) else { return nil }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 10) else { return nil }
        var headerBytes = Array(bytes[0..<newline])
        guard let header = try? JSONValue.parse(bytes: &headerBytes),
              case .double(let seconds)? = header["referenceSeconds"] ?? .double(-1), seconds >= 0,
              case .int(let inputLength)? = header["inputBytes"],
              case .array(let lengths)? = header["expectedBytes"] else { return nil }
        var offset = newline + 1
        guard offset + inputLength <= bytes.count else { return nil }
        let input = Array(bytes[offset..<(offset + inputLength)])
        offset += inputLength
        var expected: [[UInt8]] = []
        for l in lengths {
            guard case .int(let n) = l, n >= 0, offset + n <= bytes.count else { return nil }
            expected.append(Array(bytes[offset..<(offset + n)]))
            offset += n
        }
        guard offset == bytes.count else { return nil }
        return PreparedCases.Performance(inputs: nil, expected: nil, expectedBytes: expected,
                                         referenceSeconds: seconds, referenceFresh: false, bytes: input)
    }

    static func store(_ group: PreparedCases.Performance, _ cache: URL, key: String) {
        let header = JSONValue.object([
            ("referenceSeconds", .double(group.referenceSeconds)),
            ("inputBytes", .int(group.bytes.count)),
            ("expectedBytes", .array(group.expectedBytes.map { .int($0.count) })),
        ])
        var out = header.compactBytes
        out.append(10)
        out += group.bytes
        for e in group.expectedBytes { out += e }
        let url = file(cache, key)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = url.path + ".tmp-\(getpid())"
        if FileManager.default.createFile(atPath: temp, contents: Data(out)) { rename(temp, url.path) }
    }
}
