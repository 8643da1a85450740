extension Timestamp {
    /// The instant `duration` later (earlier when negative).
    ///
    /// - Precondition: the result is within the representable range.
    public func advanced(by duration: Duration) -> Timestamp {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let (result, overflow) = nanosecondsSinceEpoch.addingReportingOverflow(nanoseconds)
        precondition(!overflow, "timestamp out of range")
        return Timestamp(nanosecondsSinceEpoch: result)
    }

    /// The time from this instant to `later` (negative when `later` is earlier).
    public func duration(to later: Timestamp) -> Duration {
        .nanoseconds(later.nanosecondsSinceEpoch - nanosecondsSinceEpoch)
    }
}
