import Engine
import Tensor

/// The grader bindings of this lesson's exercises (see CATALOG.md, section 11).
///
/// Boxes are rows of four numbers with positive width and height.
/// `hungarian` and `match` have several right answers when costs tie, so
/// they are judged by validity and by total cost against the reference's.
enum DETRExercises {
    static let all: [ExerciseSpec] = [boxConvert, iou, giou, hungarian, match, setLoss]

    // MARK: case types (property names are the catalog's field names)

    struct ConvertCase: Codable, Sendable, Equatable { var boxes: [[Double]]; var from: String; var to: String }
    struct PairCase: Codable, Sendable, Equatable { var a: [[Double]]; var b: [[Double]] }
    struct CostCase: Codable, Sendable, Equatable { var cost: [[Double]] }
    struct MatchCase: Codable, Sendable, Equatable {
        var logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]]
        var costClass: Double, costBbox: Double, costGiou: Double
    }
    struct LossCase: Codable, Sendable, Equatable {
        var logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]]
        var matching: [[Int]]
        var eosCoef: Double
    }

    static let setLossType = LearnerType.declaration(of: DETR.SetLoss(ce: 0, l1: 0, giou: 0))

    static let boxParameters: [Signature.Parameter] = [
        .init("logits", "[[Double]]"), .init("boxes", "[[Double]]"), .init("labels", "[Int]"), .init("targets", "[[Double]]"),
    ]

    // MARK: specs

    static let boxConvert = ExerciseSpec.define(
        id: "detr/box-convert",
        signature: Signature(function: "boxConvert",
                             parameters: [.init("boxes", "[[Double]]"), .init("from", "String"), .init("to", "String")],
                             returns: "[[Double]]"),
        input: ConvertCase.self,
        validate: { c in
            for (field, name) in [("from", c.from), ("to", c.to)] where DETR.BoxFormat(rawValue: name) == nil {
                return CaseProblem(field: field, message: "must be \"xyxy\" or \"cxcywh\", got \"\(name)\"")
            }
            return validateBoxes(c.boxes, "boxes", format: DETR.BoxFormat(rawValue: c.from) ?? .xyxy)
        },
        reference: { c in DETR.convert(c.boxes, from: DETR.BoxFormat(rawValue: c.from)!, to: DETR.BoxFormat(rawValue: c.to)!) },
        generate: { rng in convertGroups(&rng) },
        shrink: { c in shrinkRows(c.boxes).map { ConvertCase(boxes: $0, from: c.from, to: c.to) } })

    static let iou = ExerciseSpec.define(
        id: "detr/iou",
        signature: Signature(function: "boxIoU", parameters: [.init("a", "[[Double]]"), .init("b", "[[Double]]")],
                             returns: "[[Double]]"),
        input: PairCase.self,
        validate: { c in validateBoxes(c.a, "a", format: .xyxy) ?? validateBoxes(c.b, "b", format: .xyxy) },
        reference: { c in DETR.iouMatrix(c.a, c.b) },
        generate: { rng in pairGroups(&rng, lessonA: [[0, 0, 2, 2]], lessonB: [[1, 1, 3, 3], [0, 0, 2, 2], [4, 0, 5, 1]]) },
        shrink: { shrinkPair($0) })

    static let giou = ExerciseSpec.define(
        id: "detr/giou",
        signature: Signature(function: "boxGIoU", parameters: [.init("a", "[[Double]]"), .init("b", "[[Double]]")],
                             returns: "[[Double]]"),
        input: PairCase.self,
        validate: { c in validateBoxes(c.a, "a", format: .xyxy) ?? validateBoxes(c.b, "b", format: .xyxy) },
        reference: { c in DETR.giouMatrix(c.a, c.b) },
        generate: { rng in pairGroups(&rng, lessonA: [[0, 0, 1, 1]], lessonB: [[2, 0, 3, 1], [0, 0, 1, 1], [0.5, 0, 1.5, 1]]) },
        shrink: { shrinkPair($0) })

    static let hungarian = ExerciseSpec.define(
        id: "detr/hungarian",
        signature: Signature(function: "hungarian", parameters: [.init("cost", "[[Double]]")], returns: "[[Int]]"),
        input: CostCase.self,
        validate: { c in validateCost(c.cost) },
        reference: { c in DETR.hungarian(c.cost) },
        generate: { rng in hungarianGroups(&rng) },
        shrink: { c in shrinkCost(c.cost).map(CostCase.init) },
        comparison: .custom { input, _, got in
            guard let c = try? input.decode(CostCase.self) else { return "the case could not be read" }
            return judgeAssignment(cost: c.cost, got: got, rowName: "row", columnName: "column")
        },
        performance: PerformanceSpec(
            // 400×400: the O(n³) search takes milliseconds; brute force over
            // n! permutations never ends and is stopped by the time limit.
            cases: { rng in [encodeCost(randomCost(&rng, rows: 400, cols: 400))] },
            ladder: { rng in [50, 100, 200, 400].map { n in (n: n, input: encodeCost(randomCost(&rng, rows: n, cols: n))) } },
            slack: 10, sizeName: "n"),
        // The ladder of a hopeless solution is cut after a few seconds, not the default 15.
        limits: LimitOverrides(cpuSeconds: 6, wallSeconds: 8))

    static let match = ExerciseSpec.define(
        id: "detr/match",
        signature: Signature(function: "detrMatch",
                             parameters: boxParameters + [.init("costClass", "Double"), .init("costBbox", "Double"),
                                                          .init("costGiou", "Double")],
                             returns: "[[Int]]"),
        input: MatchCase.self,
        validate: { c in
            if let p = validatePrediction(logits: c.logits, boxes: c.boxes, labels: c.labels, targets: c.targets) { return p }
            for (field, v) in [("costClass", c.costClass), ("costBbox", c.costBbox), ("costGiou", c.costGiou)]
            where !v.isFinite || abs(v) > 1e6 {
                return CaseProblem(field: field, message: "must be a finite number at most 1e6 in size, got \(v)")
            }
            return nil
        },
        reference: { c in
            DETR.match(logits: c.logits, boxes: c.boxes, labels: c.labels, targets: c.targets,
                       costClass: c.costClass, costBbox: c.costBbox, costGiou: c.costGiou)
        },
        generate: { rng in matchGroups(&rng) },
        shrink: { shrinkMatch($0) },
        comparison: .custom { input, _, got in
            guard let c = try? input.decode(MatchCase.self) else { return "the case could not be read" }
            let cost = DETR.matchingCost(logits: c.logits, boxes: c.boxes, labels: c.labels, targets: c.targets,
                                         costClass: c.costClass, costBbox: c.costBbox, costGiou: c.costGiou)
            return judgeAssignment(cost: c.targets.isEmpty ? [] : cost, got: got, rowName: "query", columnName: "target")
        })

    static let setLoss = ExerciseSpec.define(
        id: "detr/set-loss",
        signature: Signature(function: "setLoss",
                             parameters: boxParameters + [.init("matching", "[[Int]]"), .init("eosCoef", "Double")],
                             returns: "SetLoss", supportTypes: setLossType),
        input: LossCase.self,
        validate: { c in
            if let p = validatePrediction(logits: c.logits, boxes: c.boxes, labels: c.labels, targets: c.targets) { return p }
            if let p = validateMatching(c.matching, queries: c.logits.count, targets: c.targets.count) { return p }
            if !c.eosCoef.isFinite || c.eosCoef <= 0 || c.eosCoef > 1000 {
                return CaseProblem(field: "eosCoef", message: "must be a weight in (0, 1000], got \(c.eosCoef)")
            }
            return nil
        },
        reference: { c in
            DETR.setLoss(logits: c.logits, boxes: c.boxes, labels: c.labels, targets: c.targets,
                         matching: c.matching, eosCoef: c.eosCoef)
        },
        generate: { rng in lossGroups(&rng) },
        shrink: { shrinkLoss($0) })

    // MARK: validation

    /// n×4 finite boxes with positive width and height in `format`.
    static func validateBoxes(_ boxes: [[Double]], _ field: String, format: DETR.BoxFormat) -> CaseProblem? {
        if boxes.count > 2000 { return CaseProblem(field: field, message: "at most 2000 boxes, got \(boxes.count)") }
        for (i, b) in boxes.enumerated() {
            if b.count != 4 {
                let spelled = format == .xyxy ? "[x0, y0, x1, y1]" : "[cx, cy, w, h]"
                return CaseProblem(field: "\(field)[\(i)]", message: "must be a box \(spelled) of 4 numbers, got \(b.count)")
            }
            if let k = b.firstIndex(where: { !$0.isFinite || abs($0) > 1e6 }) {
                return CaseProblem(field: "\(field)[\(i)][\(k)]", message: "must be finite and at most 1e6 in size")
            }
            switch format {
            case .xyxy where !(b[2] > b[0] && b[3] > b[1]):
                return CaseProblem(field: "\(field)[\(i)]", message: "must have x1 > x0 and y1 > y0 (positive area, xyxy), got \(b)")
            case .cxcywh where !(b[2] > 0 && b[3] > 0):
                return CaseProblem(field: "\(field)[\(i)]", message: "must have w > 0 and h > 0 (positive area, cxcywh), got \(b)")
            default: break
            }
        }
        return nil
    }

    static func validateCost(_ cost: [[Double]]) -> CaseProblem? {
        let cols = cost.first?.count ?? 0
        if cost.count > 2000 || cols > 2000 {
            return CaseProblem(field: "cost", message: "at most 2000×2000, got \(cost.count)×\(cols)")
        }
        for (r, row) in cost.enumerated() {
            if row.count != cols {
                return CaseProblem(field: "cost[\(r)]", message: "must have \(cols) values like cost[0] (the matrix is n×m), got \(row.count)")
            }
            if let k = row.firstIndex(where: { !$0.isFinite || abs($0) > 1e12 }) {
                return CaseProblem(field: "cost[\(r)][\(k)]", message: "must be finite and at most 1e12 in size, got \(row[k])")
            }
        }
        return nil
    }

    /// Q >= 1 queries with Q×(C+1) logits (C >= 1), Q×4 cxcywh boxes, T labels in 0..<C, T×4 targets.
    static func validatePrediction(logits: [[Double]], boxes: [[Double]], labels: [Int], targets: [[Double]]) -> CaseProblem? {
        let q = logits.count, width = logits.first?.count ?? 0
        if q == 0 { return CaseProblem(field: "logits", message: "must have at least one query (Q >= 1)") }
        if width < 2 { return CaseProblem(field: "logits[0]", message: "must have C + 1 >= 2 scores (C classes and no-object), got \(width)") }
        for (i, row) in logits.enumerated() {
            if row.count != width {
                return CaseProblem(field: "logits[\(i)]", message: "must have C + 1 = \(width) scores like logits[0], got \(row.count)")
            }
            if let k = row.firstIndex(where: { !$0.isFinite || abs($0) > 1e4 }) {
                return CaseProblem(field: "logits[\(i)][\(k)]", message: "must be finite and at most 1e4 in size")
            }
        }
        if boxes.count != q { return CaseProblem(field: "boxes", message: "must have one box per query (Q = \(q)), got \(boxes.count)") }
        if let p = validateBoxes(boxes, "boxes", format: .cxcywh) { return p }
        if labels.count != targets.count {
            return CaseProblem(field: "labels", message: "must have one label per target (T = \(targets.count)), got \(labels.count)")
        }
        if let k = labels.firstIndex(where: { $0 < 0 || $0 >= width - 1 }) {
            return CaseProblem(field: "labels[\(k)]", message: "must be a class in 0..<C = 0..<\(width - 1) (C is no-object), got \(labels[k])")
        }
        return validateBoxes(targets, "targets", format: .cxcywh)
    }

    static func validateMatching(_ matching: [[Int]], queries: Int, targets: Int) -> CaseProblem? {
        var seenQ = Set<Int>(), seenT = Set<Int>()
        for (k, pair) in matching.enumerated() {
            if pair.count != 2 { return CaseProblem(field: "matching[\(k)]", message: "must be a pair [query, target]") }
            if pair[0] < 0 || pair[0] >= queries {
                return CaseProblem(field: "matching[\(k)][0]", message: "must be a query in 0..<Q = 0..<\(queries), got \(pair[0])")
            }
            if pair[1] < 0 || pair[1] >= targets {
                return CaseProblem(field: "matching[\(k)][1]", message: "must be a target in 0..<T = 0..<\(targets), got \(pair[1])")
            }
            if !seenQ.insert(pair[0]).inserted { return CaseProblem(field: "matching[\(k)][0]", message: "query \(pair[0]) is matched twice") }
            if !seenT.insert(pair[1]).inserted { return CaseProblem(field: "matching[\(k)][1]", message: "target \(pair[1]) is matched twice") }
        }
        return nil
    }

    // MARK: comparison

    /// Nil when `got` is a one-to-one assignment of min(n, m) pairs, rows
    /// ascending, whose total equals the optimum (up to rounding).
    static func judgeAssignment(cost: [[Double]], got: JSONValue, rowName: String, columnName: String) -> String? {
        let n = cost.count, m = cost.first?.count ?? 0
        guard let pairs = try? got.decode([[Int]].self) else { return "expected an array of [\(rowName), \(columnName)] pairs, got \(got.kindName)" }
        let want = min(n, m)
        if pairs.count != want {
            return "expected \(want) pairs (min(\(n), \(m))), got \(pairs.count)"
        }
        var rowAt: [Int: Int] = [:], columnAt: [Int: Int] = [:]
        for (k, p) in pairs.enumerated() {
            guard p.count == 2 else { return "pair \(k) is not [\(rowName), \(columnName)]: \(p)" }
            if p[0] < 0 || p[0] >= n { return "pair \(k): \(rowName) \(p[0]) is outside 0..<\(n)" }
            if p[1] < 0 || p[1] >= m { return "pair \(k): \(columnName) \(p[1]) is outside 0..<\(m)" }
            if let first = rowAt[p[0]] { return "\(rowName) \(p[0]) is used twice (pairs \(first) and \(k))" }
            if let first = columnAt[p[1]] { return "\(columnName) \(p[1]) is used twice (pairs \(first) and \(k))" }
            rowAt[p[0]] = k; columnAt[p[1]] = k
            if k > 0 && pairs[k - 1][0] > p[0] {
                return "pairs must be in ascending \(rowName) order: pair \(k) has \(rowName) \(p[0]) after \(pairs[k - 1][0])"
            }
        }
        guard want > 0 else { return nil }
        let optimal = DETR.assignmentCost(cost, DETR.hungarian(cost))
        let total = DETR.assignmentCost(cost, pairs)
        let scale = pairs.reduce(0.0) { $0 + abs(cost[$1[0]][$1[1]]) } + abs(optimal)
        if total > optimal + 1e-9 * (1 + scale) {
            return "total cost \(JSONValue.double(total).spacedText), optimal \(JSONValue.double(optimal).spacedText)"
        }
        return nil
    }

    // MARK: cases

    static func round(_ v: Double, _ digits: Double = 1000) -> Double { (v * digits).rounded() / digits }

    /// A box in cxcywh inside the unit square, the way DETR normalises them.
    static func randomCenterBox(_ rng: inout SeededRandom) -> [Double] {
        let w = round(rng.uniform(0.05, 0.5)), h = round(rng.uniform(0.05, 0.5))
        return [round(rng.uniform(w / 2, 1 - w / 2)), round(rng.uniform(h / 2, 1 - h / 2)), w, h]
    }

    static func randomCornerBox(_ rng: inout SeededRandom, scale: Double) -> [Double] {
        let x0 = round(rng.uniform(0, scale)), y0 = round(rng.uniform(0, scale))
        return [x0, y0, round(x0 + rng.uniform(0.01, scale / 2)) + 0.001, round(y0 + rng.uniform(0.01, scale / 2)) + 0.001]
    }

    static func convertGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<ConvertCase>] {
        let examples = [
            ConvertCase(boxes: [[2, 1, 6, 4]], from: "xyxy", to: "cxcywh"),
            ConvertCase(boxes: [[4, 2.5, 4, 3]], from: "cxcywh", to: "xyxy"),
        ]
        let edges = [
            ConvertCase(boxes: [], from: "xyxy", to: "cxcywh"),
            ConvertCase(boxes: [[0.5, 0.5, 1, 1]], from: "cxcywh", to: "cxcywh"),        // same format: unchanged
            ConvertCase(boxes: [[-3, -2, -1, 5]], from: "xyxy", to: "cxcywh"),           // negative coordinates
            ConvertCase(boxes: [[0.5, 0.5, 1e-3, 1e-3], [0, 0, 1000, 2]], from: "cxcywh", to: "xyxy"),
        ]
        var hidden: [ConvertCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 1...(index < 30 ? 5 : 50))
            if index % 2 == 0 {
                hidden.append(ConvertCase(boxes: (0..<n).map { _ in randomCenterBox(&rng) }, from: "cxcywh", to: "xyxy"))
            } else {
                hidden.append(ConvertCase(boxes: (0..<n).map { _ in randomCornerBox(&rng, scale: 100) }, from: "xyxy", to: "cxcywh"))
            }
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func pairGroups(_ rng: inout SeededRandom, lessonA: [[Double]], lessonB: [[Double]]) -> [TypedCaseGroup<PairCase>] {
        let examples = [PairCase(a: lessonA, b: lessonB)]
        let edges = [
            PairCase(a: [[0, 0, 1, 1]], b: [[0, 0, 1, 1]]),                    // identical
            PairCase(a: [[0, 0, 4, 4]], b: [[1, 1, 2, 2]]),                    // one inside the other
            PairCase(a: [[0, 0, 1, 1]], b: [[1, 0, 2, 1]]),                    // touching edges
            PairCase(a: [[0, 0, 1, 1]], b: [[10, 10, 11, 11], [3, 0, 4, 1]]),  // far apart
            PairCase(a: [[0, 0, 2, 1]], b: [[1, -1, 3, 0.5]]),
            PairCase(a: [], b: [[0, 0, 1, 1]]),                                // no boxes on one side
        ]
        var hidden: [PairCase] = []
        for index in 0..<40 {
            let n = rng.int(in: 1...(index < 30 ? 4 : 20)), m = rng.int(in: 1...(index < 30 ? 4 : 20))
            let scale = index % 3 == 0 ? 1.0 : 10.0
            hidden.append(PairCase(a: (0..<n).map { _ in randomCornerBox(&rng, scale: scale) },
                                   b: (0..<m).map { _ in randomCornerBox(&rng, scale: scale) }))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomCost(_ rng: inout SeededRandom, rows: Int, cols: Int, range: ClosedRange<Int> = 0...9999) -> [[Double]] {
        (0..<rows).map { _ in (0..<cols).map { _ in Double(rng.int(in: range)) / 100 } }
    }

    /// The lesson's 3×3 example.
    static let lessonCost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]

    static func hungarianGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<CostCase>] {
        let examples = [
            CostCase(cost: lessonCost),
            CostCase(cost: [[1, 2], [2, 4]]),                          // greedy takes the 1 and pays 5; optimal is 4
            CostCase(cost: [[7, 3, 9, 1], [2, 8, 6, 4]]),              // more columns than rows
        ]
        let edges = [
            CostCase(cost: []),
            CostCase(cost: [[5]]),
            CostCase(cost: [[3], [1], [2]]),                           // one column: the cheapest row
            CostCase(cost: [[1, 1, 1], [1, 1, 1], [1, 1, 1]]),         // every matching is optimal
            CostCase(cost: [[-5, 2], [3, -10]]),                       // negative costs
            CostCase(cost: [[1e9, 1], [1, 1e9]]),                      // large costs
            CostCase(cost: [[0, 0, 0], [0, 0, 0]]),
            CostCase(cost: [[10, 19, 8, 15], [10, 18, 7, 17], [13, 16, 9, 14], [12, 19, 8, 18]]),
        ]
        var hidden: [CostCase] = []
        for index in 0..<50 {
            let n = rng.int(in: 1...8), m = rng.int(in: 1...8)
            let range = switch index % 5 { case 0: 0...3; case 1: -500...500; default: 0...9999 }   // ties, negatives, plain
            hidden.append(CostCase(cost: randomCost(&rng, rows: n, cols: m, range: range)))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func randomLogits(_ rng: inout SeededRandom, queries: Int, classes: Int) -> [[Double]] {
        (0..<queries).map { _ in (0..<(classes + 1)).map { _ in round(rng.normal(std: 2), 100) } }
    }

    /// The lesson's example: two queries, one object of class 0.
    static let lessonMatch = MatchCase(
        logits: [[2, 0, 0], [0, 0, 2]], boxes: [[0.3, 0.3, 0.2, 0.2], [0.7, 0.7, 0.2, 0.2]],
        labels: [0], targets: [[0.32, 0.3, 0.2, 0.2]], costClass: 1, costBbox: 5, costGiou: 2)

    static func randomMatch(_ rng: inout SeededRandom, queries: Int, classes: Int, targets: Int) -> MatchCase {
        let detrWeights = rng.uniform() < 0.6
        return MatchCase(
            logits: randomLogits(&rng, queries: queries, classes: classes),
            boxes: (0..<queries).map { _ in randomCenterBox(&rng) },
            labels: (0..<targets).map { _ in rng.int(in: 0..<classes) },
            targets: (0..<targets).map { _ in randomCenterBox(&rng) },
            costClass: detrWeights ? 1 : round(rng.uniform(0, 3), 10),
            costBbox: detrWeights ? 5 : round(rng.uniform(0, 6), 10),
            costGiou: detrWeights ? 2 : round(rng.uniform(0, 3), 10))
    }

    static func matchGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<MatchCase>] {
        var noTargets = lessonMatch
        noTargets.labels = []; noTargets.targets = []
        var moreTargets = lessonMatch                          // T > Q: one target stays unmatched
        moreTargets.labels = [0, 1, 1]
        moreTargets.targets = [[0.32, 0.3, 0.2, 0.2], [0.7, 0.72, 0.2, 0.2], [0.5, 0.5, 0.9, 0.9]]
        var classOnly = lessonMatch
        classOnly.costBbox = 0; classOnly.costGiou = 0
        let examples = [lessonMatch, moreTargets]
        let edges = [noTargets, classOnly,
                     MatchCase(logits: [[0, 0]], boxes: [[0.5, 0.5, 1, 1]], labels: [0], targets: [[0.5, 0.5, 1, 1]],
                               costClass: 1, costBbox: 5, costGiou: 2)]
        var hidden: [MatchCase] = []
        for index in 0..<40 {
            let q = rng.int(in: 1...(index < 30 ? 6 : 20)), classes = rng.int(in: 1...4)
            let t = index % 7 == 0 ? q + rng.int(in: 1...2) : rng.int(in: 0...q)
            hidden.append(randomMatch(&rng, queries: q, classes: classes, targets: t))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    static func loss(_ m: MatchCase, matching: [[Int]], eosCoef: Double) -> LossCase {
        LossCase(logits: m.logits, boxes: m.boxes, labels: m.labels, targets: m.targets, matching: matching, eosCoef: eosCoef)
    }

    static func lossGroups(_ rng: inout SeededRandom) -> [TypedCaseGroup<LossCase>] {
        let examples = [
            loss(lessonMatch, matching: [[0, 0]], eosCoef: 0.1),
            loss(lessonMatch, matching: [[1, 0]], eosCoef: 0.1),          // the wrong query matched: higher loss
        ]
        var noTargets = lessonMatch
        noTargets.labels = []; noTargets.targets = []
        let edges = [
            loss(noTargets, matching: [], eosCoef: 0.1),                 // T = 0: only no-object terms, boxes 0
            loss(lessonMatch, matching: [[0, 0]], eosCoef: 1),           // no down-weighting
            loss(lessonMatch, matching: [], eosCoef: 0.1),               // a target left unmatched
            loss(MatchCase(logits: [[1000, -1000, 0]], boxes: [[0.5, 0.5, 0.2, 0.2]], labels: [1],
                           targets: [[0.5, 0.5, 0.2, 0.2]], costClass: 1, costBbox: 5, costGiou: 2),
                 matching: [[0, 0]], eosCoef: 0.1),                      // huge logits: needs a stable log-softmax
        ]
        var hidden: [LossCase] = []
        for index in 0..<40 {
            let q = rng.int(in: 1...(index < 30 ? 6 : 30)), classes = rng.int(in: 1...4)
            let m = randomMatch(&rng, queries: q, classes: classes, targets: rng.int(in: 0...q))
            var matching = DETR.match(logits: m.logits, boxes: m.boxes, labels: m.labels, targets: m.targets,
                                      costClass: m.costClass, costBbox: m.costBbox, costGiou: m.costGiou)
            if index % 5 == 0 && !matching.isEmpty { matching.removeLast() }    // partial matchings are allowed
            hidden.append(loss(m, matching: matching, eosCoef: index % 4 == 0 ? round(rng.uniform(0.05, 1), 100) : 0.1))
        }
        return [TypedCaseGroup(.example, examples), TypedCaseGroup(.edge, edges), TypedCaseGroup(.hidden, hidden)]
    }

    // MARK: shrinking

    static func shrinkRows(_ rows: [[Double]]) -> [[[Double]]] {
        var out: [[[Double]]] = []
        if rows.count >= 2 { out.append(Array(rows.prefix(rows.count / 2))); out.append(Array(rows.dropLast())) }
        for i in rows.indices.prefix(6) where rows.count > 1 { var r = rows; r.remove(at: i); if !out.contains(r) { out.append(r) } }
        return out
    }

    static func shrinkPair(_ c: PairCase) -> [PairCase] {
        shrinkRows(c.a).filter { !$0.isEmpty }.map { PairCase(a: $0, b: c.b) }
            + shrinkRows(c.b).filter { !$0.isEmpty }.map { PairCase(a: c.a, b: $0) }
    }

    static func shrinkCost(_ cost: [[Double]]) -> [[[Double]]] {
        var out: [[[Double]]] = []
        let n = cost.count, m = cost.first?.count ?? 0
        for i in 0..<min(n, 8) where n > 1 { var c = cost; c.remove(at: i); out.append(c) }
        for j in 0..<min(m, 8) where m > 1 { out.append(cost.map { row in var r = row; r.remove(at: j); return r }) }
        return out
    }

    static func shrinkMatch(_ c: MatchCase) -> [MatchCase] {
        var out: [MatchCase] = []
        for t in c.targets.indices.prefix(6) {
            var v = c; v.targets.remove(at: t); v.labels.remove(at: t); out.append(v)
        }
        for q in c.boxes.indices.prefix(6) where c.boxes.count > 1 {
            var v = c; v.boxes.remove(at: q); v.logits.remove(at: q); out.append(v)
        }
        return out
    }

    static func shrinkLoss(_ c: LossCase) -> [LossCase] {
        var out: [LossCase] = []
        if !c.matching.isEmpty { var v = c; v.matching.removeLast(); out.append(v) }
        // Drop an unmatched query (indices above it shift down).
        let matched = Set(c.matching.map { $0[0] })
        if let q = c.logits.indices.last(where: { !matched.contains($0) }), c.logits.count > 1 {
            var v = c
            v.logits.remove(at: q); v.boxes.remove(at: q)
            v.matching = c.matching.map { [$0[0] > q ? $0[0] - 1 : $0[0], $0[1]] }
            out.append(v)
        }
        return out
    }

    // Performance cases are built as JSON directly.
    static func encodeCost(_ cost: [[Double]]) -> JSONValue {
        .object([("cost", .array(cost.map { .array($0.map(JSONValue.double)) }))])
    }
}
