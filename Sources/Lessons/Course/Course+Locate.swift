import Foundation

extension Course {
    /// Finds the built-in course folder (the one holding `course.yaml`), from any
    /// working directory. Tried in order:
    ///
    /// 1. `$LECTERN_COURSE`, when set and not empty (an explicit choice: if it has
    ///    no `course.yaml`, that is the error; nothing else is tried);
    /// 2. `<exe-dir>/../share/lectern/Content`, an installed layout
    ///    (`/usr/local/bin/lectern` with `/usr/local/share/lectern/Content`);
    /// 3. each folder from the executable's own folder upwards, looking for
    ///    `Content/course.yaml`: this finds the repository's `Content/` from
    ///    `.build/<config>/lectern` and `.build/<triple>/<config>/lectern`.
    ///
    /// The executable path has its symlinks resolved first (on Linux from
    /// `/proc/self/exe`), so a symlink to `lectern` on the `PATH` works.
    ///
    /// - Throws: `ContentProblem` naming every place that was tried.
    public static func locateBuiltIn(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = Course.currentExecutable()
    ) throws(ContentProblem) -> URL {
        let fm = FileManager.default
        func hasCourse(_ dir: URL) -> Bool {
            fm.fileExists(atPath: dir.appendingPathComponent(descriptionFile).path)
        }
        if let explicit = environment["LECTERN_COURSE"], !explicit.isEmpty {
            let dir = URL(fileURLWithPath: explicit).standardizedFileURL
            guard hasCourse(dir) else {
                throw ContentProblem(file: dir.path, line: nil,
                                     message: "LECTERN_COURSE points here, but there is no \(descriptionFile)")
            }
            return dir
        }
        var tried: [String] = []
        if let exe = executable?.resolvingSymlinksInPath() {
            let exeDir = exe.deletingLastPathComponent()
            let installed = exeDir.appendingPathComponent("../share/lectern/Content").standardizedFileURL
            if hasCourse(installed) { return installed }
            tried.append(installed.path)
            var dir = exeDir.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("Content")
                if hasCourse(candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path || dir.path == "/" { break }
                dir = parent
            }
            tried.append("Content/ in \(exeDir.path) and every folder above it")
        } else {
            tried.append("(the running executable's path could not be found)")
        }
        throw ContentProblem(file: "Content", line: nil,
                             message: "cannot find the built-in course; set LECTERN_COURSE or pass --course DIR. Tried: "
                                 + tried.joined(separator: "; "))
    }

    /// The running executable, symlinks resolved where the platform says how.
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
        guard let arg0 = CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: arg0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.resolvingSymlinksInPath()
    }
}
