/// A double-ended queue of array indices kept in a fixed ring buffer.
///
/// The monotonic-deque algorithm pushes at the back and pops from both ends.
/// `Array.removeFirst()` shifts every remaining element, which would turn the
/// O(n) algorithm back into O(n·k); a ring buffer pops the front in O(1) by
/// moving a head index instead. The deque of a window of size k never holds
/// more than k indices, so a buffer of k slots allocated once is enough.
///
/// ```
/// storage  [_, 5, 6, _]      head = 1, count = 2
/// front = storage[head] = 5, back = storage[(head + count - 1) % capacity] = 6
/// ```
///
/// This is a small special-purpose type, not a general collection: it holds
/// `Int`s, its capacity is fixed, and overflowing it is a programming error.
///
/// - Complexity: every operation O(1); `contents` O(count).
public struct IndexDeque: Sendable, Equatable {
    private var storage: [Int]     // [capacity]
    private var head = 0           // slot of the front element
    public private(set) var count = 0

    /// An empty deque that can hold up to `capacity` indices.
    public init(capacity: Int) {
        precondition(capacity >= 1, "IndexDeque capacity must be at least 1, got \(capacity)")
        storage = Array(repeating: 0, count: capacity)
    }

    /// The most indices the deque can hold.
    public var capacity: Int { storage.count }

    public var isEmpty: Bool { count == 0 }

    /// The oldest index (the window maximum in the monotonic deque).
    @inline(__always) public var front: Int {
        precondition(count > 0, "front of an empty IndexDeque")
        return storage[head]
    }

    /// The newest index.
    @inline(__always) public var back: Int {
        precondition(count > 0, "back of an empty IndexDeque")
        return storage[slot(count - 1)]
    }

    /// Appends `index` at the back.
    @inline(__always) public mutating func pushBack(_ index: Int) {
        precondition(count < storage.count, "IndexDeque is full (capacity \(storage.count))")
        storage[slot(count)] = index
        count += 1
    }

    /// Removes and returns the back index.
    @inline(__always) @discardableResult
    public mutating func popBack() -> Int {
        let value = back
        count -= 1
        return value
    }

    /// Removes and returns the front index.
    @inline(__always) @discardableResult
    public mutating func popFront() -> Int {
        let value = front
        head = head + 1 == storage.count ? 0 : head + 1
        count -= 1
        return value
    }

    /// Empties the deque, keeping its buffer.
    public mutating func removeAll() {
        head = 0
        count = 0
    }

    /// The indices from front to back (for traces and tests).
    public var contents: [Int] {
        (0..<count).map { storage[slot($0)] }
    }

    /// The buffer slot of the element `offset` places behind the front.
    @inline(__always) private func slot(_ offset: Int) -> Int {
        let s = head + offset
        return s >= storage.count ? s - storage.count : s
    }

    public static func == (lhs: IndexDeque, rhs: IndexDeque) -> Bool {
        lhs.contents == rhs.contents
    }
}
