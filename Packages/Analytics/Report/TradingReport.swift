import TraderCore

/// What trader-report shows of one run over a window: the performance metrics recomputed from
/// the run's round trips, equity curve and fills in the window, the fees outside its round trips,
/// and why the engine did or did not trade.
public struct TradingReport: Sendable, Encodable {
    /// What the report was made from: `backtest` (an artifacts folder) or `live` (a state store).
    public let kind: String
    /// The folder or file read.
    public let source: String
    /// The window: round trips that ended in it, equity points and fills in it (`nil`: unbounded).
    public let from: Timestamp?
    /// See ``from``.
    public let to: Timestamp?
    /// The currency amounts are in: the quote currency of the symbols traded (`nil` when they
    /// differ, or nothing was traded).
    public let currency: String?
    /// The metrics over the window.
    public let metrics: PerformanceMetrics
    /// The equity points in the window (drawn on the HTML page; not in the JSON, which carries
    /// the metrics).
    public let equity: [EquityPoint]
    /// Exposure by asset in the window, when the source has it (drawn on the HTML page).
    public let exposure: ExposureSeries?
    /// The decisions' mids and the fills in the window, by symbol, when the source has them
    /// (drawn on the HTML page).
    public let markers: TradeMarkers?
    /// Fees paid in the window that no round trip in it holds: entries of lots still open, and
    /// lots whose round trip ends after the window; less the fees of round trips in the window
    /// paid before it (so it can be negative). `metrics.feesPaid` is the round trips' fees plus
    /// these, exactly.
    public let feesOutsideRoundTrips: FixedPoint
    /// Decisions by reason code (`approved.buy`, `rejected.<code>`, ...).
    public let decisions: [String: Int]
    /// Cycles in which no signal fired.
    public let cyclesWithoutSignal: Int
    /// Whether ``decisions`` count the window or the whole run (a backtest's are kept per run).
    public let decisionsCoverWholeRun: Bool
    /// Rejections by reason code per UTC day, the days in the window.
    public let rejectionsByDay: [DailyCount]

    /// The report of `roundTrips`, `equity` and `fills` within `from..<to`.
    ///
    /// - Parameters:
    ///   - periodsPerYear, riskFreeRate: the annualization the run used.
    ///   - exposure: exposure by asset over the run, if the source has it.
    ///   - markers: the orders' decision mids and fills over the run, if the source has them.
    ///   - rejectionsByDay: rejections by reason code per UTC day, if the source keeps them.
    /// - Throws: ``ArithmeticError`` when a sum leaves the fixed-point range.
    public init(
        kind: String, source: String, from: Timestamp?, to: Timestamp?, roundTrips: [RoundTrip], equity: [EquityPoint], fills: [Fill],
        periodsPerYear: Double, riskFreeRate: Double, decisions: [String: Int], cyclesWithoutSignal: Int, decisionsCoverWholeRun: Bool,
        exposure: ExposureSeries? = nil, markers: TradeMarkers? = nil, rejectionsByDay: [DailyCount] = []
    ) throws(ArithmeticError) {
        let window = ReportWindow(from: from, to: to)
        var curve = EquityCurveStatistics(periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate)
        let points = equity.filter { window.contains($0.time) }
        for point in points { curve.add(point) }
        self.equity = points
        self.exposure = exposure?.within(window)
        self.markers = markers?.within(window)
        var statistics = RoundTripStatistics()
        for trip in roundTrips where window.contains(trip.exitTime) { try statistics.add(trip) }
        var tally = FillTally()
        for fill in fills where window.contains(fill.time) { try tally.record(fill) }
        let quotes = Set(roundTrips.map(\.symbol.quote) + fills.map(\.fee.currency.code))
        currency = quotes.count == 1 ? quotes.first : nil
        self.kind = kind
        self.source = source
        self.from = from
        self.to = to
        metrics = PerformanceMetrics(curve: curve, roundTrips: statistics, fills: tally)
        feesOutsideRoundTrips = try tally.fees.subtracting(statistics.attribution.fees)
        self.decisions = decisions
        self.cyclesWithoutSignal = cyclesWithoutSignal
        self.decisionsCoverWholeRun = decisionsCoverWholeRun
        self.rejectionsByDay = rejectionsByDay.filter { window.contains($0.day) }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, source, from, to, currency, metrics, decisions
        case feesOutsideRoundTrips = "fees_outside_round_trips", cyclesWithoutSignal = "cycles_without_signal"
        case decisionsCoverWholeRun = "decisions_cover_whole_run", rejectionsByDay = "rejections_by_day"
    }
}
