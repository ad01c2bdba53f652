import Testing
import Tensor
@testable import Engine

@Suite("word2vec: vocabulary and trainer")
struct Word2VecTrainerTests {
    @Test func vocabularyExample() {
        let v = Word2Vec.Vocabulary(sentences: [["a", "b", "a"], ["c", "a", "b"]], minCount: 2)
        #expect(v.words == ["a", "b"] && v.counts == [3, 2] && v.totalCount == 5)
        #expect(v.encode([["c", "b", "a", "x"]]) == [[1, 0]])
        // Equal counts keep the order of first appearance.
        let tie = Word2Vec.Vocabulary(sentences: [["z", "y", "x", "y", "z", "x"]])
        #expect(tie.words == ["z", "y", "x"])
    }

    @Test func corpusIsDeterministicAndStructured() {
        let a = Word2Vec.SyntheticCorpus.sentences(count: 200, seed: 3)
        #expect(a == Word2Vec.SyntheticCorpus.sentences(count: 200, seed: 3))
        #expect(a != Word2Vec.SyntheticCorpus.sentences(count: 200, seed: 4))
        // cat never shares a sentence with iphone.
        for s in a { #expect(!(s.contains("cat") && s.contains("iphone"))) }
    }

    static let config: Word2Vec.TrainingConfig = {
        var c = Word2Vec.TrainingConfig()
        c.dimensions = 24; c.window = 3; c.negatives = 5; c.epochs = 10; c.sample = 1e-3; c.seed = 1
        return c
    }()

    @Test func trainingIsDeterministic() {
        let corpus = Word2Vec.SyntheticCorpus.sentences(count: 100, seed: 7)
        var a = Word2Vec.SkipGramTrainer(sentences: corpus, config: Self.config)
        var b = Word2Vec.SkipGramTrainer(sentences: corpus, config: Self.config)
        a.trainToEnd(); b.trainToEnd()
        #expect(a.input == b.input && a.output == b.output)
        #expect(a.progress == 1 && a.isFinished)
        #expect(a.learningRate < Self.config.learningRate * 0.01)
    }

    /// Without subsampling and with window 1 (which shrinking cannot change)
    /// every adjacent pair is trained in both directions, once per epoch; the
    /// learning rate follows the linear schedule.
    @Test func pairCountsAndLearningRateSchedule() {
        var config = Self.config
        config.sample = 0; config.window = 1; config.epochs = 3; config.minCount = 2
        let corpus = Word2Vec.SyntheticCorpus.sentences(count: 50, seed: 9) + [["solitary"]]
        var trainer = Word2Vec.SkipGramTrainer(sentences: corpus, config: config)
        #expect(trainer.vocabulary.index["solitary"] == nil)            // below minCount
        #expect(trainer.learningRate == config.learningRate)
        // Words below minCount vanish from the text before windows are taken.
        let encoded = trainer.vocabulary.encode(corpus).filter { !$0.isEmpty }
        #expect(encoded.count == corpus.count - 1)
        let expectedPairs = encoded.reduce(0) { $0 + 2 * ($1.count - 1) } * config.epochs
        let tokens = encoded.reduce(0) { $0 + $1.count }
        var seen = 0
        while !trainer.isFinished {
            let before = trainer.learningRate
            let chunk = trainer.train(words: 40)
            seen += chunk.words
            #expect(trainer.learningRate < before)
            #expect(abs(trainer.learningRate - config.learningRate * (1 - Double(seen) / Double(3 * tokens + 1))) < 1e-15)
        }
        #expect(trainer.pairsTrained == expectedPairs)
        #expect(seen == 3 * tokens && trainer.totalWords == 3 * tokens)
    }

    /// The lesson's claim: trained on the synthetic corpus, cat is nearer to
    /// kitten than to iphone, and king - man + woman lands on queen.
    @Test func learnsSimilarityAndAnalogy() {
        let corpus = Word2Vec.SyntheticCorpus.sentences(count: 3000, seed: 7)
        var trainer = Word2Vec.SkipGramTrainer(sentences: corpus, config: Self.config)
        var losses: [Double] = []
        while !trainer.isFinished { losses.append(trainer.train(words: trainer.totalWords / 10).meanLoss) }
        #expect(losses.count >= 10)
        #expect(losses.last! < losses.first! * 0.7)

        let catKitten = trainer.similarity("cat", "kitten")!, catIphone = trainer.similarity("cat", "iphone")!
        #expect(catKitten > catIphone + 0.2)
        #expect(trainer.nearest("iphone", k: 3).contains { $0.word == "smartphone" || $0.word == "android" })
        for a in Word2Vec.SyntheticCorpus.analogies {
            #expect(trainer.analogy(a.a, a.b, a.c) == a.expected, "\(a.a) : \(a.b) = \(a.c) : ?")
        }
    }
}
