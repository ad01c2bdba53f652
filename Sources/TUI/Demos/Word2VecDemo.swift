import Engine
import Lessons

/// `word2vec`: skip-gram with negative sampling trained live on the lesson's
/// synthetic corpus.
///
/// Each step trains one slice of the run (`Word2Vec.SkipGramTrainer`) and
/// the frame shows the mean loss of every slice so far as a braille curve,
/// the nearest neighbours of the chosen words, a 2-D PCA projection of the
/// corpus's entity words, and the training speed in words per second (the
/// figure `make bench` reads from the last frame).
///
/// ```
/// word2vec · skip-gram, negative sampling   epoch 10/10   lr 0.00003   words/s: 2150000
/// ┌ loss per slice ───────────┐  ┌ entity words (PCA) ──────────┐
/// │ ⠑⠢⣀⣀⣀ …                  │  │  ● cat ● kitten     ▲ iphone  │
/// nearest   cat → kitten 0.99, mouse 0.98, yarn 0.98
/// analogy   man : king = woman : queen
/// ```
public struct Word2VecDemo: Demo {
    public static let name = "word2vec"
    public static let summary = "Skip-gram with negative sampling trained live: loss, neighbours, a PCA map."
    public static let parameters: [DemoParameter] = [
        DemoParameter("sentences", .int(1...200_000), default: "3000", "sentences of the synthetic corpus"),
        DemoParameter("dim", .int(1...300), default: "24", "vector length d"),
        DemoParameter("epochs", .int(1...100), default: "10", "passes over the corpus"),
        DemoParameter("window", .int(1...20), default: "3", "largest window; each center draws one in 1...window"),
        DemoParameter("negatives", .int(0...30), default: "5", "negative samples per pair"),
        DemoParameter("sample", .real(0...1), default: "0.001", "subsampling threshold t; 0 turns it off"),
        DemoParameter("lr", .real(1e-6...1), default: "0.025", "starting learning rate, decayed linearly"),
        DemoParameter("seed", .int(0...Int.max), default: "1", "seed of the corpus and of training"),
        DemoParameter("words", .text, default: "cat,king,iphone", "words whose nearest neighbours are shown"),
        DemoParameter("frames", .int(1...200), default: "20", "training slices, one frame each"),
    ]

    public let config: Word2Vec.TrainingConfig
    public let words: [String]
    public let frames: Int
    public private(set) var trainer: Word2Vec.SkipGramTrainer
    /// Mean loss of each slice trained so far.
    public private(set) var losses: [Double] = []
    /// Tokens read and seconds spent inside the trainer, for words/s.
    public private(set) var wordsTrained = 0
    public private(set) var secondsTraining = 0.0

    public init(parameters: [String: String]) throws(DemoError) {
        let args = try Self.arguments(parameters)
        var config = Word2Vec.TrainingConfig()
        let sentences = try args.int("sentences")
        config.dimensions = try args.int("dim")
        config.epochs = try args.int("epochs")
        config.window = try args.int("window")
        config.negatives = try args.int("negatives")
        config.sample = try args.real("sample")
        config.learningRate = try args.real("lr")
        config.seed = UInt64(try args.int("seed"))
        frames = try args.int("frames")
        words = (try args.text("words")).split(separator: ",").map { Self.trimmed(String($0)) }
            .filter { !$0.isEmpty }
        let corpus = Word2Vec.SyntheticCorpus.sentences(count: sentences, seed: config.seed)
        let trainer = Word2Vec.SkipGramTrainer(sentences: corpus, config: config)
        for w in words where trainer.vocabulary.index[w] == nil {
            let some = Word2Vec.SyntheticCorpus.entityWords.filter { trainer.vocabulary.index[$0] != nil }.prefix(8)
            throw DemoError("words: '\(w)' is not in the corpus; try \(some.joined(separator: ", "))")
        }
        self.trainer = trainer
        self.config = config
    }

    public mutating func step() -> Bool {
        guard !trainer.isFinished else { return false }
        let slice = Swift.max(1, trainer.totalWords / frames)
        let start = ContinuousClock.now
        let chunk = trainer.train(words: slice)
        let elapsed = ContinuousClock.now - start
        secondsTraining += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        wordsTrained += chunk.words
        losses.append(chunk.meanLoss)
        return true
    }

    public func preferredHeight(width: Int) -> Int {
        let lists = words.count + 2
        return width >= 80 ? 1 + 16 + lists : 1 + 12 + 14 + lists
    }

    /// Training speed so far; nil before the first slice.
    public var wordsPerSecond: Int? {
        secondsTraining > 0 ? Int((Double(wordsTrained) / secondsTraining).rounded()) : nil
    }

