import Foundation
import TraderCore

/// The regular sessions of US stock and equity-option exchanges, on NYSE's calendar (which the
/// option exchanges follow): `open` to `close` in the exchange's time zone on weekdays, none on
/// the exchange's holidays, and until `earlyClose` on its half days.
///
/// The recurring holidays follow NYSE's rules: New Year's Day (moved to Monday from a Sunday; not
/// moved back from a Saturday), Martin Luther King Jr. Day, Washington's Birthday, Good Friday,
/// Memorial Day, Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas
/// (each moved to Friday from a Saturday, to Monday from a Sunday). The recurring half days: the
/// day after Thanksgiving, December 24 and July 3 when they are sessions (July 3 only from Monday to
/// Thursday). What no rule gives is data: ``specialClosures`` (a national day of mourning, a storm),
/// ``specialEarlyCloses`` and ``specialFullDays`` (a half day the rule would give but the exchange
/// did not hold), `YYYYMMDD` each. The defaults are NYSE's since 1998, checked against every
/// session of the real SPY daily and hourly bars of 1998–2021.
public struct ExchangeSessions: Hashable, Sendable {
    /// One day's regular session.
    public struct Session: Hashable, Sendable {
        /// When it opens.
        public let open: Timestamp
        /// When it closes.
        public let close: Timestamp
    }

    /// The exchange's time zone.
    public let timeZone: TimeZone
    /// The open, in minutes after local midnight (570: 09:30).
    public let openMinute: Int
    /// The close of a full day, in minutes after local midnight (960: 16:00).
    public let closeMinute: Int
    /// The close of a half day (780: 13:00).
    public let earlyCloseMinute: Int
    /// Days closed that the rules do not give.
    public let specialClosures: Set<Int>
    /// Half days that the rules do not give.
    public let specialEarlyCloses: Set<Int>
    /// Days the rules make half days that the exchange held in full.
    public let specialFullDays: Set<Int>

    /// NYSE's closures outside its rules since 1998: 11–14 September 2001; 11 June 2004 (President
    /// Reagan); 2 January 2007 (President Ford); 29–30 October 2012 (Hurricane Sandy); 5 December
    /// 2018 (President G. H. W. Bush); 9 January 2025 (President Carter).
    public static let nyseSpecialClosures: Set<Int> = [
        20_010_911, 20_010_912, 20_010_913, 20_010_914, 20_040_611, 20_070_102, 20_121_029, 20_121_030, 20_181_205, 20_250_109,
    ]
    /// NYSE's half days outside its rules since 1998: 31 December 1999, 5 July 2002, 26 December 2003.
    public static let nyseSpecialEarlyCloses: Set<Int> = [19_991_231, 20_020_705, 20_031_226]
    /// July 3 2002 was a full day (the half day was the 5th).
    public static let nyseSpecialFullDays: Set<Int> = [20_020_703]

    /// NYSE's sessions: 09:30–16:00 New York time, half days to 13:00; `nil` when the system has
    /// no time-zone data for `America/New_York`.
    public static func nyse() -> ExchangeSessions? {
        TimeZone(identifier: "America/New_York").map { ExchangeSessions(timeZone: $0, openMinute: 570, closeMinute: 960) }
    }

    /// Sessions from `openMinute` to `closeMinute` (half days to `earlyCloseMinute`) in `timeZone`,
    /// with NYSE's exceptions unless others are given.
    public init(
        timeZone: TimeZone, openMinute: Int, closeMinute: Int, earlyCloseMinute: Int = 780, specialClosures: Set<Int> = nyseSpecialClosures,
        specialEarlyCloses: Set<Int> = nyseSpecialEarlyCloses, specialFullDays: Set<Int> = nyseSpecialFullDays
    ) {
        self.timeZone = timeZone
        self.openMinute = openMinute
        self.closeMinute = closeMinute
        self.earlyCloseMinute = min(earlyCloseMinute, closeMinute)
        self.specialClosures = specialClosures
        self.specialEarlyCloses = specialEarlyCloses
        self.specialFullDays = specialFullDays
    }

    /// Whether the regular session is open at `time`.
    public func isOpen(at time: Timestamp) -> Bool {
        guard let session = session(on: localDate(of: time)) else { return false }
        return session.open <= time && time < session.close
    }

