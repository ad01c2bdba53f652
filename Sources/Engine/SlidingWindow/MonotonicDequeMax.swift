/// Sliding-window maximum in one pass with a monotonic deque.
///
/// The deque holds indices of `nums`, front to back, with two invariants
/// after each step i:
///
/// ```
/// 1. indices increase:        d[0] < d[1] < … < d[m-1] = i
/// 2. values strictly decrease: nums[d[0]] > nums[d[1]] > … > nums[d[m-1]]
/// 3. all lie in the window:    d[0] ≥ i - k + 1
/// ```
///
/// so the front is the index of the window's maximum. Each step:
///
/// 1. expire: if the front index is i - k it has left the window, pop it;
/// 2. pop from the back every index whose value is ≤ nums[i]: such an element
///    is older *and* not larger than nums[i], so it can never again be a
///    window maximum (nums[i] outlives it in every later window);
/// 3. push i at the back;
/// 4. once i ≥ k - 1 the window [i-k+1, i] is full: emit nums[front].
///
/// Popping with `≤` (not `<`) keeps the values strictly decreasing, so equal
/// values are stored once, by their newest index, which lives longest.
///
/// Amortised cost: every index is pushed exactly once and popped at most
/// once (from one end or the other), so over the whole run there are at
/// most 2n deque operations, although one step may pop many.
///
/// The problem is LeetCode 239 ("Sliding Window Maximum"); the deque technique
/// is folklore, see also Lemire, "Streaming maximum-minimum filter using no
/// more than three comparisons per element", Nordic Journal of Computing 13(4),
/// 2006, which calls the deque a "wedge".
///
/// Example: `nums = [1, 3, -1, -3, 5, 3, 6, 7], k = 3 → [3, 3, 5, 5, 6, 7]`.
///
/// - Complexity: O(n) time, O(k) extra space (the deque) besides the output.
public enum MonotonicDequeMax {
    /// The maximum of every window of `k` consecutive elements of `nums`.
    ///
    /// - Precondition: `1 <= k <= nums.count`.
    public static func maxima(_ nums: [Int], k: Int) -> [Int] {
        precondition(k >= 1 && k <= nums.count,
                     "window size k must be between 1 and nums.count (\(nums.count)), got \(k)")
        let n = nums.count
        var out: [Int] = []                      // [n - k + 1]
        out.reserveCapacity(n - k + 1)
        var deque = IndexDeque(capacity: k)      // ≤ k indices, see IndexDeque
        for i in 0..<n {
            // 1. The front leaves the window [i-k+1, i].
            if !deque.isEmpty && deque.front <= i - k { deque.popFront() }
            // 2. Older, not larger values can never be a maximum again.
            while !deque.isEmpty && nums[deque.back] <= nums[i] { deque.popBack() }
            // 3. The newest index goes to the back.
            deque.pushBack(i)
            // 4. The front is the maximum of a full window.
            if i >= k - 1 { out.append(nums[deque.front]) }
        }
        return out
    }

    /// One step of the algorithm, as the lesson's table and the demo show it.
    public struct Step: Sendable, Equatable {
        /// The index just read.
        public var i: Int
        /// `nums[i]`.
        public var value: Int
        /// The index that left the window at the front in step 1, if any.
        public var expired: Int?
        /// Indices popped from the back in step 2, in the order they were popped.
        public var poppedBack: [Int]
        /// The deque after the step, front to back.
        public var deque: [Int]
        /// The first index of the current window (clamped at 0 while it fills).
        public var windowStart: Int
        /// The maximum emitted in step 4, or nil while the first window fills.
        public var output: Int?

        public init(i: Int, value: Int, expired: Int?, poppedBack: [Int], deque: [Int],
                    windowStart: Int, output: Int?) {
            self.i = i; self.value = value; self.expired = expired; self.poppedBack = poppedBack
            self.deque = deque; self.windowStart = windowStart; self.output = output
        }
    }

    /// The same pass as `maxima`, recording each step.
    ///
    /// The `output` fields of the steps, read in order and skipping nils, are
    /// exactly `maxima(nums, k: k)`.
    ///
    /// - Precondition: `1 <= k <= nums.count`.
    /// - Complexity: O(n·k) because each step copies the deque.
    public static func trace(_ nums: [Int], k: Int) -> [Step] {
        precondition(k >= 1 && k <= nums.count,
                     "window size k must be between 1 and nums.count (\(nums.count)), got \(k)")
        var steps: [Step] = []
        steps.reserveCapacity(nums.count)
        var deque = IndexDeque(capacity: k)
        for i in nums.indices {
            var expired: Int?
            if !deque.isEmpty && deque.front <= i - k { expired = deque.popFront() }
            var popped: [Int] = []
            while !deque.isEmpty && nums[deque.back] <= nums[i] { popped.append(deque.popBack()) }
            deque.pushBack(i)
            steps.append(Step(i: i, value: nums[i], expired: expired, poppedBack: popped,
                              deque: deque.contents, windowStart: max(0, i - k + 1),
                              output: i >= k - 1 ? nums[deque.front] : nil))
        }
        return steps
    }
}
