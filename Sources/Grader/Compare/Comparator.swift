/// Judges a learner's output against the reference (DESIGN.md "Comparison").
///
/// - integers, strings and booleans exactly;
/// - reals with `|a - b| <= atol + rtol·|b|` (b the expected value); a learner
///   integer is compared numerically when a real is expected, and a learner
///   real against an expected whole number uses the tolerance too (JSON
///   encoders write the real 3.0 as 3);
/// - shapes first (lengths, rows × columns, object fields);
/// - NaN only matches NaN (both travel as the string "NaN");
/// - `.custom` exercises hand the case to the spec's judge.
///
/// The result is nil for a match, otherwise one readable line: "first
/// difference at index 4: expected 5, got 3", "first differing cell [2][3]:
/// expected 0.5, got 0.49; largest absolute error 0.01 at [2][3]", "expected
/// 6 rows × 4 columns, got 6 × 3".
enum Comparator {
    static func judge(_ comparison: Comparison, input: JSONValue, expected: JSONValue, got: JSONValue) -> String? {
        switch comparison {
        case .standard(let rtol, let atol): return diff(expected, got, rtol: rtol, atol: atol)
        case .custom(let judge): return judge(input, expected, got)
        }
    }

    static func diff(_ expected: JSONValue, _ got: JSONValue, rtol: Double, atol: Double) -> String? {
        Walk(rtol: rtol, atol: atol).diff(expected, got, path: [])
    }

    private enum Step { case index(Int), field(String) }

    private struct Walk {
        var rtol: Double
        var atol: Double

        func place(_ path: [Step]) -> String {
            path.map { step in
                switch step {
                case .index(let i): "[\(i)]"
                case .field(let f): "." + f
                }
            }.joined()
        }

        /// "at index 4", "at [2][3]", "in field 'loss'", "in field 'input' at index 2".
        func whereText(_ path: [Step]) -> String {
            var parts: [String] = []
            var indices: [Int] = []
            func flush() {
                if indices.count == 1 { parts.append("at index \(indices[0])") }
                else if !indices.isEmpty { parts.append("at " + indices.map { "[\($0)]" }.joined()) }
                indices = []
            }
            for step in path {
                switch step {
                case .index(let i): indices.append(i)
                case .field(let f): flush(); parts.append("in field '\(f)'")
                }
            }
            flush()
            return parts.joined(separator: " ")
        }

        func show(_ v: JSONValue) -> String {
            let s = v.spacedText
            return s.count > 60 ? String(s.prefix(57)) + "…" : s
        }

        func number(_ v: JSONValue) -> Double? {
            switch v {
            case .int(let i): Double(i)
            case .double(let d): d
            case .string("NaN"): .nan
            case .string("Infinity"): .infinity
            case .string("-Infinity"): -.infinity
            default: nil
            }
        }

        func isReal(_ v: JSONValue) -> Bool {
            switch v {
            case .double: true
            case .string(let s): s == "NaN" || s == "Infinity" || s == "-Infinity"
            default: false
            }
        }

        /// Nil when the two scalars agree.
        func scalarsAgree(_ e: JSONValue, _ g: JSONValue) -> Bool {
            if isReal(e), let a = number(g), let b = number(e) {
                if b.isNaN || a.isNaN { return b.isNaN && a.isNaN }
                if b.isInfinite || a.isInfinite { return a == b }
                return abs(a - b) <= atol + rtol * abs(b)
            }
            if case .int(let b) = e {
                if case .int(let a) = g { return a == b }
                // A real answer where the reference printed a whole number: the
                // reference was a real too (Foundation's encoder writes 3.0 as 3),
                // so the tolerance applies. A learner's Int output is never a real.
                if case .double(let a) = g { return abs(a - Double(b)) <= atol + rtol * abs(Double(b)) }
                return false
            }
            return e == g
        }

        func isMatrix(_ rows: [JSONValue]) -> Bool {
            guard !rows.isEmpty else { return false }
            return rows.allSatisfy { row in
                guard case .array(let cells) = row else { return false }
                return cells.allSatisfy { number($0) != nil }
            }
        }

        func isScalar(_ v: JSONValue) -> Bool {
            switch v {
            case .array, .object: false
            default: true
            }
        }

