#if canImport(Glibc)
import Glibc
#endif

// Tries to leave a background process behind, then answers correctly.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    var pid: pid_t = 0
    let args = ["/bin/sh", "-c", "sleep 30 # MARKER"]
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    _ = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, nil)
    for p in argv { free(p) }
    var result: [Int] = []
    for start in 0...(nums.count - k) { result.append(nums[start..<(start + k)].max()!) }
    return result
}
