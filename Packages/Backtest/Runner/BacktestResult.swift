import Analytics
import TraderCore

/// What a backtest run produced.
public struct BacktestResult: Sendable {
    /// Bars replayed (over all symbols).
    public let bars: Int
    /// Orders the engine placed.
    public let orders: Int
    /// Orders the venue rejected.
    public let rejectedOrders: Int
    /// Fills.
    public let fills: Int
    /// Round trips closed.
    public let roundTrips: Int
    /// Fees paid over all fills.
    public let feesPaid: FixedPoint
    /// The fees of the lots still open at the end (in no round trip): ``feesPaid`` is the round
    /// trips' fees (``PerformanceMetrics/attribution``) plus these.
    public let openLotFees: FixedPoint
    /// Cash plus every position at its last close.
    public let finalEquity: FixedPoint
    /// The last bar's close time.
    public let end: Timestamp?
    /// The run's performance.
    public let metrics: PerformanceMetrics
    /// Why the engine did or did not trade, by reason code.
    public let decisions: DecisionTally
    /// Broken risk invariants found by the ``ExposureMonitor``, in time order (empty for a sound run).
    public let violations: [ExposureMonitor.Violation]
}
