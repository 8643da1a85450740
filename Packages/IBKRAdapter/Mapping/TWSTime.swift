import Foundation
import TraderCore

/// Times as TWS writes them: `20131004 10:01:00 US/Eastern` (or any zone name TWS uses),
/// the older `20131004  10:01:00` in New York time, a daily bar's `20131004` (its 09:30 open in
/// New York), or epoch seconds.
public enum TWSTime {
    /// TWS's zone names and their IANA ones.
    static let aliases = ["US/Eastern": "America/New_York", "US/Central": "America/Chicago", "US/Pacific": "America/Los_Angeles", "GB-Eire": "Europe/London", "Japan": "Asia/Tokyo", "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York"]

    /// The instant `text` names; `nil` when it is none of the forms.
    public static func parse(_ text: String) -> Timestamp? {
        if text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.utf8.count >= 9, let seconds = Int64(text) { return Timestamp(secondsSinceEpoch: seconds) }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let date = parts.first, date.utf8.count == 8 else { return nil }
        let time = parts.count >= 2 ? parts[1] : "09:30:00"
        let zoneName = parts.count >= 3 ? parts[2] : "America/New_York"
        guard let zone = TimeZone(identifier: aliases[zoneName] ?? zoneName) else { return nil }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, let year = Int(date.prefix(4)), let month = Int(date.dropFirst(4).prefix(2)), let day = Int(date.suffix(2)),
            (1...12).contains(month), (1...31).contains(day), (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<60).contains(clock[2])
        else { return nil }
        let local = ISO8601Format.daysFromCivil(year: year, month: month, day: day) * 86_400 + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset))))
        return Timestamp(secondsSinceEpoch: local - offset)
    }

    /// `YYYYMMDD HH:MM:SS UTC`: how requests name an instant.
    public static func utc(_ time: Timestamp) -> String {
        let seconds = time.secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = ISO8601Format.civilFromDays(days)
        let second = seconds - days * 86_400
        return String(format: "%04d%02d%02d %02d:%02d:%02d UTC", year, month, day, second / 3600, second / 60 % 60, second % 60)
    }
}
