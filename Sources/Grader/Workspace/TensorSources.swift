import Foundation

/// Finds the source files of the `Tensor` module, which `lectern init` copies
/// into a workspace so an editor can complete `import Tensor`.
///
/// Tried in order: `$LECTERN_TENSOR_SRC`; `<exe-dir>/../share/lectern/Tensor`
/// (an installed layout); `Sources/Tensor` in the executable's folder or any
/// folder above it (a repository build, `.build/<config>/lectern`); and
/// `../Sources/Tensor` beside a course folder (the repository's `Content/`).
public enum TensorSources {
    /// The folder holding `Matrix.swift` and the other Tensor sources, or nil.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL?, courseRoot: URL? = nil) -> URL? {
        let fm = FileManager.default
        func isTensor(_ dir: URL) -> Bool {
            fm.fileExists(atPath: dir.appendingPathComponent("Matrix.swift").path)
        }
        if let explicit = environment["LECTERN_TENSOR_SRC"], !explicit.isEmpty {
            let dir = URL(fileURLWithPath: explicit).standardizedFileURL
            return isTensor(dir) ? dir : nil
        }
        if let exe = executable?.resolvingSymlinksInPath() {
            let exeDir = exe.deletingLastPathComponent().standardizedFileURL
            let installed = exeDir.appendingPathComponent("../share/lectern/Tensor").standardizedFileURL
            if isTensor(installed) { return installed }
            var dir = exeDir
            while true {
                let candidate = dir.appendingPathComponent("Sources/Tensor")
                if isTensor(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path || dir.path == "/" { break }
                dir = parent
            }
        }
        if let courseRoot {
            let beside = courseRoot.appendingPathComponent("../Sources/Tensor").standardizedFileURL
            if isTensor(beside) { return beside }
        }
        return nil
    }

    /// The `.swift` files of a Tensor source folder, sorted by name.
    public static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
