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

    /// The instant `seconds` later: the cheap form for whole-second steps such as bar intervals.
    ///
    /// - Precondition: the result is within the representable range.
    public func advanced(bySeconds seconds: Int64) -> Timestamp {
        let (nanoseconds, productOverflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (result, sumOverflow) = nanosecondsSinceEpoch.addingReportingOverflow(nanoseconds)
        precondition(!productOverflow && !sumOverflow, "timestamp out of range")
        return Timestamp(nanosecondsSinceEpoch: result)
    }

    /// The time from this instant to `later` (negative when `later` is earlier).
    public func duration(to later: Timestamp) -> Duration {
        .nanoseconds(later.nanosecondsSinceEpoch - nanosecondsSinceEpoch)
    }
}

extension Timestamp {
    /// Whole UTC days from the epoch to the day this instant falls in (floor division, so an
    /// instant before 1970 counts from the day it is in).
    public var utcDay: Int64 {
        let seconds = secondsSinceEpoch
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}
