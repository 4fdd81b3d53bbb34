import Testing
import TebikiModel

/// `Language.format` replaces the placeholders in one pass; its definition is the four
/// replacements in order, by Unicode scalar, which this test keeps as the oracle. (By Character,
/// a placeholder followed by a combining mark, `{month}́`, would not be one: its `}` and the mark
/// make one Character. A placeholder is a placeholder whatever follows it.)
@Suite("Language.format: the same text as the four replacements in order")
struct LanguageFormatTests {
    static func replacing(_ text: String, _ target: String, with replacement: String) -> String {
        let t = Array(target.unicodeScalars), s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t {
                out.append(contentsOf: replacement.unicodeScalars)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    static let english = ["January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]

    static func bySteps(_ format: String, _ date: CalendarDate, monthNames: [String]) -> String {
        let monthName = monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : String(date.month)
        var text = replacing(format, "{year}", with: String(date.year))
        text = replacing(text, "{month_name}", with: monthName)
        text = replacing(text, "{month}", with: String(date.month))
        return replacing(text, "{day}", with: String(date.day))
    }

    static let formats = [
        "{year}年{month}月{day}日", "{month_name} {day}, {year}", "{day}.{month}.{year}", "",
        "no placeholder", "{", "}", "{year", "year}", "{{year}}", "{month_name}{month}{day}",
        "{yea}{ year}{YEAR}", "{month_{year}name}", "{day}{day}{day}", "é{month}́{day}🇯🇵{year}",
        "{month_name", "{monthname}", "{month}_name}",
    ]

    static let monthNameSets: [[String]] = [
        english,
        ["1月"],                                              // too few: the number stands in
        Array(repeating: "{day}", count: 12),                 // a name with a placeholder
        Array(repeating: "day}", count: 12),                  // completes "{" before it
        Array(repeating: "Μάρτιος", count: 12),
    ]

    @Test("every format, date and set of month names", arguments: formats, monthNameSets)
    func sameAsReplacements(format: String, monthNames: [String]) throws {
        for date in [CalendarDate(year: 2025, month: 12, day: 19), CalendarDate(year: 1, month: 3, day: 1),
                     CalendarDate(year: 2024, month: 2, day: 29)] {
            let date = try #require(date)
            let language = Language(id: "xx", name: "x", role: .translation, dateFormat: format,
                                    monthNames: monthNames, uiLabelOpen: "\"", uiLabelClose: "\"")
            #expect(language.format(date) == Self.bySteps(format, date, monthNames: monthNames),
                    "format \(format.debugDescription), \(date)")
        }
    }

    @Test("the real formats")
    func realFormats() throws {
        let date = try #require(CalendarDate(year: 2025, month: 12, day: 19))
        let ja = Language(id: "ja", name: "日本語", role: .source, dateFormat: "{year}年{month}月{day}日",
                          monthNames: Self.english, uiLabelOpen: "「", uiLabelClose: "」")
        let en = Language(id: "en", name: "English", role: .translation, dateFormat: "{month_name} {day}, {year}",
                          monthNames: Self.english, uiLabelOpen: "\"", uiLabelClose: "\"")
        #expect(ja.format(date) == "2025年12月19日")
        #expect(en.format(date) == "December 19, 2025")
    }
}