    /// The entity words in the vocabulary with their PCA coordinates and class.
    public func projection() -> [(word: String, x: Double, y: Double, group: Int)] {
        var shown = Word2Vec.SyntheticCorpus.entityWords.filter { trainer.vocabulary.index[$0] != nil }
        for w in words where !shown.contains(w) { shown.append(w) }
        guard shown.count >= 2, config.dimensions >= 2 else { return [] }
        let vectors = shown.map { Word2Vec.unit(trainer.vector($0)!) }     // [n, d]
        let pca = Word2Vec.PCA(points: vectors, components: 2, iterations: 300)
        return shown.enumerated().map { i, w in
            let p = pca.project(vectors[i])
            let group = switch Word2Vec.SyntheticCorpus.category(of: w) {
            case "animal": 0
            case "person": 1
            case "device": 2
            default: 3
            }
            return (w, p[0], p[1], group)
        }
    }

    public func draw(into buffer: inout CellBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        var y = area.y
        // Title: progress, learning rate, speed.
        let epoch = Swift.min(config.epochs, Int(trainer.progress * Double(config.epochs)) + (trainer.isFinished ? 0 : 1))
        var title = "word2vec · skip-gram, negative sampling   epoch \(epoch)/\(config.epochs)   lr \(Self.format(trainer.learningRate, 5))"
        if let speed = wordsPerSecond { title += "   words/s: \(speed)" }
        buffer.putFitted(title, x: area.x, y: y, width: area.width, style: Style(bold: true))
        y += 1

        // Loss curve and PCA map: side by side when wide, stacked otherwise.
        var plot = LinePlot(title: "mean loss per slice", xLabel: "slice")
        plot.add(LinePlot.Series(name: "loss", values: losses, xStart: 1, color: .ansi(39)))
        var scatter = ScatterPlot(title: "entity words, PCA of unit vectors")
        scatter.points = projection().map { ScatterPlot.Point(x: $0.x, y: $0.y, label: $0.word, group: $0.group) }
        let wide = area.width >= 80
        let plotsHeight = wide ? 16 : 26
        let bottom = Swift.min(area.maxY, y + plotsHeight)
        if wide {
            let left = area.width * 2 / 5
            if losses.isEmpty {
                buffer.putFitted("loss: (training starts at the next step)", x: area.x, y: y, width: left)
            } else {
                plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: left - 1, height: bottom - y))
            }
            scatter.draw(into: &buffer, area: Rect(x: area.x + left + 1, y: y, width: area.width - left - 1, height: bottom - y))
        } else {
            let split = Swift.min(bottom, y + 12)
            if losses.isEmpty {
                buffer.putFitted("loss: (training starts at the next step)", x: area.x, y: y, width: area.width)
            } else {
                plot.draw(into: &buffer, area: Rect(x: area.x, y: y, width: area.width, height: split - y))
            }
            scatter.draw(into: &buffer, area: Rect(x: area.x, y: split, width: area.width, height: bottom - split))
        }
        y = bottom

        // Nearest neighbours and one analogy.
        let label = 10
        for w in words where y < area.maxY {
            let near = trainer.nearest(w, k: 4).map { "\($0.word) \(Self.format($0.cosine, 2))" }.joined(separator: ", ")
            buffer.putFitted("nearest", x: area.x, y: y, width: label, style: Style(bold: true))
            buffer.putFitted("\(w) → \(near)", x: area.x + label, y: y, width: area.width - label)
            y += 1
        }
        if y < area.maxY, let answer = trainer.analogy("man", "king", "woman") {
            buffer.putFitted("analogy", x: area.x, y: y, width: label, style: Style(bold: true))
            buffer.putFitted("man : king = woman : \(answer)", x: area.x + label, y: y, width: area.width - label,
                             style: Style(fg: answer == "queen" ? .ansi(112) : .default))
            y += 1
        }
        if y < area.maxY, let a = trainer.similarity("cat", "kitten"), let b = trainer.similarity("cat", "iphone") {
            buffer.putFitted("cosine", x: area.x, y: y, width: label, style: Style(bold: true))
            buffer.putFitted("cat·kitten \(Self.format(a, 2))   cat·iphone \(Self.format(b, 2))",
                             x: area.x + label, y: y, width: area.width - label)
        }
    }

    /// `text` without leading and trailing spaces.
    static func trimmed(_ text: String) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// A fixed-point rendering without Foundation: `format(0.98765, 2)` is "0.99".
    static func format(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (Swift.abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled - Double(whole) * scale))
        while fraction.count < digits { fraction = "0" + fraction }
        let sign = x < 0 && scaled > 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
