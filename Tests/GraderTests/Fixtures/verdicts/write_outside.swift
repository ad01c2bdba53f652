#if canImport(Glibc)
import Glibc
#endif

// Tries to leave a file outside its temporary folder, then answers correctly.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    let fd = open("OUTSIDE_PATH", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd >= 0 { _ = write(fd, "escaped", 7); close(fd) }
    let local = open("inside.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if local >= 0 { _ = write(local, "fine", 4); close(local) }
    var result: [Int] = []
    for start in 0...(nums.count - k) { result.append(nums[start..<(start + k)].max()!) }
    return result
}
