/// The clock of a step-by-step animation: plays a step every `interval`
/// milliseconds, pauses and resumes, and steps one at a time while paused.
/// It is pure (time is passed in), so the app drives it from its tick
/// message and tests drive it by hand.
///
/// Usage (the app's demo overlay does this with any `Demo`):
/// ```swift
/// var clock = AnimationStepper(intervalMs: 400)
/// for _ in 0..<clock.advance(byMs: 1000) { if !demo.step() { clock.finish() } }   // 2 steps due
/// clock.togglePause()                      // space
/// if clock.requestStep() { _ = demo.step() }   // → while paused
/// ```
public struct AnimationStepper: Sendable, Equatable {
    public var intervalMs: Int
    public private(set) var paused = false
    /// True once the animated thing reported it has nothing more to show.
    public private(set) var finished = false
    /// Steps taken so far.
    public private(set) var steps = 0
    private var pendingMs = 0

    public init(intervalMs: Int = 500, paused: Bool = false) {
        self.intervalMs = max(1, intervalMs); self.paused = paused
    }

    /// Lets `ms` milliseconds pass; returns how many steps are due now
    /// (0 while paused or finished). The caller performs them and counts
    /// them with `didStep()`.
    public mutating func advance(byMs ms: Int) -> Int {
        guard !paused, !finished else { return 0 }
        pendingMs += max(0, ms)
        let due = pendingMs / intervalMs
        pendingMs -= due * intervalMs
        return due
    }

    /// Records that one step was performed.
    public mutating func didStep() { steps += 1 }

    /// Space: pause or resume.
    public mutating func togglePause() { paused.toggle(); pendingMs = 0 }

    /// →: asks for one step; true when a step should be performed now
    /// (pauses a playing animation, so stepping is deliberate).
    public mutating func requestStep() -> Bool {
        if !paused { paused = true; pendingMs = 0 }
        return !finished
    }

    /// The animation has no more steps.
    public mutating func finish() { finished = true }

    /// Starts over (after the caller rebuilt the animated thing).
    public mutating func restart() { finished = false; steps = 0; pendingMs = 0 }

    /// A short status for a status line: "step 3 · playing", "step 9 · done".
    public var status: String {
        "step \(steps) · " + (finished ? "done" : paused ? "paused" : "playing")
    }
}
