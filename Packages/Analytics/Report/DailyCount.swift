import TraderCore

/// How many times something happened on one UTC day: a decision by its reason code.
public struct DailyCount: Hashable, Sendable, Encodable {
    /// The day's start (00:00 UTC).
    public let day: Timestamp
    /// What was counted: `rejected.<risk code>`, `universe.<code>`.
    public let code: String
    /// How many times.
    public let count: Int

    /// A count.
    public init(day: Timestamp, code: String, count: Int) {
        self.day = day
        self.code = code
        self.count = count
    }
}

extension Array where Element == DailyCount {
    /// Counts `code` once more on the UTC day of `time`. Counts come in time order: the day is the
    /// last one's or a new one, so only the last day's entries are searched.
    public mutating func count(_ code: String, at time: Timestamp) {
        let day = Timestamp(secondsSinceEpoch: time.utcDay * 86_400)
        var index = count - 1
        while index >= 0 && self[index].day == day {
            if self[index].code == code {
                self[index] = DailyCount(day: day, code: code, count: self[index].count + 1)
                return
            }
            index -= 1
        }
        append(DailyCount(day: day, code: code, count: 1))
    }
}
