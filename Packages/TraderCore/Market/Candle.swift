/// One bar of trading: open, high, low, close and volume over an interval starting at ``time``.
public struct Candle: Hashable, Sendable {
    /// When the interval starts.
    public let time: Timestamp
    /// The first trade price.
    public let open: Price
    /// The highest trade price.
    public let high: Price
    /// The lowest trade price.
    public let low: Price
    /// The last trade price.
    public let close: Price
    /// The traded quantity of the base asset.
    public let volume: Quantity

    /// Creates a candle.
    ///
    /// - Precondition: `low ≤ min(open, close)` and `max(open, close) ≤ high`.
    public init(time: Timestamp, open: Price, high: Price, low: Price, close: Price, volume: Quantity) {
        precondition(low <= min(open, close) && max(open, close) <= high, "inconsistent candle at \(time)")
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// Creates a candle from venue data.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for a non-positive low, or an open or close
    ///   outside low to high.
    public init(validatingTime time: Timestamp, open: Price, high: Price, low: Price, close: Price, volume: Quantity)
        throws(VenueError)
    {
        guard low.value.raw > 0 else { throw VenueError(.malformedReply, message: "candle: low \(low) at \(time) is not a positive price") }
        guard low <= min(open, close), max(open, close) <= high else {
            throw VenueError(.malformedReply, message: "candle: open \(open) and close \(close) at \(time) must lie within low \(low) and high \(high)")
        }
        self.init(time: time, open: open, high: high, low: low, close: close, volume: volume)
    }
}
