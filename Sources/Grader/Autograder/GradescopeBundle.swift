import Foundation

/// The Gradescope autograder bundle of `lectern autograder gradescope OUT.zip`.
///
/// Gradescope unpacks the zip into `/autograder/source`, runs `setup.sh` once
/// while building its image, then `run_autograder` for every submission; the
/// student's files are in `/autograder/submission` and the score must be
/// written to `/autograder/results/results.json`. The bundle holds:
///
/// ```
/// setup.sh          installs Swift (swiftly), libcmark, libncurses, and builds Lectern
/// run_autograder    lectern grade /autograder/submission --format gradescope
/// course/           the course (course.yaml with its secret seed, lessons, starters; no solutions)
/// lectern/          Lectern's sources (Package.swift, Package.resolved, Sources/), when found
/// ```
///
/// `run_autograder` reads `LECTERN_AUTOGRADER_ROOT` (default `/autograder`) and
/// `LECTERN` (default: the binary `setup.sh` built), so it can be run locally.
public enum GradescopeBundle {
    public static let swiftVersion = "6.0.3"

    /// The files of the bundle.
    ///
    /// - Parameters:
    ///   - course: the course folder to grade with.
    ///   - lecternSource: the Lectern package folder to ship, or nil when `repository` is used.
    ///   - repository: a git URL `setup.sh` clones Lectern from when no sources are shipped.
    ///   - seed: overrides the course's seed in `run_autograder`.
    public static func entries(course: URL, lecternSource: URL?, repository: String?, seed: UInt64?,
                               jobs: Int = 2) -> [StoredZip.Entry] {
        var entries = [
            StoredZip.Entry(path: "setup.sh", data: Array(setupScript(shipsSource: lecternSource != nil, repository: repository).utf8), mode: 0o755),
            StoredZip.Entry(path: "run_autograder", data: Array(runScript(seed: seed, jobs: jobs).utf8), mode: 0o755),
        ]
        entries += files(under: course, prefix: "course", skip: { $0.contains("/solutions/") || $0.hasSuffix("/solutions") })
        if let lecternSource {
            for name in ["Package.swift", "Package.resolved"] {
                if let data = FileManager.default.contents(atPath: lecternSource.appendingPathComponent(name).path) {
                    entries.append(StoredZip.Entry(path: "lectern/\(name)", data: Array(data)))
                }
            }
            entries += files(under: lecternSource.appendingPathComponent("Sources"), prefix: "lectern/Sources", skip: { _ in false })
        }
        return entries
    }

    /// Every regular file under `root`, in path order, skipping dot files and what `skip` names.
    static func files(under root: URL, prefix: String, skip: (String) -> Bool) -> [StoredZip.Entry] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return [] }
        var out: [StoredZip.Entry] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            if parts.contains(where: { $0.hasPrefix(".") }) || skip("/" + relative) { continue }
            var isDir: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  let data = fm.contents(atPath: path) else { continue }
            out.append(StoredZip.Entry(path: "\(prefix)/\(relative)", data: Array(data)))
        }
        return out.sorted { $0.path < $1.path }
    }

    static func setupScript(shipsSource: Bool, repository: String?) -> String {
        let fetch = shipsSource ? "cp -r /autograder/source/lectern /autograder/lectern"
            : "git clone --depth 1 \(repository ?? "LECTERN_REPOSITORY_URL") /autograder/lectern"
        return """
            #!/usr/bin/env bash
            # Gradescope runs this once, as root, while building the autograder image.
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update
            apt-get install -y --no-install-recommends ca-certificates curl git gnupg2 tar gzip \\
                libcmark-dev libncurses-dev libsqlite3-dev libcurl4-openssl-dev libxml2-dev \\
                binutils gcc libc6-dev libedit2 libgcc-13-dev libpython3-dev libstdc++-13-dev libz3-dev pkg-config tzdata zlib1g-dev \\
                || apt-get install -y --no-install-recommends ca-certificates curl git gnupg2 tar gzip \\
                libcmark-dev libncurses-dev libsqlite3-dev libcurl4-openssl-dev libxml2-dev pkg-config
            # Swift, through swiftly (https://www.swift.org/install/linux/).
            cd /tmp
            curl -fsSLO "https://download.swift.org/swiftly/linux/swiftly-$(uname -m).tar.gz"
            tar zxf "swiftly-$(uname -m).tar.gz"
            ./swiftly init --quiet-shell-followup --assume-yes --skip-install
            . "${SWIFTLY_HOME_DIR:-$HOME/.local/share/swiftly}/env.sh"
            swiftly install --use \(swiftVersion)
            # Lectern, built once; run_autograder uses this binary.
            \(fetch)
            cd /autograder/lectern
            # Gradescope may run the image on other hosts than the one that built it:
            # compile the Engine for Haswell (AVX2 and FMA), not for this host's CPU.
            LECTERN_TARGET_CPU=haswell swift build -c release --product lectern
            ln -sf /autograder/lectern/.build/release/lectern /usr/local/bin/lectern
            # The toolkit learners' files compile against, built now instead of at the first submission.
            lectern toolkit

            """
    }

    static func runScript(seed: UInt64?, jobs: Int) -> String {
        let seedOption = seed.map { " --seed \($0)" } ?? ""
        return """
            #!/usr/bin/env bash
            # Gradescope runs this for every submission. LECTERN_AUTOGRADER_ROOT and LECTERN
            # redirect it for a local run (see Lectern's README).
            set -uo pipefail
            ROOT="${LECTERN_AUTOGRADER_ROOT:-/autograder}"
            LECTERN="${LECTERN:-$(command -v lectern || echo "$ROOT/lectern/.build/release/lectern")}"
            mkdir -p "$ROOT/results"
            "$LECTERN" grade "$ROOT/submission" --course "$ROOT/source/course" --format gradescope \\
                --out "$ROOT/results/results.json" --jobs \(jobs) --gradebook "$ROOT/results/.gradebook.sqlite"\(seedOption)
            status=$?
            rm -f "$ROOT/results/.gradebook.sqlite"*
            if [ ! -s "$ROOT/results/results.json" ]; then
                # Never leave Gradescope without a result: say that the grader itself failed.
                printf '{"score": 0, "output": "The autograder could not grade this submission (lectern exit %s). Submit the Exercises folder of your workspace, or <lesson>/<name>.swift files.", "tests": []}\\n' "$status" > "$ROOT/results/results.json"
            fi
            exit 0

            """
    }
}

