/// Matrix products, transposes and element-wise operations.
extension Matrix {
    /// The matrix product `self · other`.
    ///
    /// Uses the i-k-j loop order so the inner loop walks both `other` and the
    /// result along a row: contiguous memory, which the compiler vectorises.
    /// - Complexity: O(rows · cols · other.cols)
    public func matmul(_ other: Matrix) -> Matrix {
        precondition(cols == other.rows, "matmul shape mismatch: \(rows)×\(cols) · \(other.rows)×\(other.cols)")
        var out = Matrix(rows: rows, cols: other.cols)
        let n = other.cols
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                out.storage.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        for k in 0..<cols {
                            let aik = a[i * cols + k]
                            if aik == 0 { continue }
                            let bRow = k * n, cRow = i * n
                            for j in 0..<n { c[cRow + j] += aik * b[bRow + j] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The transpose.
    public var transposed: Matrix {
        var out = Matrix(rows: cols, cols: rows)
        for r in 0..<rows {
            for c in 0..<cols { out.storage[c * rows + r] = storage[r * cols + c] }
        }
        return out
    }

    /// A matrix of the same shape with `transform` applied to every entry.
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        var out = self
        out.storage = try storage.map(transform)
        return out
    }

    /// Combines two matrices of the same shape entry by entry.
    public func zip(_ other: Matrix, _ combine: (Double, Double) throws -> Double) rethrows -> Matrix {
        precondition(rows == other.rows && cols == other.cols,
                     "element-wise shape mismatch: \(rows)×\(cols) vs \(other.rows)×\(other.cols)")
        var out = self
        for i in storage.indices { out.storage[i] = try combine(storage[i], other.storage[i]) }
        return out
    }

    /// Adds a row vector to every row (broadcasting, as `x·W + b`).
    public func addingRow(_ vector: [Double]) -> Matrix {
        precondition(vector.count == cols, "row vector of \(vector.count) values added to \(cols) columns")
        var out = self
        for r in 0..<rows {
            for c in 0..<cols { out.storage[r * cols + c] += vector[c] }
        }
        return out
    }

    /// Multiplies every entry by `scalar`.
    public func scaled(by scalar: Double) -> Matrix { map { $0 * scalar } }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, +) }
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, -) }
    /// Element-wise (Hadamard) product, ⊙.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, *) }
    public static func * (lhs: Double, rhs: Matrix) -> Matrix { rhs.scaled(by: lhs) }
}

/// Reductions along rows and columns.
extension Matrix {
    /// One value per row: `combine` folded over the row, starting at `initial`.
    public func reduceRows(_ initial: Double, _ combine: (Double, Double) -> Double) -> [Double] {
        (0..<rows).map { r in
            var acc = initial
            for c in 0..<cols { acc = combine(acc, storage[r * cols + c]) }
            return acc
        }
    }

    /// One value per column: `combine` folded down the column, starting at `initial`.
    public func reduceColumns(_ initial: Double, _ combine: (Double, Double) -> Double) -> [Double] {
        var acc = Array(repeating: initial, count: cols)
        for r in 0..<rows {
            for c in 0..<cols { acc[c] = combine(acc[c], storage[r * cols + c]) }
        }
        return acc
    }

    /// Sum of each row.
    public var rowSums: [Double] { reduceRows(0, +) }
    /// Sum of each column.
    public var columnSums: [Double] { reduceColumns(0, +) }
    /// Largest entry of each row (-∞ for an empty row).
    public var rowMaxima: [Double] { reduceRows(-.infinity) { Swift.max($0, $1) } }
    /// Largest entry of each column (-∞ for an empty column).
    public var columnMaxima: [Double] { reduceColumns(-.infinity) { Swift.max($0, $1) } }
    /// Sum of every entry.
    public var sum: Double { storage.reduce(0, +) }
}

/// Dot product of two vectors of equal length.
public func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "dot of vectors of length \(a.count) and \(b.count)")
    var s = 0.0
    for i in a.indices { s += a[i] * b[i] }
    return s
}
