/// A longest-common-subsequence alignment of two sequences: the edit script that keeps the most
/// elements in place. Deterministic: ties keep the earlier element of `a` first.
enum Alignment {
    /// One position of the script: matched (both), removed (only `a`), added (only `b`).
    enum Pair: Equatable {
        case both(Int, Int)
        case removed(Int)
        case added(Int)
    }

    static func align<T: Equatable>(_ a: [T], _ b: [T]) -> [Pair] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var script: [Pair] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] { script.append(.both(i, j)); i += 1; j += 1 }
            else if lcs[i + 1][j] >= lcs[i][j + 1] { script.append(.removed(i)); i += 1 }
            else { script.append(.added(j)); j += 1 }
        }
        while i < n { script.append(.removed(i)); i += 1 }
        while j < m { script.append(.added(j)); j += 1 }
        return script
    }
}
