import Testing
import TebikiEngine

@Suite("JSON")
struct JSONTests {
    @Test("numbers keep their text; strings unescape")
    func parse() throws {
        let j = try JSON.parse(#"{"a": 1.60, "b": "x\u00e9\n", "c": [true, null], "d": {}}"#)
        #expect(j["a"] == .number("1.60"))
        #expect(j["b"] == .string("xé\n"))
        #expect(j["c"] == .array([.bool(true), .null]))
    }

    @Test("malformed JSON says where", arguments: [
        (#"{"a": }"#, 1, 7), ("{\n  \"a\": 1,\n}", 3, 1), (#"{"a": 1, "a": 2}"#, 1, 10), ("[1 2]", 1, 4), ("", 1, 1), (#"{"a": 01x}"#, 1, 8),
    ])
    func malformed(text: String, line: Int, column: Int) {
        do {
            _ = try JSON.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test("serialization round-trips")
    func roundTrip() throws {
        let j = JSON.object([("z", .string("\"q\"\t")), ("a", .array([.number("1"), .null, .bool(false)])), ("e", .object([]))])
        #expect(try JSON.parse(j.serialized()) == j)
        #expect(try JSON.parse(j.serialized(pretty: false)) == j)
    }
}
