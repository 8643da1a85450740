import Foundation
import RiskKit
import Testing
import TraderCore
import TraderTestKit

/// NYSE's sessions, checked against the real SPY bars of 1998-01-02 to 2021-03-31 (shared data):
/// every day with a daily bar is a session and every other weekday is not; each day's first hourly
/// bar starts at the session's open, in winter time and summer time alike; the days whose hourly
/// bars stop before 13:00 are exactly the half days.
@Suite struct ExchangeSessionsTests {
    static let sessions = ExchangeSessions.nyse()!

    /// The New York dates (`YYYYMMDD`) and start times of a file's bars.
    static func bars(_ file: String) throws -> [(date: Int, time: Timestamp)] {
        let text = try String(contentsOfFile: try SharedData.path("data/us-equities/" + file), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            guard let seconds = line.split(separator: ",").first.flatMap({ Int64($0) }) else { return nil }
            let time = Timestamp(secondsSinceEpoch: seconds)
            return (sessions.localDate(of: time), time)
        }
    }

    @Test func everyDayWithABarIsASessionAndEveryOtherWeekdayIsNot() throws {
        let days = Set(try Self.bars("spy_1d_19980102-20210331.csv").map(\.date))
        #expect(days.count == 5849)
        var start = ISO8601Format.daysFromCivil(year: 1998, month: 1, day: 2)
        let end = ISO8601Format.daysFromCivil(year: 2021, month: 3, day: 31)
        var wrong: [Int] = []
        while start <= end {
            let (year, month, day) = ISO8601Format.civilFromDays(start)
            let date = year * 10_000 + month * 100 + day
            if (Self.sessions.session(on: date) != nil) != days.contains(date) { wrong.append(date) }
            start += 1
        }
        #expect(wrong == [])
    }

    @Test func eachDaysFirstHourlyBarStartsAtTheOpenInWinterAndSummerTime() throws {
        var first: [Int: Timestamp] = [:]
        for bar in try Self.bars("spy_1h_19980102-20210331.csv") where first[bar.date] == nil { first[bar.date] = bar.time }
        // Every day's first bar starts at 09:30 New York time but one, whose data starts at 11:00.
        let late = first.filter { Self.sessions.session(on: $0.key)?.open != $0.value }.keys.sorted()
        #expect(late.count <= 1, "\(late)")
        // 2013-03-08 (EST, UTC−5) and 2013-03-11 (EDT, UTC−4), either side of the change.
        #expect(Self.sessions.session(on: 20_130_308)?.open == Timestamp(secondsSinceEpoch: 1_362_753_000))
        #expect(Self.sessions.session(on: 20_130_311)?.open == Timestamp(secondsSinceEpoch: 1_363_008_600))
    }

    @Test func halfDaysAreTheDaysWhoseHourlyBarsStopEarly() throws {
        var last: [Int: Timestamp] = [:]
        for bar in try Self.bars("spy_1h_19980102-20210331.csv") { last[bar.date] = bar.time }
        // A day without the 14:00 and 15:00 bars of a full day (a few half days of 1998 and 1999
        // still carry a small 13:00 bar of prints after the close).
        let short = Set(last.filter { date, lastBar in
            guard let open = Self.sessions.session(on: date)?.open else { return false }
            return lastBar < open.advanced(bySeconds: 16_200)
        }.keys)
        let early = Set(last.keys.filter { key in
            guard let session = Self.sessions.session(on: key) else { return false }
            return session.open.duration(to: session.close) == .seconds(12_600)
        })
        #expect(early.count == 52)
        #expect(early == short)
    }

    @Test func isOpenOnlyInsideTheSession() {
        let open = Timestamp(secondsSinceEpoch: 1_363_008_600)  // 2013-03-11 09:30 EDT
        #expect(!Self.sessions.isOpen(at: open.advanced(bySeconds: -1)))
        #expect(Self.sessions.isOpen(at: open))
        #expect(Self.sessions.isOpen(at: open.advanced(bySeconds: 23_399)))
        #expect(!Self.sessions.isOpen(at: open.advanced(bySeconds: 23_400)))
        // Saturday 2013-03-09, and Good Friday 2013-03-29.
        #expect(!Self.sessions.isOpen(at: Timestamp(secondsSinceEpoch: 1_362_844_800)))
        #expect(Self.sessions.session(on: 20_130_329) == nil)
        #expect(Self.sessions.nextSession(after: open.advanced(bySeconds: 23_400))?.open == open.advanced(bySeconds: 86_400))
    }

    @Test func laterYearsFollowTheRules() {
        // Juneteenth from 2022; New Year's Day on a Saturday (2022) leaves Friday 2021-12-31 a session.
        #expect(Self.sessions.session(on: 20_220_620) == nil && Self.sessions.session(on: 20_210_618) != nil)
        #expect(Self.sessions.session(on: 20_211_231) != nil)
        #expect(Self.sessions.session(on: 20_250_109) == nil)
        #expect(Self.sessions.session(on: 20_261_127).map { $0.open.duration(to: $0.close) } == .seconds(12_600))
    }
}
