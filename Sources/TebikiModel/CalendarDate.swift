/// A calendar date with no time and no time zone: dates are counted in the account's
/// time zone (decision D1), so the model never needs a clock.
package struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, month 1...12, day 1...31.
    package let year: Int, month: Int, day: Int

    /// A valid date, or nil (for example 2025-02-30).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// The first date a model or a scenario may give.
    package static let earliest = CalendarDate(year: 1900, month: 1, day: 1)!
    /// The last date a model or a scenario may give: a century before the year 10000, so that
    /// the dates computed from it (deadlines, windows) still have four-digit years.
    package static let latest = CalendarDate(year: 9899, month: 12, day: 31)!

    /// Parses `YYYY-MM-DD` strictly: a valid date from `earliest` to `latest`.
    package init?(iso text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (48...57).contains(u[i]) else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
        guard CalendarDate.earliest <= self, self <= CalendarDate.latest else { return nil }
    }

    /// `YYYY-MM-DD`; a date computed beyond the year 9999 (or before the year 0) prints all its
    /// digits (`10000-01-14`), never traps.
    package var description: String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v.magnitude)
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    package var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    package init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0); month = m; day = d
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    package var isoWeekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Saturday or Sunday.
    package var isWeekend: Bool { isoWeekday >= 6 }

    /// The date `n` calendar days later (earlier when negative).
    package func adding(days n: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + n) }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    package func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The day on which a period of `n` business days that starts on `self` ends at the latest:
    /// the n-th weekday after `self` (weekends excluded, decision D17).
    package func adding(businessDays n: Int) -> CalendarDate {
        var d = self, left = n
        while left > 0 {
            d = d.adding(days: 1)
            if !d.isWeekend { left -= 1 }
        }
        return d
    }

    /// The latest day on which a period of `n` business days can start and still end by `self`.
    package func subtracting(businessDays n: Int) -> CalendarDate {
        var start = self
        while start.adding(businessDays: n) > self { start = start.adding(days: -1) }
        return start
    }

    package static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
