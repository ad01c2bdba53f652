#if canImport(Glibc)
import Glibc
#endif

// Tries to read files outside its temporary folder and print them, then answers correctly.
func leak(_ path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { print("denied \(path) errno \(errno)"); return }
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = read(fd, &buffer, 256)
    close(fd)
    print("LEAKED \(path): " + String(decoding: buffer[0..<max(n, 0)], as: UTF8.self))
}

func maxSlidingWindow(nums: [Int], k: Int) -> [Int] {
    if nums.count == 8 && k == 3 {
        for path in ["SECRET_PATH", "SOLUTION_PATH", "/etc/shadow", "/etc/passwd"] { leak(path) }
        if let dir = opendir("SECRET_DIR") {
            print("LEAKED listing")
            closedir(dir)
        } else {
            print("denied listing")
        }
    }
    var result: [Int] = []
    for start in 0...(nums.count - k) { result.append(nums[start..<(start + k)].max()!) }
    return result
}
