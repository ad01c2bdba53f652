import Engine
import Foundation
import Lessons
import Tensor

/// `attention`: the weight table softmax(q·kᵀ/√d) of a short sentence of
/// random unit-variance embeddings, drawn as a heat map, with the causal mask
/// and the 1/√d scale as parameters (`Transformer.attentionWeights`).
///
/// Below the map, the average largest weight per row with and without the
/// scale shows how unscaled scores saturate the softmax as d grows.
///
/// ```
/// attention · 6 tokens, d = 64, scaled by 1/√64, causal
/// ┌ weights (row = query, column = key) ┐
/// scaled: mean of each row's largest weight 0.41   unscaled: 0.97
/// ```
public struct AttentionDemo: Demo {
    public static let name = "attention"
    public static let summary = "Attention weights as a heat map: the causal mask and how the 1/√d scale keeps the softmax soft."
    public static let parameters: [DemoParameter] = [
        DemoParameter("tokens", .text, default: "the,cat,sat,on,the,mat", "comma-separated tokens"),
        DemoParameter("d", .int(1...4096), default: "64", "width of queries and keys"),
        DemoParameter("causal", .flag, default: "false", "true: row i sees keys 0…i only"),
        DemoParameter("scale", .flag, default: "on", "on: divide the scores by √d; off: raw dot products"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the random embeddings"),
    ]

    public let tokens: [String]
    public let width: Int
    public let causal: Bool
    public let scaled: Bool
    /// The drawn table, and the mean of each row's largest weight with and without the scale.
    public let weights: Matrix
    public let peakScaled: Double
    public let peakUnscaled: Double

    public init(parameters: [String: String]) throws(DemoError) {
        let p = try Self.arguments(parameters)
        let words = (try p.text("tokens")).split(separator: ",")
            .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (1...16).contains(words.count) else {
            throw DemoError("tokens must list 1 to 16 comma-separated tokens, got \(words.count)")
        }
        tokens = words
        width = try p.int("d")
        causal = try p.flag("causal")
        scaled = try p.flag("scale")
        let seed = UInt64(try p.int("seed"))
        // Queries and keys of unit-variance entries, as in the lesson's variance argument.
        var rng = SeededRandom(seed: seed)
        let q = rng.normalMatrix(rows: words.count, cols: width), k = rng.normalMatrix(rows: words.count, cols: width)
        weights = Transformer.attentionWeights(q: q, k: k, causal: causal, scaled: scaled)
        peakScaled = Self.meanPeak(Transformer.attentionWeights(q: q, k: k, causal: causal, scaled: true))
        peakUnscaled = Self.meanPeak(Transformer.attentionWeights(q: q, k: k, causal: causal, scaled: false))
    }

    /// The average over rows of the row's largest weight (1 means one-hot rows).
    static func meanPeak(_ w: Matrix) -> Double {
        guard w.rows > 0 else { return 0 }
        return (0..<w.rows).map { w.row($0).max() ?? 0 }.reduce(0, +) / Double(w.rows)
    }

    /// A single picture: nothing to step through.
    public mutating func step() -> Bool { false }

    public func preferredHeight(width: Int) -> Int { 1 + 1 + 1 + tokens.count * 2 + 1 + 3 }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        let scaleText = scaled ? "scaled by 1/√\(width)" : "unscaled"
        let title = "attention · \(tokens.count) tokens, d = \(width), \(scaleText)\(causal ? ", causal" : "")"
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1
        let mapHeight = min(area.maxY - y - 3, 2 + tokens.count * 2 + 1)
        if mapHeight >= 3 {
            var map = HeatMap(values: weights.rowArrays, rowLabels: tokens, columnLabels: tokens)
            map.title = "weights (row = query, column = key; each row sums to 1)"
            map.range = 0...1
            map.showValues = true
            map.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: mapHeight))
            y += mapHeight
        }
        let lines = [
            "mean of each row's largest weight: scaled \(AxisFormat.label(peakScaled)), unscaled \(AxisFormat.label(peakUnscaled))",
            "unscaled scores have standard deviation about √d = \(AxisFormat.label(Double(width).squareRoot())): the softmax saturates",
            causal ? "causal: row i sees keys 0…i (top-left), so the upper triangle is 0" : "no mask: every token sees every token",
        ]
        for line in lines where y < area.maxY {
            buffer.putFitted(line, x: area.x, y: y, width: area.width, style: Style(dim: true))
            y += 1
        }
    }
}