        func diff(_ e: JSONValue, _ g: JSONValue, path: [Step]) -> String? {
            // Equal scalars are the common case on large outputs: decide them
            // before building any text or path.
            if isScalar(e), scalarsAgree(e, g) { return nil }
            let at = whereText(path)
            let prefix = at.isEmpty ? "" : at + ": "
            switch e {
            case .array(let es):
                guard case .array(let gs) = g else { return "\(prefix)expected an array, got \(g.kindName) \(show(g))" }
                if isMatrix(es), gs.allSatisfy({ if case .array = $0 { true } else { false } }) {
                    return matrixDiff(es, gs, path: path)
                }
                if es.count != gs.count {
                    return "\(prefix)expected \(es.count) value\(es.count == 1 ? "" : "s"), got \(gs.count)"
                }
                if let i = reorderedAt(es, gs) {
                    return "\(prefix)the right values in the wrong order: first difference at index \(i): expected \(show(es[i])), got \(show(gs[i]))"
                }
                for i in es.indices {
                    if isScalar(es[i]), scalarsAgree(es[i], gs[i]) { continue }
                    if let m = diff(es[i], gs[i], path: path + [.index(i)]) { return m }
                }
                return nil
            case .object(let pairs):
                guard case .object(let gotPairs) = g else { return "\(prefix)expected an object, got \(g.kindName)" }
                for (key, value) in pairs {
                    guard let other = gotPairs.first(where: { $0.0 == key })?.1 else {
                        return "\(prefix)missing field '\(key)'"
                    }
                    if let m = diff(value, other, path: path + [.field(key)]) { return m }
                }
                return nil
            default:
                if scalarsAgree(e, g) { return nil }
                let lead = path.isEmpty ? "" : (path.count == 1 && { if case .index = path[0] { return true }; return false }()
                    ? "first difference \(at): " : "\(at): ")
                return "\(lead)\(mismatch(e, g))"
            }
        }

        /// "expected 5, got 3"; for reals also how far apart they are, with
        /// enough digits that the two never print alike; an integer answer
        /// against a real one says which is which.
        func mismatch(_ e: JSONValue, _ g: JSONValue) -> String {
            guard let a = number(e), let b = number(g), a.isFinite, b.isFinite else {
                return "expected \(show(e)), got \(show(g))"
            }
            var se = show(e), sg = show(g)
            if se == sg || Double(se) == Double(sg) {
                se = String(format: "%.17g", a); sg = String(format: "%.17g", b)
            }
            let off = String(format: "%.3g", abs(a - b))
            if case .int = e, case .double = g {
                return "expected the integer \(se), got the real number \(sg) (off by \(off))"
            }
            if isReal(e) || isReal(g) { return "expected \(se), got \(sg) (off by \(off))" }
            return "expected \(se), got \(sg)"
        }

        /// The first index where two equally long lists of scalars differ, when
        /// they hold the same values in another order; nil otherwise.
        func reorderedAt(_ es: [JSONValue], _ gs: [JSONValue]) -> Int? {
            guard es.count > 1, es.allSatisfy(isScalar), gs.allSatisfy(isScalar),
                  let first = es.indices.first(where: { !scalarsAgree(es[$0], gs[$0]) }) else { return nil }
            var remaining = gs
            for v in es {
                // Quadratic, but only for short lists (long ones are rarely a permutation worth naming).
                guard es.count <= 2000, let j = remaining.firstIndex(where: { scalarsAgree(v, $0) }) else { return nil }
                remaining.remove(at: j)
            }
            return first
        }

        /// Shapes first, then the first differing cell and the largest absolute error.
        func matrixDiff(_ es: [JSONValue], _ gs: [JSONValue], path: [Step]) -> String? {
            let at = whereText(path)
            let prefix = at.isEmpty ? "" : at + ": "
            let cols = { (rows: [JSONValue]) -> [Int] in rows.map { if case .array(let c) = $0 { c.count } else { -1 } } }
            let ec = cols(es), gc = cols(gs)
            if ec != gc {
                let eShape = Set(ec).count == 1 ? "\(es.count) rows × \(ec[0]) columns" : "\(es.count) rows of lengths \(ec)"
                let gShape = Set(gc).count == 1 && !gc.isEmpty ? "\(gs.count) × \(gc[0])"
                    : gs.isEmpty ? "0 rows" : "\(gs.count) rows of lengths \(gc.map { $0 < 0 ? "?" : String($0) })"
                return "\(prefix)expected \(eShape), got \(gShape)"
            }
            var first: (Int, Int, JSONValue, JSONValue)?
            var worst: (Double, Int, Int)?
            for r in es.indices {
                guard case .array(let er) = es[r], case .array(let gr) = gs[r] else { continue }
                for c in er.indices {
                    let ok = scalarsAgree(er[c], gr[c])
                    if !ok, first == nil { first = (r, c, er[c], gr[c]) }
                    if let a = number(er[c]), let b = number(gr[c]) {
                        let err = (a.isNaN || b.isNaN) ? (a.isNaN && b.isNaN ? 0 : .infinity) : abs(a - b)
                        if !ok, worst == nil || err > worst!.0 || (err.isNaN) { worst = (err, r, c) }
                    } else if !ok {
                        return "\(prefix)at [\(r)][\(c)]: expected \(show(er[c])), got \(show(gr[c]))"
                    }
                }
            }
            guard let (r, c, e, g) = first else { return nil }
            var text = "\(prefix)first differing cell [\(r)][\(c)]: expected \(show(e)), got \(show(g))"
            // An error size only means something for reals; integer cells are just different.
            if let (err, wr, wc) = worst, isReal(e) || es.contains(where: { row in
                if case .array(let cells) = row { return cells.contains(where: isReal) }
                return false
            }) {
                text += "; largest absolute error \(JSONValue.double(err).spacedText) at [\(wr)][\(wc)]"
            }
            return text
        }
    }
}
