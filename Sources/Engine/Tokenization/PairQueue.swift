/// The two containers behind `FastBPETrainer`: a hash table from a pair of
/// ids to a small integer, and a max-heap of candidate pairs.
///
/// Both are plain open-coded structures over flat arrays, because the trainer
/// touches them millions of times for a megabyte of text and Swift's
/// `Dictionary` of a struct key is several times slower.

/// Open addressing with linear probing from a 64-bit key (`first << 32 | second`)
/// to a pair index. Keys are never removed (a pair whose count drops to zero
/// keeps its slot), which keeps probing simple.
///
/// - Complexity: expected O(1) per lookup or insert at load factor ≤ 1/2.
struct PairTable {
    private var keys: [UInt64]      // [capacity], `empty` where unused
    private var values: [Int32]     // [capacity]
    private var mask: Int
    private(set) var count = 0
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    @inline(__always) private static func hash(_ key: UInt64) -> Int {
        // A 64-bit finaliser (the one of SplitMix64) spreads nearby ids apart.
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    /// The index stored for `key`, or -1.
    @inline(__always) func find(_ key: UInt64) -> Int32 {
        var slot = Self.hash(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == Self.empty { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The index stored for `key`; if absent, stores `make()` and returns it.
    @inline(__always) mutating func findOrInsert(_ key: UInt64, _ make: () -> Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Self.hash(key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == Self.empty {
                let v = make()
                keys[slot] = key
                values[slot] = v
                count += 1
                return v
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for i in oldKeys.indices where oldKeys[i] != Self.empty {
            var slot = Self.hash(oldKeys[i]) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}

/// A binary max-heap of (count, first position, pair) ordered by larger count,
/// then smaller first position: the catalog's choice of the next merge.
///
/// Entries may be stale. The trainer relies on a property of BPE: after a pair
/// is created, its count only falls and its first occurrence only moves right,
/// so a stored entry is never better than the truth. Popping until an entry
/// matches its pair's current state therefore yields the true best pair.
///
/// - Complexity: O(log n) per push or pop.
struct PairHeap {
    struct Entry {
        var count: Int
        var position: Int32
        var pair: Int32
    }
    private var items: [Entry] = []

    var isEmpty: Bool { items.isEmpty }

    @inline(__always) private static func above(_ x: Entry, _ y: Entry) -> Bool {
        x.count != y.count ? x.count > y.count : x.position < y.position
    }

    mutating func push(_ e: Entry) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.above(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return top }
        items[0] = last
        var i = 0
        let n = items.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < n && Self.above(items[l], items[best]) { best = l }
            if r < n && Self.above(items[r], items[best]) { best = r }
            if best == i { break }
            items.swapAt(i, best)
            i = best
        }
        return top
    }
}
