extension Unicode.Scalar {
    /// Unicode's White_Space property (`properties.isWhitespace`), answered for ASCII without
    /// looking up the property tables: tab, line feed, vertical tab, form feed, carriage return, space.
    var isWhiteSpace: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
