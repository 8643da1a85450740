import Foundation
import TraderCore

/// Times as the gateway writes them, in New York time: `20131007 10:31:00 US/Eastern` for
/// executions and intraday bars, `20131007` for daily bars, `20131007 10:31:00 EDT` for the
/// connection time.
struct EasternTime: Sendable {
    /// The zone IB names US equities' times in.
    static let twsZoneName = "US/Eastern"
    private let zone: TimeZone

    /// The New York zone from the system's time-zone data.
    ///
    /// - Throws: ``IBKRSimulatorError`` `invalid_market` when the system has no `America/New_York`.
    init() throws(IBKRSimulatorError) {
        guard let zone = TimeZone(identifier: "America/New_York") else {
            throw IBKRSimulatorError(.invalidMarket, "the system has no time-zone data for America/New_York")
        }
        self.zone = zone
    }

    /// The local date and time of `time`: `("20131007", "10:31:00")`.
    func parts(_ time: Timestamp) -> (date: String, time: String) {
        let seconds = time.secondsSinceEpoch + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch))))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = ISO8601Format.civilFromDays(days)
        let date = String(format: "%04d%02d%02d", year, month, day)
        let clock = String(format: "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        return (date, clock)
    }

    /// `20131007 10:31:00 US/Eastern`.
    func dateTime(_ time: Timestamp) -> String {
        let (date, clock) = parts(time)
        return "\(date) \(clock) \(Self.twsZoneName)"
    }

    /// `20131007 10:31:00 EDT`: the connection time's form.
    func connectionTime(_ time: Timestamp) -> String {
        let (date, clock) = parts(time)
        // Spelled from the offset: Foundation on Linux names the zone's abbreviation "GMT-4".
        let isDaylight = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.secondsSinceEpoch))) == -4 * 3600
        return "\(date) \(clock) \(isDaylight ? "EDT" : "EST")"
    }

    /// The instant of a New York date `YYYYMMDD` and time `HH:MM:SS`; `nil` when either is not one.
    func timestamp(date: String, time: String) -> Timestamp? {
        guard let local = Self.secondsSinceEpoch(date: date, time: time) else { return nil }
        // The offset at the local time read as UTC is right except within an hour of a change; a second look settles it.
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset))))
        return Timestamp(secondsSinceEpoch: local - offset)
    }

    /// The seconds since the epoch of a date `YYYYMMDD` and time `HH:MM:SS` read as UTC; `nil`
    /// when either is not one.
    static func secondsSinceEpoch(date: String, time: String) -> Int64? {
        let clock = time.split(separator: ":").map { Int($0) }
        guard date.utf8.count == 8, date.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let year = Int(date.prefix(4)),
            let month = Int(date.dropFirst(4).prefix(2)), let day = Int(date.suffix(2)), (1...12).contains(month), (1...31).contains(day),
            clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2], (0..<24).contains(hour), (0..<60).contains(minute),
            (0..<60).contains(second)
        else { return nil }
        return ISO8601Format.daysFromCivil(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// A time as a request writes it (REQ_HISTORICAL_DATA's end, REQ_EXECUTIONS' filter):
    /// `YYYYMMDD HH:MM:SS` in New York, followed by a zone (`UTC`, `GMT`, `US/Eastern`,
    /// `America/New_York`), or `YYYYMMDD-HH:MM:SS` in UTC; `nil` for an empty text, another
    /// zone, or one that is not a time.
    func requestTime(_ text: String) -> Timestamp? {
        let parts = text.split(separator: text.contains("-") ? "-" : " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2 else { return nil }
        let isUTC = text.contains("-") || (parts.count == 3 && (parts[2] == "UTC" || parts[2] == "GMT"))
        if isUTC { return Self.secondsSinceEpoch(date: parts[0], time: parts[1]).map { Timestamp(secondsSinceEpoch: $0) } }
        guard parts.count == 2 || ["US/Eastern", "America/New_York", "EST", "EDT", "EST5EDT"].contains(parts[2]) else { return nil }
        return timestamp(date: parts[0], time: parts[1])
    }

    /// The ISO weekday (1 Monday … 7 Sunday) of a date `YYYYMMDD`.
    func weekday(_ date: String) -> Int? {
        guard date.utf8.count == 8, let year = Int(date.prefix(4)), let month = Int(date.dropFirst(4).prefix(2)), let day = Int(date.suffix(2)) else {
            return nil
        }
        let days = ISO8601Format.daysFromCivil(year: year, month: month, day: day)
        // 1970-01-01 was a Thursday (4).
        return Int(((days % 7) + 7 + 3) % 7) + 1
    }
}
