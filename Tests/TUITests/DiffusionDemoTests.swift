import Engine
import Foundation
import Testing
@testable import TUI

@Suite struct DiffusionDemoTests {
    static func frame(_ demo: some Demo, width: Int = 100) -> [String] {
        demo.frame(width: width).textRows
    }

    @Test func registeredInCatalog() {
        #expect(DemoCatalog.type(named: "diffusion") == DiffusionDemo.self)
    }

    /// From noise to the ring: the first frame is noise, the last has nearly
    /// every point on a target and about 1/8 per target.
    @Test(arguments: ["ddim", "ddpm"])
    func runsFromNoiseToTheMixture(sampler: String) throws {
        var demo = try DiffusionDemo(parameters: ["sampler": sampler, "steps": sampler == "ddim" ? "40" : "200",
                                                  "points": "1200", "frames": "10"])
        let first = Self.frame(demo)
        #expect(first[0].hasPrefix("diffusion · \(sampler.uppercased()), \(sampler == "ddim" ? 40 : 200) steps, 1200 points, linear schedule   step 0/"))
        #expect(first.contains { $0.contains("x_T: pure noise") })
        #expect(demo.census().onTarget < 300, "pure noise is mostly off target")
        var frames = 0
        while demo.step() { frames += 1 }
        #expect(frames == 10)
        let rows = Self.frame(demo)
        #expect(rows[0].hasSuffix("step \(sampler == "ddim" ? 40 : 200)/\(sampler == "ddim" ? 40 : 200)   t = clean"))
        #expect(rows.contains { $0.hasPrefix("speed") && $0.contains(" point-steps/s") })
        let (nearest, onTarget) = demo.census()
        #expect(onTarget > 1080, "\(onTarget) of 1200 on a target")
        #expect(nearest.allSatisfy { abs($0 - 150) < 50 }, "\(nearest)")
        let share = try #require(rows.first { $0.hasPrefix("share %") })
        #expect(share.hasSuffix("(the mixture: 12.5 each)"))
        #expect(share.contains(nearest.map { DiffusionDemo.percent($0, 1200) }.joined(separator: " ")))
        let target = try #require(rows.first { $0.hasPrefix("on a target") })
        #expect(target.contains(DiffusionDemo.percent(onTarget, 1200)))
        // The eight means are drawn, numbered.
        #expect(rows.dropFirst(2).joined().filter { $0 == "▲" }.count == 8)
    }

    @Test func guidanceNamesTheClassAndConcentrates() throws {
        var demo = try DiffusionDemo(parameters: ["class": "3", "scale": "4", "points": "400", "steps": "30"])
        while demo.step() {}
        #expect(Self.frame(demo)[0].contains("guided to 3 (w = 4)"))
        #expect(demo.census().nearest[2] > 380)
    }

    @Test func deterministicForASeed() throws {
        var a = try DiffusionDemo(parameters: ["sampler": "ddpm", "steps": "20", "points": "100", "seed": "5"])
        var b = try DiffusionDemo(parameters: ["sampler": "ddpm", "steps": "20", "points": "100", "seed": "5"])
        while a.step() { _ = b.step() }
        #expect(a.sampler.flat == b.sampler.flat)
        #expect(DiffusionDemo.percent(1, 8) == "12.5" && DiffusionDemo.percent(2, 3) == "66.7")
    }

    @Test func badParametersNameTheParameter() {
        for (key, value) in [("sampler", "euler"), ("steps", "0"), ("steps", "1001"), ("schedule", "cosine"),
                             ("class", "9"), ("scale", "x"), ("colour", "1")] {
            do {
                _ = try DiffusionDemo(parameters: [key: value])
                Issue.record("expected an error for \(key)=\(value)")
            } catch {
                #expect(error.description.contains(key), "\(error)")
            }
        }
    }

    @Test func narrowFramesDoNotCrash() throws {
        var demo = try DiffusionDemo(parameters: ["points": "50", "steps": "5"])
        _ = demo.step()
        for width in [1, 10, 30, 59, 60] { _ = Self.frame(demo, width: width) }
    }
}
