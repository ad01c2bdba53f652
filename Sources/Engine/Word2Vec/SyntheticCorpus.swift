import Tensor

extension Word2Vec {
    /// A generated toy corpus whose structure is known, so that what word2vec
    /// learns from it can be tested.
    ///
    /// Sentences come from short templates. Each "entity" word (cat, kitten,
    /// king, laptop …) is filled in together with words drawn from the pools
    /// of its attributes, and nowhere else:
    ///
    /// - animals: a species (cat, dog, horse, cow), with its own verbs and
    ///   nouns, and an age (adult or young): cat and kitten share every cat
    ///   word and differ only in the age words;
    /// - people: gender (he/his/him, she/her/hers) × rank (royal: throne,
    ///   crown …; common: farm, market …) × age (adult, young): king is
    ///   male + royal + adult, queen female + royal + adult, and so on;
    /// - devices: phones and computers, sharing screens and batteries.
    ///
    /// By the distributional hypothesis cat must land near kitten and far
    /// from iphone, and because the people's contexts are sums of attribute
    /// pools, king - man + woman should land on queen.
    /// Function words (the, a, and …) appear everywhere, which gives
    /// subsampling something to do.
    public enum SyntheticCorpus {
        /// An entity word and the attribute pools its sentences draw from.
        struct Entity: Sendable {
            var word: String
            var kind: Kind
            /// Verbs and nouns of its species (animals), rank (people) or type (devices).
            var verbs: [String], nouns: [String]
            /// Adjectives of its age or make.
            var adjectives: [String]
            /// Pronouns for people (subject, object, possessive); empty otherwise.
            var pronouns: [String]
        }
        enum Kind: Sendable { case animal, person, device }

        static let entities: [Entity] = {
            var out: [Entity] = []
            let species: [(adult: String, young: String, verbs: [String], nouns: [String])] = [
                ("cat", "kitten", ["meows", "purrs", "pounces"], ["mouse", "yarn", "whiskers", "catnip"]),
                ("dog", "puppy", ["barks", "fetches", "growls"], ["bone", "leash", "stick", "kennel"]),
                ("horse", "foal", ["neighs", "gallops", "trots"], ["hay", "saddle", "stable", "oats"]),
                ("cow", "calf", ["moos", "grazes", "chews"], ["grass", "pasture", "udder", "bell"]),
            ]
            for s in species {
                out.append(Entity(word: s.adult, kind: .animal, verbs: s.verbs, nouns: s.nouns,
                                  adjectives: ["big", "old", "fat"], pronouns: []))
                out.append(Entity(word: s.young, kind: .animal, verbs: s.verbs, nouns: s.nouns,
                                  adjectives: ["tiny", "baby", "newborn"], pronouns: []))
            }
            let male = ["he", "him", "his"], female = ["she", "her", "hers"]
            let royal = (verbs: ["rules", "reigns", "commands"], nouns: ["throne", "crown", "palace", "kingdom"])
            let common = (verbs: ["works", "sells", "labours"], nouns: ["farm", "market", "village", "cottage"])
            let adult = ["grown", "wise", "elder"], young = ["young", "child", "playful"]
            let people: [(String, [String], (verbs: [String], nouns: [String]), [String])] = [
                ("man", male, common, adult), ("woman", female, common, adult),
                ("boy", male, common, young), ("girl", female, common, young),
                ("king", male, royal, adult), ("queen", female, royal, adult),
                ("prince", male, royal, young), ("princess", female, royal, young),
            ]
            for (word, pronouns, rank, age) in people {
                out.append(Entity(word: word, kind: .person, verbs: rank.verbs, nouns: rank.nouns,
                                  adjectives: age, pronouns: pronouns))
            }
            let phone = (verbs: ["rings", "texts", "calls"], nouns: ["screen", "battery", "apps", "charger"])
            let computer = (verbs: ["boots", "compiles", "crashes"], nouns: ["keyboard", "screen", "battery", "software"])
            for word in ["iphone", "smartphone", "android"] {
                out.append(Entity(word: word, kind: .device, verbs: phone.verbs, nouns: phone.nouns,
                                  adjectives: ["new", "cheap", "shiny"], pronouns: []))
            }
            for word in ["laptop", "computer", "desktop"] {
                out.append(Entity(word: word, kind: .device, verbs: computer.verbs, nouns: computer.nouns,
                                  adjectives: ["new", "fast", "slow"], pronouns: []))
            }
            return out
        }()

        /// Every entity word, in a fixed order (animals, people, devices).
        public static var entityWords: [String] { entities.map(\.word) }

        /// The class of an entity word: "animal", "person" or "device"; nil for other words.
        public static func category(of word: String) -> String? {
            guard let e = entities.first(where: { $0.word == word }) else { return nil }
            switch e.kind {
            case .animal: return "animal"
            case .person: return "person"
            case .device: return "device"
            }
        }

        /// Analogies that hold by construction: (a, b, c, expected), read
        /// "a is to b as c is to expected".
        public static let analogies: [(a: String, b: String, c: String, expected: String)] = [
            ("man", "king", "woman", "queen"),
            ("boy", "prince", "girl", "princess"),
            ("man", "woman", "king", "queen"),
            ("puppy", "dog", "kitten", "cat"),
        ]

        /// `count` sentences drawn with `seed`.
        ///
        /// - Complexity: O(count).
        public static func sentences(count: Int, seed: UInt64) -> [[String]] {
            var rng = SeededRandom(seed: seed)
            return (0..<count).map { _ in sentence(&rng) }
        }

        /// One sentence: an entity picked uniformly, then one of its kind's templates.
        static func sentence(_ rng: inout SeededRandom) -> [String] {
            let e = entities[rng.int(in: 0..<entities.count)]
            func pick(_ pool: [String]) -> String { pool[rng.int(in: 0..<pool.count)] }
            let template = rng.int(in: 0..<3)
            let words: String
            switch (e.kind, template) {
            case (.animal, 0): words = "the \(pick(e.adjectives)) \(e.word) \(pick(e.verbs)) at the \(pick(e.nouns))"
            case (.animal, 1): words = "a \(pick(e.adjectives)) \(e.word) \(pick(e.verbs)) and \(pick(e.verbs)) near its \(pick(e.nouns))"
            case (.animal, _): words = "my \(pick(e.adjectives)) \(e.word) has a \(pick(e.nouns))"
            case (.person, 0): words = "the \(pick(e.adjectives)) \(e.word) \(pick(e.verbs)) in \(e.pronouns[2]) \(pick(e.nouns))"
            case (.person, 1): words = "\(e.pronouns[0]) is the \(pick(e.adjectives)) \(e.word) and \(e.pronouns[0]) \(pick(e.verbs)) in the \(pick(e.nouns))"
            case (.person, _): words = "a \(pick(e.adjectives)) \(e.word) saw \(e.pronouns[1]) in the \(pick(e.nouns)) and \(pick(e.verbs))"
            case (.device, 0): words = "the \(pick(e.adjectives)) \(e.word) \(pick(e.verbs)) and the \(pick(e.nouns)) is \(pick(e.adjectives))"
            case (.device, 1): words = "my \(e.word) has a \(pick(e.adjectives)) \(pick(e.nouns))"
            case (.device, _): words = "a \(e.word) \(pick(e.verbs)) when the \(pick(e.nouns)) fails"
            }
            // English wants "an" before a vowel: "an iphone", "an elder king".
            var out = words.split(separator: " ").map(String.init)
            for i in out.indices.dropLast() where out[i] == "a" && "aeiou".contains(out[i + 1].first!) { out[i] = "an" }
            return out
        }
    }
}
