import Foundation

/// How the report writes figures (fixed decimals, C locale).
enum Format {
    static func seconds(_ s: Double) -> String { String(format: "%.3f s", s) }
    static func megabytes(_ kb: Int) -> String { String(format: "%.1f MB", Double(kb) / 1024) }
    static func ratio(_ r: Double) -> String { String(format: "%.2f", r) }
    static func rate(_ r: Double) -> String { String(format: "%.0f", r) }
    static func number(_ d: Double) -> String { String(format: "%.6f", d) }

    /// `text` as a JSON string.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Left-aligned columns.
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        let widths = (0..<width).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