/// The GitHub Classroom workflow `lectern init --classroom` writes to
/// `.github/workflows/classroom.yml`: on every push it builds Lectern, grades
/// the repository (a learner workspace) and fails with the shrunk case in the log.
public enum ClassroomWorkflow {
    public static let path = ".github/workflows/classroom.yml"

    public static func text(repository: String, exercises: [String], seedSecret: String = "LECTERN_SEED") -> String {
        let only = exercises.map { " --exercise \($0)" }.joined()
        return """
            # Written by `lectern init --classroom`. GitHub Classroom runs it on every push:
            # it grades this workspace with Lectern and fails, with the failing case in the log,
            # until every exercise passes. The grading seed is a repository or organisation
            # secret (\(seedSecret)), so it is not the seed students see locally.
            name: Autograding
            on: [push, workflow_dispatch]
            permissions:
              contents: read
              checks: write
              actions: read
            jobs:
              grade:
                runs-on: ubuntu-24.04
                timeout-minutes: 30
                steps:
                  - uses: actions/checkout@v4
                  - uses: swift-actions/setup-swift@v2
                    with:
                      swift-version: "6.0"
                  - name: Install libcmark and libncurses
                    run: sudo apt-get update && sudo apt-get install -y libcmark-dev libncurses-dev
                  - name: Build Lectern
                    run: |
                      git clone --depth 1 \(repository) "$RUNNER_TEMP/lectern"
                      swift build -c release --product lectern --package-path "$RUNNER_TEMP/lectern"
                  - name: Grade
                    env:
                      SEED: ${{ secrets.\(seedSecret) }}
                    run: |
                      LECTERN="$RUNNER_TEMP/lectern/.build/release/lectern"
                      "$LECTERN" grade . --format junit --out lectern-junit.xml ${SEED:+--seed "$SEED"}\(only)
                      "$LECTERN" grade . --format csv ${SEED:+--seed "$SEED"}\(only)
                      # Fail the run, printing each failure (verdict, shrunk case, expected, got).
                      if grep -q '<failure' lectern-junit.xml; then
                        sed -n 's/.*<failure type="\\([^"]*\\)" message="\\([^"]*\\)">\\(.*\\)<\\/failure>.*/\\1: \\2\\n\\3/p' lectern-junit.xml \\
                          | sed 's/&#10;/\\n/g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\\&/g'
                        exit 1
                      fi
                  - uses: actions/upload-artifact@v4
                    if: always()
                    with:
                      name: lectern-grades
                      path: lectern-junit.xml

            """
    }
}
