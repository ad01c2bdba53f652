#if canImport(Glibc)
import Glibc
#endif

// A sandbox escape attempt: writes a file outside its temporary folder, then
// tries to leave a background process behind, then answers correctly.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    let fd = open("/tmp/lectern-grade-escape-proof.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd >= 0 { _ = write(fd, "escaped", 7); close(fd) }
    var pid: pid_t = 0
    let args = ["/bin/sh", "-c", "sleep 30 # lectern-grade-escape-marker"]
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    _ = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, nil)
    for p in argv { free(p) }
    var result: [Int] = []
    for start in 0...(nums.count - k) { result.append(nums[start..<(start + k)].max()!) }
    return result
}
