import TraderCore

/// The ISO 8601 text of bar times, written for the equity and exposure lines: times in whole
/// seconds on the day of the previous one keep its date and rewrite only `HH:MM:SSZ`.
struct BarTimeText {
    /// The text of the last time set.
    private(set) var bytes: [UInt8] = []
    /// The day (since 1970-01-01) of ``bytes``, when its time is in whole seconds.
    private var day: Int64?

    /// Sets the text to `time`'s.
    mutating func set(_ time: Timestamp) {
        let seconds = time.secondsSinceEpoch
        let wholeSecond = time.nanosecondsSinceEpoch == seconds * 1_000_000_000
        let timeDay = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        guard wholeSecond, day == timeDay else {
            bytes.removeAll(keepingCapacity: true)
            ISO8601Format.append(time, to: &bytes)
            day = wholeSecond ? timeDay : nil
            return
        }
        let secondOfDay = UInt64(seconds - timeDay * 86_400)
        bytes.removeLast(9)  // "HH:MM:SSZ"
        bytes.append(addingCapacity: 9) { span in
            ISO8601Format.appendClock(secondOfDay: secondOfDay, to: &span)
            span.append(UInt8(ascii: "Z"))
        }
    }
}
