import Foundation

/// Runs `transform` on `0..<count`, spread over the processors when there is
/// enough work (`count >= minimum`), and returns the results in index order:
/// the same array a plain `map` gives.
func concurrentMap<T: Sendable>(_ count: Int, minimum: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count >= minimum, count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
        return (0..<count).map(transform)
    }
    let results = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { results.store(transform($0), at: $0) }
    return results.values()
}

/// One slot per index; each index is written by exactly one worker.
private final class Slots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>
    init(count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: nil) }
    deinit { slots.deinitialize(); slots.deallocate() }
    func store(_ value: T, at index: Int) { slots[index] = value }
    func values() -> [T] { slots.map { $0! } }
}
