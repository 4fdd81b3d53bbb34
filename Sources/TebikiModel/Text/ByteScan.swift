/// Search in UTF-8 text by its bytes: the one definition the page reader, the HTML post-process
/// and the date format share. A search for ASCII bytes never cuts a scalar in two (no byte of a
/// longer scalar's UTF-8 is ASCII); whether it finds what a search by `Character` would is each
/// caller's argument (`ScalarCharacters`).
///
/// Plain Swift (this target imports no C): one byte is looked for a word of eight bytes at a
/// time, with the "has a zero byte" bit trick, instead of a byte at a time.
package enum ByteScan {
    /// The offset of the first `byte` at or after `from` in `u`.
    @inlinable
    package static func firstIndex(of byte: UInt8, in u: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from >= 0, from < u.count, let base = u.baseAddress else { return nil }
        let n = u.count
        var i = from
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(byte) &* ones
        while i + 8 <= n {
            // A byte equal to `byte` is a zero byte of `w`; the lowest set high bit of `t` marks
            // the first one (a borrow only spreads to the bytes above a zero byte).
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ pattern
            let t = (w &- ones) & ~w & highs
            if t != 0 { return i + t.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < n {
            if base[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first `needle` at or after `from` in `hay`: its byte at `rare` (one that
    /// is rare in the hay, such as the "=" of `id="`) found with `firstIndex(of:)`, the whole
    /// needle then compared there.
    package static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int, rare: Int = 0) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from >= 0 else { return nil }
        precondition(needle.indices.contains(rare))
        let last = hay.count - needle.count  // the last offset a whole needle fits at
        var i = from
        while i <= last, let found = firstIndex(of: needle[rare], in: hay, from: i + rare), found - rare <= last {
            let at = found - rare
            if hasPrefix(needle, in: hay, at: at) { return at }
            i = at + 1
        }
        return nil
    }

    /// `firstIndex(of:in:from:rare:)` for an array needle.
    package static func firstIndex(of needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int, rare: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { firstIndex(of: $0, in: hay, from: from, rare: rare) }
    }

    /// `firstIndex(of:in:from:rare:)` for arrays.
    package static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int, rare: Int = 0) -> Int? {
        hay.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: from, rare: rare) }
    }

    /// Whether `hay` holds `needle` at offset `at`.
    @inlinable @inline(__always)
    package static func hasPrefix(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        guard at >= 0, at + needle.count <= hay.count else { return false }
        for k in 0..<needle.count where hay[at + k] != needle[k] { return false }
        return true
    }

    /// `hasPrefix` for an array needle.
    @inlinable @inline(__always)
    package static func hasPrefix(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        guard at >= 0, at + needle.count <= hay.count else { return false }
        for k in needle.indices where hay[at + k] != needle[k] { return false }
        return true
    }

    /// The offsets of every line feed of `u`.
    package static func lineFeeds(_ u: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        var from = 0
        while let i = firstIndex(of: UInt8(ascii: "\n"), in: u, from: from) {
            result.append(i)
            from = i + 1
        }
        return result
    }

    /// Every occurrence of `target` in `bytes` replaced, from the left (a match starts after the
    /// previous one ends).
    package static func replacing(_ target: UnsafeBufferPointer<UInt8>, with replacement: some Collection<UInt8>, in bytes: [UInt8]) -> [UInt8] {
        guard !target.isEmpty, bytes.count >= target.count else { return bytes }
        return bytes.withUnsafeBufferPointer { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + replacement.count)
            var i = 0  // bytes before i are in `out`
            while let at = firstIndex(of: target, in: u, from: i) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<at]))
                out.append(contentsOf: replacement)
                i = at + target.count
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i...]))
            return out
        }
    }
}