    /// The session on a local date `YYYYMMDD` (as a number), `nil` when the exchange is closed.
    public func session(on date: Int) -> Session? {
        let (year, month, day) = (date / 10_000, date / 100 % 100, date % 100)
        guard isTradingDay(year: year, month: month, day: day) else { return nil }
        let close = isEarlyClose(year: year, month: month, day: day) ? earlyCloseMinute : closeMinute
        let midnight = ISO8601Format.daysFromCivil(year: year, month: month, day: day) * 86_400
        return Session(open: instant(localSeconds: midnight + Int64(openMinute * 60)), close: instant(localSeconds: midnight + Int64(close * 60)))
    }

    /// The first session that opens after `time`; `nil` when none does within a year.
    public func nextSession(after time: Timestamp) -> Session? {
        let start = ISO8601Format.daysFromCivil(year: localDate(of: time) / 10_000, month: localDate(of: time) / 100 % 100, day: localDate(of: time) % 100)
        for offset in 0..<366 {
            let (year, month, day) = ISO8601Format.civilFromDays(start + Int64(offset))
            if let session = session(on: year * 10_000 + month * 100 + day), session.open > time { return session }
        }
        return nil
    }

    /// The local date of `time`, `YYYYMMDD`.
    public func localDate(of time: Timestamp) -> Int {
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch))))
        let local = time.secondsSinceEpoch + offset
        let (year, month, day) = ISO8601Format.civilFromDays(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        return year * 10_000 + month * 100 + day
    }

    private func instant(localSeconds: Int64) -> Timestamp {
        var offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds))))
        offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds - offset))))
        return Timestamp(secondsSinceEpoch: localSeconds - offset)
    }

    // MARK: The rules

    private func isTradingDay(year: Int, month: Int, day: Int) -> Bool {
        let weekday = Self.weekday(year: year, month: month, day: day)
        guard weekday <= 5, !specialClosures.contains(year * 10_000 + month * 100 + day) else { return false }
        return !Self.holidays(in: year).contains(month * 100 + day)
    }

    private func isEarlyClose(year: Int, month: Int, day: Int) -> Bool {
        let date = year * 10_000 + month * 100 + day
        if specialEarlyCloses.contains(date) { return true }
        if specialFullDays.contains(date) { return false }
        let weekday = Self.weekday(year: year, month: month, day: day)
        switch (month, day) {
        case (11, _): return weekday == 5 && Self.nthWeekday(4, of: 4, month: 11, year: year) == day - 1
        case (12, 24): return true
        case (7, 3): return weekday <= 4
        default: return false
        }
    }

    /// The holidays of `year` as `MMDD` numbers (observed dates), NYSE's rules.
    static func holidays(in year: Int) -> Set<Int> {
        var days: Set<Int> = []
        func fixed(_ month: Int, _ day: Int, movesBackFromSaturday: Bool = true) {
            switch weekday(year: year, month: month, day: day) {
            case 6 where movesBackFromSaturday: days.insert(month * 100 + day - 1)
            case 7: days.insert(month * 100 + day + 1)
            case 6: break
            default: days.insert(month * 100 + day)
            }
        }
        // New Year's Day is not moved back into December.
        fixed(1, 1, movesBackFromSaturday: false)
        days.insert(100 + nthWeekday(1, of: 3, month: 1, year: year))
        days.insert(200 + nthWeekday(1, of: 3, month: 2, year: year))
        let easter = easterSunday(year)
        let goodFriday = ISO8601Format.civilFromDays(ISO8601Format.daysFromCivil(year: year, month: easter.month, day: easter.day) - 2)
        days.insert(goodFriday.month * 100 + goodFriday.day)
        days.insert(500 + lastWeekday(1, month: 5, year: year))
        if year >= 2022 { fixed(6, 19) }
        fixed(7, 4)
        days.insert(900 + nthWeekday(1, of: 1, month: 9, year: year))
        days.insert(1100 + nthWeekday(4, of: 4, month: 11, year: year))
        fixed(12, 25)
        return days
    }

    /// The ISO weekday (1 Monday … 7 Sunday).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let days = ISO8601Format.daysFromCivil(year: year, month: month, day: day)
        return Int(((days % 7) + 7 + 3) % 7) + 1
    }

    /// The day of the month of the `n`-th `weekday` (ISO) in `month`.
    static func nthWeekday(_ weekday: Int, of n: Int, month: Int, year: Int) -> Int {
        let first = Self.weekday(year: year, month: month, day: 1)
        return 1 + (weekday - first + 7) % 7 + 7 * (n - 1)
    }

    /// The day of the month of the last `weekday` (ISO) in `month` (31 days: May).
    static func lastWeekday(_ weekday: Int, month: Int, year: Int) -> Int {
        let last = Self.weekday(year: year, month: month, day: 31)
        return 31 - (last - weekday + 7) % 7
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> (month: Int, day: Int) {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }
}
