/// A built-in visualisation named by a lesson's ```` ```demo NAME ```` block.
///
/// The Engine computes; a demo only keeps state and draws it. The full-screen
/// app animates a demo (space pauses, → steps); `lectern demo NAME` prints its
/// frames as text. Both draw through `draw(into:area:)`, so what a student sees
/// in the app and on stdout is the same picture.
public protocol Demo {
    /// The name used in ```` ```demo NAME ```` and `lectern demo NAME`.
    static var name: String { get }
    /// One line for `lectern demo --list` and the app.
    static var summary: String { get }
    /// Its parameters, declared once: name, type, default, range, meaning.
    /// `DemoArguments` parses values against them; help and `lectern
    /// validate` read them.
    static var parameters: [DemoParameter] { get }

    /// Builds the demo; bad parameters throw a message naming the parameter.
    init(parameters: [String: String]) throws(DemoError)

    /// Moves one step forward; returns false when there is nothing more to show.
    mutating func step() -> Bool

    /// Draws the current state into `area` of `buffer`.
    func draw(into buffer: inout CellBuffer, area: Rect)

    /// The height the demo would like at a given width (the CLI uses it).
    func preferredHeight(width: Int) -> Int
}

extension Demo {
    /// Name, default and meaning of each parameter, for help text.
    public static var parameterHelp: [(name: String, defaultValue: String, meaning: String)] {
        parameters.map { ($0.name, $0.defaultValue, $0.help) }
    }

    /// `values` checked against `parameters` (unknown names, types, ranges).
    public static func arguments(_ values: [String: String]) throws(DemoError) -> DemoArguments {
        try DemoArguments(values, demo: name, declared: parameters)
    }

    /// The current state drawn alone into a buffer `width` wide and as tall
    /// as the demo likes: what `lectern demo` prints and the tests read.
    public func frame(width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: max(1, preferredHeight(width: width)))
        draw(into: &buffer, area: buffer.bounds)
        return buffer
    }
}

/// A demo parameter that could not be used.
public struct DemoError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Every built-in demo, by name.
public enum DemoCatalog {
    nonisolated(unsafe) public static let all: [any Demo.Type] = [
        SlidingWindowDemo.self,
        Word2VecDemo.self,
        TokenizationDemo.self,
        CharRNNDemo.self,
        RNNGradientsDemo.self,
        DiffusionDemo.self,
    ]

    public static func type(named name: String) -> (any Demo.Type)? {
        all.first { $0.name == name }
    }
}
