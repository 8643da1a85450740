import CostModel
import TraderCore

/// A run's performance, from its equity curve, its round trips and its fills. Ratios are fractions
/// (0.05 is 5 %); money is exact in the account currency; a metric that is undefined for the run
/// (a Sharpe ratio without variance, a profit factor without a loss) is `nil`.
///
/// Formulas (P = periods per year, rf = the annual risk-free rate, rₜ = Eₜ / Eₜ₋₁ − 1):
/// - total return `E_last / E_first − 1`; CAGR `(1 + total return)^(1/years) − 1`, years =
///   elapsed seconds ÷ 31,536,000;
/// - annualized volatility `σ(r) × √P` with the sample standard deviation (n − 1);
/// - Sharpe `(mean(r) − rf_p) / σ(r) × √P`, rf_p = `(1 + rf)^(1/P) − 1`;
/// - Sortino `(mean(r) − rf_p) / DD × √P`, DD = `√(Σ min(0, r − rf_p)² / n)`;
/// - max drawdown: the deepest `(peak − E) / peak` from the running peak, and the longest time
///   from a peak to its recovery; Calmar `CAGR / max drawdown`;
/// - win rate `wins / round trips` (a win nets more than zero after fees), profit factor
///   `Σ winning net / |Σ losing net|`, expectancy `Σ net / round trips`;
/// - exposure time: the share of equity points with a position open; maker ratio `maker fills /
///   fills`; hold times by nearest rank;
/// - attribution: each round trip's net split into edge, entry and exit slippage, and fees
///   (CostModel's ``RoundTripAttribution``), summed.
public struct PerformanceMetrics: Sendable, Encodable {
    /// The annualization used.
    public struct Annualization: Hashable, Sendable, Encodable {
        /// P: periods per year.
        public let periodsPerYear: Double
        /// rf: the annual risk-free rate.
        public let riskFreeRate: Double

        private enum CodingKeys: String, CodingKey {
            case periodsPerYear = "periods_per_year", riskFreeRate = "risk_free_rate"
        }
    }

    /// Round trips' net PnL split by source, summed.
    public struct Attribution: Hashable, Sendable, Encodable {
        /// The mids' moves between decisions.
        public var edge: FixedPoint = .zero
        /// Entry fills against the entry decisions' mids.
        public var entrySlippage: FixedPoint = .zero
        /// Exit fills against the exit decisions' mids.
        public var exitSlippage: FixedPoint = .zero
        /// Fees of both legs.
        public var fees: FixedPoint = .zero
        /// `edge + entry slippage + exit slippage − fees`.
        public var net: FixedPoint = .zero

        /// Adds one round trip's attribution.
        ///
        /// - Throws: ``ArithmeticError`` `overflow`.
        mutating func add(_ trip: RoundTripAttribution) throws(ArithmeticError) {
            edge = try edge.adding(trip.edge)
            entrySlippage = try entrySlippage.adding(trip.entrySlippage)
            exitSlippage = try exitSlippage.adding(trip.exitSlippage)
            fees = try fees.adding(trip.fees)
            net = try net.adding(trip.net)
        }

        private enum CodingKeys: String, CodingKey {
            case edge, fees, net
            case entrySlippage = "entry_slippage", exitSlippage = "exit_slippage"
        }
    }

    /// The first equity point's time.
    public let start: Timestamp?
    /// The last equity point's time.
    public let end: Timestamp?
    /// Equity points.
    public let points: Int
    /// The first point's equity.
    public let startingEquity: FixedPoint?
    /// The last point's equity.
    public let finalEquity: FixedPoint?
    /// See the type's formulas.
    public let totalReturn: Double?
    /// See the type's formulas.
    public let cagr: Double?
    /// See the type's formulas.
    public let annualizedVolatility: Double?
    /// See the type's formulas.
    public let sharpe: Double?
    /// See the type's formulas.
    public let sortino: Double?
    /// See the type's formulas.
    public let maxDrawdown: Double
    /// The longest drawdown, in seconds.
    public let maxDrawdownDurationSeconds: Int64
    /// See the type's formulas.
    public let calmar: Double?
    /// See the type's formulas.
    public let exposureTime: Double?
    /// All round trips together.
    public let trades: TradeGroupStatistics
    /// Fills, including legs of round trips still open.
    public let fills: Int
    /// Fees over all fills.
    public let feesPaid: FixedPoint
    /// See the type's formulas.
    public let makerFillRatio: Double?
    /// Hold times in seconds; `nil` without round trips.
    public let holdTimeSeconds: HoldTimeDistribution?
    /// Round trips by the signal that opened them.
    public let bySignal: [String: TradeGroupStatistics]
    /// Round trips by symbol.
    public let bySymbol: [String: TradeGroupStatistics]
    /// Round trips by the regime at entry (`unknown` when the classifier had no answer).
    public let byRegime: [String: TradeGroupStatistics]
    /// Round trips by universe tier (`none` for symbols outside the tiers).
    public let byTier: [String: TradeGroupStatistics]
    /// Net PnL by source.
    public let attribution: Attribution
    /// P and rf.
    public let annualization: Annualization

    /// Computes the metrics.
    public init(curve: EquityCurveStatistics, roundTrips: RoundTripStatistics, fills: FillTally) {
        start = curve.first?.time
        end = curve.last?.time
        points = curve.points
        startingEquity = curve.first?.equity
        finalEquity = curve.last?.equity
        totalReturn = curve.totalReturn
        cagr = curve.cagr
        annualizedVolatility = curve.annualizedVolatility
        sharpe = curve.sharpe
        sortino = curve.sortino
        maxDrawdown = curve.maxDrawdown
        maxDrawdownDurationSeconds = curve.longestDrawdown.components.seconds
        calmar = curve.calmar
        exposureTime = curve.exposureTime
        self.fills = fills.fills
        feesPaid = fills.fees
        makerFillRatio = fills.makerRatio
        holdTimeSeconds = HoldTimeDistribution(seconds: roundTrips.holdSeconds)
        annualization = Annualization(periodsPerYear: curve.periodsPerYear, riskFreeRate: curve.riskFreeRate)
        trades = roundTrips.all
        bySignal = roundTrips.bySignal
        bySymbol = roundTrips.bySymbol
        byRegime = roundTrips.byRegime
        byTier = roundTrips.byTier
        attribution = roundTrips.attribution
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, points, cagr, sharpe, sortino, calmar, trades, fills, attribution, annualization
        case startingEquity = "starting_equity", finalEquity = "final_equity", totalReturn = "total_return"
        case annualizedVolatility = "annualized_volatility", maxDrawdown = "max_drawdown"
        case maxDrawdownDurationSeconds = "max_drawdown_duration_seconds", exposureTime = "exposure_time"
        case feesPaid = "fees_paid", makerFillRatio = "maker_fill_ratio", holdTimeSeconds = "hold_time_seconds"
        case bySignal = "by_signal", bySymbol = "by_symbol", byRegime = "by_regime", byTier = "by_tier"
    }
}
