import Foundation
import TraderCore

/// Calendar days and weeks in one time zone, for loss stops and the daily trade limit: a day runs
/// from local midnight to midnight (23 or 25 hours across a daylight-saving change) and a week from
/// Monday to Sunday.
public struct TradingCalendar: Hashable, Sendable {
    /// The time zone.
    public let timeZone: TimeZone

    /// UTC days.
    public static let utc = TradingCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// The calendar of `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The calendar of an IANA zone (`America/New_York`); `nil` when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone)
    }

    /// The local day of `instant`, counted from 1970-01-01.
    public func day(of instant: Timestamp) -> Int {
        let seconds = instant.secondsSinceEpoch
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return Int(Self.floorDivide(seconds + Int64(offset), 86_400))
    }

    /// The local week of `instant`, counted in Monday-to-Sunday weeks (1970-01-01 was a Thursday).
    public func week(of instant: Timestamp) -> Int {
        Int(Self.floorDivide(Int64(day(of: instant)) + 3, 7))
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
