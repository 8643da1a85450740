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
