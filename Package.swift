// swift-tools-version:6.0
import PackageDescription

import Foundation

// The Engine's reference kernels (attention, FLASH) use 8-wide vectors and
// fused multiply-adds. Compiled for the machine that builds them they run
// several times faster than for the x86-64 baseline (SSE2, no FMA), and
// Lectern is normally built where it runs (`make run`, `make test`). Where
// the binary moves to other hosts, name a CPU every one of them has:
// `LECTERN_TARGET_CPU=haswell` (the Gradescope setup script does), or
// `LECTERN_TARGET_CPU=x86-64` for the baseline. Only the Engine gets the
// flag; ARM64 has fused multiply-adds in its baseline and needs nothing.
#if arch(x86_64)
let targetCPU = ProcessInfo.processInfo.environment["LECTERN_TARGET_CPU"] ?? "native"
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", targetCPU])]
#else
let engineSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["Runner"]),
        .library(name: "Tensor", targets: ["Tensor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "Tensor"),
        .target(name: "Engine", dependencies: ["Tensor"], swiftSettings: engineSettings),
        // The harness runtime linked into every learner binary. SwiftPM
        // type-checks and tests it; the grader compiles the same sources into
        // its toolkit with `-swift-version 5` (see Grader/Harness/Toolkit.swift).
        .target(name: "LecternKit", dependencies: ["Tensor"],
                swiftSettings: [.swiftLanguageMode(.v5)]),
        .target(name: "Lessons", dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),
        .target(name: "Grader", dependencies: [
            "Engine", "Lessons", "Tensor",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "TUI", dependencies: ["Lessons", "Grader", "Engine", "CNcurses"]),
        .executableTarget(name: "Runner", dependencies: [
            "Tensor", "Engine", "Lessons", "Grader", "TUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Tensor"]),
        .testTarget(name: "LecternKitTests", dependencies: ["LecternKit", "Tensor"],
                    swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GraderTests", dependencies: ["Grader", "Engine", "Lessons", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Lessons", "Grader"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner"]),
    ],
    swiftLanguageModes: [.v6]
)
