import Analytics
import TraderCore

/// Where a run's records go as they happen, so nothing has to be kept until the end: the runner
/// hands each order on once it is settled, each round trip as it closes, and each bar's state
/// after its decision. ``ArtifactWriter`` writes them to files; ``DiscardingRecorder`` drops them.
public protocol BacktestRecorder {
    /// An order that reached a terminal state, or was still working when the run ended, with the
    /// decision behind it.
    mutating func record(order: Order, origin: OrderOrigin?) throws
    /// A round trip that just closed.
    mutating func record(roundTrip: RoundTrip) throws
    /// One bar time's state after the decision: equity, and the portfolio at the marks.
    mutating func record(bar: BarState) throws
    /// Whether ``record(bar:)`` keeps anything; when `false` the runner does not build the states
    /// (each copies the portfolio and the marks). `true` unless a recorder says otherwise.
    static var recordsBars: Bool { get }
}

extension BacktestRecorder {
    /// Every recorder takes bar states unless it says otherwise.
    public static var recordsBars: Bool { true }
}

/// One bar time's state after the decision, as the recorder sees it.
public struct BarState: Sendable {
    /// The decision instant (the bars' close).
    public let time: Timestamp
    /// Cash plus positions at their last closes.
    public let equity: FixedPoint
    /// Whether any position is open.
    public let exposed: Bool
    /// Cash, positions and working orders.
    public let portfolio: Portfolio
    /// The engine's marks (quote mids), for exposure.
    public let marks: SymbolMap<Price>

    /// Creates a bar state.
    public init(time: Timestamp, equity: FixedPoint, exposed: Bool, portfolio: Portfolio, marks: SymbolMap<Price>) {
        self.time = time
        self.equity = equity
        self.exposed = exposed
        self.portfolio = portfolio
        self.marks = marks
    }
}

/// A recorder that keeps nothing (benchmarks, and runs that only want the result).
public struct DiscardingRecorder: BacktestRecorder {
    /// Creates one.
    public init() {}
    /// Drops the order.
    public mutating func record(order: Order, origin: OrderOrigin?) {}
    /// Drops the round trip.
    public mutating func record(roundTrip: RoundTrip) {}
    /// Drops the bar.
    public mutating func record(bar: BarState) {}
    /// Bars are not recorded, so the runner does not build their states.
    public static var recordsBars: Bool { false }
}
