/// A run of Unicode scalars as a `String`.
///
/// `String(String.UnicodeScalarView(slice))` appends the scalars one by one through an
/// unspecialised generic path (about 9,000 instructions a call in the loader's profile, most of the
/// template, expression and unary-test scanning); encoding them to UTF-8 first and decoding the
/// bytes once gives the same string (valid scalars are valid UTF-8, and neither way normalises).
enum ScalarText {
    /// The string made of `scalars`, in order.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
