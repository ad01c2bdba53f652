import Foundation
import Testing
import Tensor
@testable import Engine

@Suite struct OnlineActionDetectionTests {
    typealias F = TransformerFixtures

    /// The lesson's example: frames [[1], [2], [3]], t = 1, window 3 → [[0], [1], [2]].
    @Test func windowPadsWithZerosInFront() {
        let frames = F.matrix([[1], [2], [3]])
        #expect(OnlineActionDetection.window(frames: frames, t: 1, size: 3).storage == [0, 1, 2])
        #expect(OnlineActionDetection.window(frames: frames, t: 2, size: 2).storage == [2, 3])
        #expect(OnlineActionDetection.window(frames: frames, t: 0, size: 4).storage == [0, 0, 0, 1])
    }

    /// Against a direct definition on random streams, including t < window − 1.
    @Test func windowMatchesDefinition() {
        var rng = SeededRandom(seed: 20)
        for _ in 0..<300 {
            let count = rng.int(in: 1...12), d = rng.int(in: 1...4), size = rng.int(in: 1...8)
            let frames = rng.uniformMatrix(rows: count, cols: d)
            let t = rng.int(in: 0...(count - 1))
            let w = OnlineActionDetection.window(frames: frames, t: t, size: size)
            #expect(w.rows == size && w.cols == d)
            for r in 0..<size {
                let f = t - size + 1 + r
                #expect(w.row(r) == (f >= 0 ? frames.row(f) : [Double](repeating: 0, count: d)))
            }
        }
    }

    /// The lesson's example: window [[1, 1]], token [5, 6], positions [[0, 1], [2, 3]] → [[1, 2], [7, 9]].
    @Test func encoderInputAppendsTheToken() {
        let x = OnlineActionDetection.encoderInput(window: F.matrix([[1, 1]]), taskToken: [5, 6],
                                                   positions: F.matrix([[0, 1], [2, 3]]))
        #expect(x == F.matrix([[1, 2], [7, 9]]))
    }

    static func randomDetector(_ rng: inout SeededRandom, d heads: Int, size: Int, window: Int, classes: Int,
                               normFirst: Bool) -> OnlineActionDetection.Detector {
        let d = heads * size
        return OnlineActionDetection.Detector(
            window: window, taskToken: F.vector(&rng, d), positions: rng.uniformMatrix(rows: window + 1, cols: d, -0.5, 0.5),
            layer: F.layer(&rng, width: d, heads: heads, hidden: rng.int(in: 1...5), normFirst: normFirst),
            wc: rng.uniformMatrix(rows: d, cols: classes), bc: F.vector(&rng, classes, 0.3))
    }

    /// Row t of the stream equals running the pieces by hand on a window built from scratch.
    @Test func streamRowIsThePiecesByHand() {
        var rng = SeededRandom(seed: 21)
        for index in 0..<40 {
            let heads = rng.int(in: 1...2), size = rng.int(in: 1...3), window = rng.int(in: 1...5)
            let det = Self.randomDetector(&rng, d: heads, size: size, window: window, classes: rng.int(in: 1...4),
                                          normFirst: index % 2 == 0)
            let frames = rng.uniformMatrix(rows: rng.int(in: 1...9), cols: heads * size)
            let out = OnlineActionDetection.stream(frames: frames, detector: det)
            #expect(out.rows == frames.rows && out.cols == det.bc.count)
            for t in 0..<frames.rows {
                var rows: [[Double]] = []
                for r in 0..<window {
                    let f = t - window + 1 + r
                    rows.append(f >= 0 ? frames.row(f) : [Double](repeating: 0, count: frames.cols))
                }
                rows.append(det.taskToken)
                let input = F.matrix(rows) + det.positions
                let encoded = Transformer.encoderLayer(input, det.layer)
                let logits = Transformer.dense(encoded.rows(window..<(window + 1)), det.wc, det.bc).storage
                let top = logits.max()!
                let e = logits.map { exp($0 - top) }
                let expected = e.map { $0 / e.reduce(0, +) }
                for c in 0..<expected.count { #expect(abs(out[t, c] - expected[c]) < 1e-12) }
            }
        }
    }

    /// Causal: changing frames after t never changes rows 0…t.
    @Test func streamIgnoresTheFuture() {
        var rng = SeededRandom(seed: 22)
        let det = Self.randomDetector(&rng, d: 2, size: 2, window: 4, classes: 3, normFirst: true)
        var frames = rng.uniformMatrix(rows: 10, cols: 4)
        let before = OnlineActionDetection.stream(frames: frames, detector: det)
        for i in (6 * 4)..<(10 * 4) { frames.storage[i] = 50 }
        let after = OnlineActionDetection.stream(frames: frames, detector: det)
        #expect(before.rows(0..<6) == after.rows(0..<6))
        #expect(before.rows(6..<10) != after.rows(6..<10))
    }

    /// The demo's stream encodes its labels, and the hand-built detector tracks them.
    @Test func handBuiltDetectorTracksTheAction() {
        let s = OnlineActionDetection.syntheticStream(length: 300, classes: 4, noise: 0.4, seed: 3)
        #expect(s.labels.count == 300 && Set(s.labels).count == 4)
        let det = OnlineActionDetection.handBuiltDetector(classes: 4, window: 8)
        let p = OnlineActionDetection.stream(frames: s.frames, detector: det)
        let predicted = (0..<300).map { t in (0..<4).max { p[t, $0] < p[t, $1] }! }
        let agree = zip(predicted, s.labels).filter { $0 == $1 }.count
        #expect(agree >= 240, "agreement \(agree)/300")
        // With noisy features one frame alone is less reliable than the window.
        let noisy = OnlineActionDetection.syntheticStream(length: 300, classes: 4, noise: 1, seed: 3)
        let windowed = OnlineActionDetection.stream(frames: noisy.frames, detector: det)
        let windowAgree = (0..<300).filter { t in (0..<4).max { windowed[t, $0] < windowed[t, $1] }! == noisy.labels[t] }.count
        let single = OnlineActionDetection.stream(frames: noisy.frames,
                                                  detector: OnlineActionDetection.handBuiltDetector(classes: 4, window: 1))
        let singleAgree = (0..<300).filter { t in (0..<4).max { single[t, $0] < single[t, $1] }! == noisy.labels[t] }.count
        #expect(singleAgree + 30 < windowAgree, "one frame \(singleAgree), window \(windowAgree)")
    }
}
