import TraderCore

/// What reading a candle file found besides the candles: the interval, gaps and dropped duplicates.
public struct DataQuality: Hashable, Sendable {
    /// A run of missing bars.
    public struct Gap: Hashable, Sendable {
        /// The last bar before the gap.
        public let after: Timestamp
        /// The first bar after it.
        public let resumesAt: Timestamp
        /// How many bars of the interval are missing.
        public let missingBars: Int64
    }

    /// Rows read (candles returned, not counting dropped duplicates).
    public internal(set) var rows = 0
    /// The bar interval: given, or the first step between two rows.
    public internal(set) var interval: BarInterval?
    /// Rows that repeated the previous row exactly and were dropped.
    public internal(set) var duplicatesDropped = 0
    /// How many gaps there were.
    public internal(set) var gapCount = 0
    /// Bars missing over all gaps.
    public internal(set) var missingBars: Int64 = 0
    /// The first gaps, up to ``maxListedGaps``.
    public internal(set) var gaps: [Gap] = []

    /// How many gaps are listed one by one.
    public static let maxListedGaps = 20
}
