import Foundation

/// Short number labels for axes and legends: at most about 7 cells
/// (`0.25`, `1200`, `3.1e-05`, `-12.5`).
///
/// Usage: `AxisFormat.label(0.000031)` gives `"3.1e-05"`; `AxisFormat.label(1200)` gives `"1200"`.
public enum AxisFormat {
    public static func label(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e5 || a < 1e-3 { return String(format: "%.1e", v) }
        if a >= 100 { return String(format: "%.0f", v) }
        var s = String(format: a >= 10 ? "%.1f" : "%.2f", v)
        // Trim trailing zeros after the point (2.50 → 2.5, 3.00 → 3).
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// A range that contains every finite value, widened when flat so a
    /// constant series still has height; nil when nothing is finite.
    public static func range(of values: some Sequence<Double>) -> ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        guard lo <= hi else { return nil }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            return (lo - pad)...(hi + pad)
        }
        return lo...hi
    }
}
