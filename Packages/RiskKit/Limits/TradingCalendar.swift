import Foundation
import TraderCore

/// Calendar days and weeks in one time zone, for loss stops and the daily trade limit: a day runs
/// from local midnight to midnight (23 or 25 hours across a daylight-saving change) and a week from
/// Monday to Sunday.
public struct TradingCalendar: Hashable, Sendable {
    /// The time zone.
    public let timeZone: TimeZone
    /// The zone's offset from UTC in seconds when it never changes (UTC, `Etc/GMT+5`, a zone made
    /// from a fixed offset): days are then plain arithmetic, with no time-zone look-up.
    private let fixedOffset: Int64?

    /// UTC days.
    public static let utc = TradingCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// The calendar of `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        let identifier = timeZone.identifier
        let isFixed =
            Self.fixedZones.contains(identifier) || identifier.hasPrefix("Etc/GMT+") || identifier.hasPrefix("Etc/GMT-")
            || ((identifier.hasPrefix("GMT+") || identifier.hasPrefix("GMT-")) && identifier.dropFirst(4).allSatisfy(\.isNumber))
        fixedOffset = isFixed ? Int64(timeZone.secondsFromGMT()) : nil
    }

    /// Zones that are UTC under another name.
    private static let fixedZones: Set<String> = [
        "UTC", "GMT", "UCT", "Universal", "Zulu", "Greenwich", "Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Universal", "Etc/Zulu",
        "Etc/Greenwich", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0",
    ]

    /// The calendar of an IANA zone (`America/New_York`); `nil` when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The local day of `instant`, counted from 1970-01-01.
    public func day(of instant: Timestamp) -> Int {
        day(ofSecond: instant.secondsSinceEpoch)
    }

    /// The local week of `instant`, counted in Monday-to-Sunday weeks (1970-01-01 was a Thursday).
    public func week(of instant: Timestamp) -> Int {
        week(ofDay: day(of: instant))
    }

    /// The week that local day `day` falls in.
    public func week(ofDay day: Int) -> Int {
        Int(Self.floorDivide(Int64(day) + 3, 7))
    }

    /// The instants of local day `day` (as ``day(of:)`` numbers days): from its first second up to
    /// the next day's first second. Found with two or three time-zone look-ups, so that a cycle can
    /// classify any number of trades and ledger entries by comparing instants.
    public func interval(ofDay day: Int) -> Range<Timestamp> {
        Timestamp(secondsSinceEpoch: firstSecond(ofDay: day))..<Timestamp(secondsSinceEpoch: firstSecond(ofDay: day + 1))
    }

    /// The instants of local week `week` (as ``week(of:)`` numbers weeks), Monday to Sunday.
    public func interval(ofWeek week: Int) -> Range<Timestamp> {
        let monday = week * 7 - 3
        return Timestamp(secondsSinceEpoch: firstSecond(ofDay: monday))..<Timestamp(
            secondsSinceEpoch: firstSecond(ofDay: monday + 7))
    }

    /// The first second whose local day is `day`. Local midnight shifted by the UTC offset there is
    /// right unless the offset changes near midnight; then the boundary is found by bisection,
    /// which holds because local days never run backwards.
    private func firstSecond(ofDay day: Int) -> Int64 {
        let midnight = Int64(day) * 86_400
        if let fixedOffset { return midnight - fixedOffset }
        let guess = midnight - Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnight))))
        if self.day(ofSecond: guess) >= day && self.day(ofSecond: guess - 1) < day { return guess }
        var before = guess - 86_400  // local day < `day`: no offset is a day away from UTC
        var from = guess + 86_400  // local day ≥ `day`
        while from - before > 1 {
            let middle = before + (from - before) / 2
            if self.day(ofSecond: middle) >= day { from = middle } else { before = middle }
        }
        return from
    }

    private func day(ofSecond seconds: Int64) -> Int {
        let offset = fixedOffset ?? Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        return Int(Self.floorDivide(seconds + offset, 86_400))
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
