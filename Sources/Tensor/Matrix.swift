/// A dense matrix of `Double`, stored row-major.
///
/// This is the numeric toolkit that learners may `import Tensor` in their
/// solutions. It deliberately holds no algorithm that an exercise asks for
/// (no softmax, attention or normalisation): only shapes, arithmetic and
/// reductions.
///
/// `Matrix` encodes to and decodes from JSON as an array of rows, which is
/// how `CATALOG.md` writes every matrix.
public struct Matrix: Equatable, Hashable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// The entries, row after row: entry (r, c) is `storage[r * cols + c]`.
    public var storage: [Double]

    /// A matrix of the given shape filled with `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative, got \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = Array(repeating: value, count: rows * cols)
    }

    /// A matrix over existing row-major storage; throws when the count is wrong.
    public init(rows: Int, cols: Int, storage: [Double]) throws(ShapeError) {
        guard rows >= 0, cols >= 0, storage.count == rows * cols else {
            throw ShapeError("storage of \(storage.count) values does not fill a \(rows)×\(cols) matrix")
        }
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// A matrix from an array of rows; throws when the rows differ in length.
    ///
    /// An empty array gives a 0×0 matrix.
    public init(_ rowArrays: [[Double]]) throws(ShapeError) {
        let cols = rowArrays.first?.count ?? 0
        for (index, row) in rowArrays.enumerated() where row.count != cols {
            throw ShapeError("row \(index) has \(row.count) values but row 0 has \(cols)")
        }
        self.rows = rowArrays.count
        self.cols = cols
        // One allocation of the final size, then a block copy per row.
        var storage = [Double]()
        storage.reserveCapacity(rowArrays.count * cols)
        for row in rowArrays { storage.append(contentsOf: row) }
        self.storage = storage
    }

    /// A 1×n matrix holding one row vector.
    public init(row: [Double]) {
        self.rows = 1
        self.cols = row.count
        self.storage = row
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// The shape as `(rows, cols)`.
    @inlinable public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// Entry (r, c).
    @inlinable public subscript(r: Int, c: Int) -> Double {
        get {
            precondition(r >= 0 && r < rows && c >= 0 && c < cols, "index (\(r), \(c)) outside a \(rows)×\(cols) matrix")
            return storage[r * cols + c]
        }
        set {
            precondition(r >= 0 && r < rows && c >= 0 && c < cols, "index (\(r), \(c)) outside a \(rows)×\(cols) matrix")
            storage[r * cols + c] = newValue
        }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Double] {
        precondition(r >= 0 && r < rows, "row \(r) outside a matrix of \(rows) rows")
        return Array(storage[(r * cols)..<((r + 1) * cols)])
    }

    /// Column `c` as an array.
    public func column(_ c: Int) -> [Double] {
        precondition(c >= 0 && c < cols, "column \(c) outside a matrix of \(cols) columns")
        return (0..<rows).map { storage[$0 * cols + c] }
    }

    /// The rows as nested arrays.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// Rows `range` as a new matrix (row slicing).
    public func rows(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) outside a matrix of \(rows) rows")
        var m = Matrix(rows: range.count, cols: cols)
        m.storage = Array(storage[(range.lowerBound * cols)..<(range.upperBound * cols)])
        return m
    }

    /// Columns `range` as a new matrix.
    public func columns(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= cols, "columns \(range) outside a matrix of \(cols) columns")
        var m = Matrix(rows: rows, cols: range.count)
        for r in 0..<rows {
            for (j, c) in range.enumerated() { m.storage[r * range.count + j] = storage[r * cols + c] }
        }
        return m
    }
}

/// A shape mismatch, with a message that says which shapes disagreed.
public struct ShapeError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension Matrix: Codable {
    public init(from decoder: any Decoder) throws {
        let rowArrays = try [[Double]](from: decoder)
        do {
            try self.init(rowArrays)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a matrix: \(error.description)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try rowArrays.encode(to: encoder)
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        "Matrix \(rows)×\(cols) " + rowArrays.description
    }
}
