import Testing
@testable import TUI

/// The keymap is the single source of keys: no key is bound twice in one
/// context, every footer entry's key does what the footer says, and the help
/// lists every action a reader can take.
@Suite struct KeymapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: KeyAction] = [:]
            for b in Keymap.bindings where b.contexts.contains(context) {
                for key in b.keys {
                    if let earlier = seen[key], earlier != b.action {
                        Issue.record("\(key) in \(context): \(earlier) and \(b.action)")
                    }
                    seen[key] = b.action
                }
            }
        }
    }

    @Test func helpCoversEveryReadingAction() {
        let reading = Set(Keymap.bindings.filter { !$0.contexts.isDisjoint(with: [.outline, .lesson]) }.map(\.action))
        let helped = Set(Keymap.bindings.filter { $0.help != nil }.map(\.action))
        // Each reading action is either described itself or part of a described row
        // (↑/↓ describes up and down, g / G top and bottom, / n N the search keys).
        let coveredByRows: [KeyAction: KeyAction] = [.up: .down, .bottom: .top, .pageUp: .pageDown,
                                                     .nextMatch: .search, .previousMatch: .search, .back: .back, .open: .open]
        for action in reading where !helped.contains(action) {
            #expect(coveredByRows[action].map(helped.contains) == true, "\(action) is not in the help")
        }
        #expect(Keymap.helpLines.count >= 14)
    }

    /// A footer entry names a key (its first word); that key, in that
    /// context, performs the binding's action.
    @Test func footersNameKeysThatWork() {
        let spelled: [String: Key] = ["Enter": .enter, "Esc": .escape, "Tab": .tab, "space": .char(" "), "→": .right, "↑↓": .down]
        for b in Keymap.bindings {
            for (context, text) in b.footer {
                let word = String(text.split(separator: " ").first ?? "")
                let key = spelled[word] ?? (word.count == 1 ? Key.char(word.first!) : nil)
                guard let key else { Issue.record("cannot read the key of footer '\(text)'"); continue }
                let action = Keymap.action(for: key, in: context)
                #expect(action != nil, "footer '\(text)' in \(context) names a key that does nothing")
                if b.action != .down { #expect(action == b.action, "footer '\(text)' in \(context): \(String(describing: action))") }
            }
        }
        #expect(Keymap.footer(.outline) == "↑↓ move · Enter open · Tab pane · L language · ? help · q quit")
    }

    /// The help overlay draws the keymap's rows.
    @Test func helpOverlayShowsTheTable() {
        var model = AppFixtures.model()
        model.overlay = .help
        let screen = render(model).screen
        for line in Keymap.helpLines.prefix(6) { #expect(screen.contains(line.keys), "\(line.keys)") }
    }
}
