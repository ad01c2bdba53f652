import Foundation
import Testing
@testable import Lessons

/// Renders every fixture at widths 40 and 60 without colour and compares with
/// `Fixtures/<name>.w<width>.golden.txt`. Run with `LECTERN_UPDATE_GOLDEN=1` to
/// regenerate, then read the files by eye before committing.
@Suite struct GoldenTests {
    @Test(arguments: [40, 60])
    func fixturesMatchGoldenFiles(width: Int) throws {
        #expect(!Fixtures.names.isEmpty)
        for name in Fixtures.names {
            let lesson = try Fixtures.lesson(name)
            let rendered = PlainRenderer.render(lesson, width: width, color: false).joined(separator: "\n") + "\n"
            let url = Fixtures.goldenURL(name, width: width)
            if Fixtures.updating {
                try rendered.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(rendered == expected, "\(name) at width \(width) differs from \(url.lastPathComponent)")
        }
    }

    @Test func noLineExceedsTheWidth() throws {
        for name in Fixtures.names {
            let lesson = try Fixtures.lesson(name)
            for width in 20...100 {
                for color in [false, true] {
                    let lines = PlainRenderer(width: width, color: color).lines(lesson)
                    for line in lines where line.width > width {
                        Issue.record("\(name) at width \(width) (color \(color)): \(line.width) columns: \(line.text)")
                    }
                }
            }
        }
    }

    @Test func plainOutputHasNoEscapeCodes() throws {
        for name in Fixtures.names {
            let text = PlainRenderer.render(try Fixtures.lesson(name), width: 60, color: false).joined()
            #expect(!text.contains("\u{1B}"), "\(name)")
        }
    }
}
