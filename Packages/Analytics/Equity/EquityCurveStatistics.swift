import TraderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The statistics of an equity curve, accumulated one point at a time in constant memory, so a
/// curve of ten million bars costs no more than one of ten.
///
/// Per-period returns are simple returns between consecutive points, `rₜ = Eₜ / Eₜ₋₁ − 1`, taken
/// from the fixed-point equities' raw integers (exact as `Double`s below 2⁵³), so each return is
/// rounded once. Mean and variance use Welford's method; the downside sum uses returns below the
/// per-period risk-free rate. Drawdown is measured from the running peak to the lowest point
/// after it, worked out when a new peak ends the fall (or when read), not at every point.
///
/// A point at the same equity as the one before (nothing held, or nothing moved) is a zero return;
/// such runs are counted and merged into the mean and variance as one block when the next change
/// comes (Chan's pairwise formula), so the common case costs a comparison instead of three
/// floating-point divisions. Merged and one-by-one moments agree to within rounding.
public struct EquityCurveStatistics: Sendable {
    /// Periods in a year (365 × 86,400 / bar seconds for a market that trades around the clock).
    public let periodsPerYear: Double
    /// The annual risk-free rate, as a fraction (0.02 is 2 %).
    public let riskFreeRate: Double
    /// The risk-free rate per period: `(1 + rf)^(1/P) − 1`.
    public let riskFreePerPeriod: Double

    /// The first point.
    public private(set) var first: EquityPoint?
    /// The latest point.
    public private(set) var last: EquityPoint?
    /// Points seen.
    public private(set) var points = 0
    /// Points at which something was held.
    public private(set) var exposedPoints = 0
    /// The deepest fall from a running peak, as a fraction of the peak (0.1 is 10 %).
    public var maxDrawdown: Double {
        underwater && peak > 0 ? max(endedDrawdown, (peak - trough) / peak) : endedDrawdown
    }
    /// The longest time from a peak until equity first regained it (or until the last point, when
    /// it has not yet).
    public private(set) var maxDrawdownDuration: Duration = .zero

    /// The moments of the returns merged so far, and the zero returns since (not yet merged).
    private var moments = ReturnMoments()
    private var pendingZeroReturns = 0
    /// The latest point's equity, the running peak and the lowest equity since it, as `Double`s of
    /// the fixed-point raw values (every ratio taken of them is the same at any scale).
    private var lastEquity = 0.0
    private var peak = 0.0
    private var trough = 0.0
    /// The deepest drawdown among those a new peak ended.
    private var endedDrawdown = 0.0
    private var peakTime: Timestamp?
    private var underwater = false

    /// Empty statistics for bars `periodsPerYear` to the year and an annual `riskFreeRate`.
    public init(periodsPerYear: Double, riskFreeRate: Double = 0) {
        self.periodsPerYear = periodsPerYear
        self.riskFreeRate = riskFreeRate
        riskFreePerPeriod = pow(1 + riskFreeRate, 1 / periodsPerYear) - 1
    }

    /// Adds the next point (times must not go backwards).
    public mutating func add(_ point: EquityPoint) {
        if let last, point.equity == last.equity {
            addUnchanged(point)
            return
        }
        let equity = Double(point.equity.raw)
        if last != nil, lastEquity > 0 {
            moments.addZeros(pendingZeroReturns, riskFreePerPeriod: riskFreePerPeriod)
            pendingZeroReturns = 0
            moments.add(equity / lastEquity - 1, riskFreePerPeriod: riskFreePerPeriod)
        }
        if first == nil { first = point }
        last = point
        lastEquity = equity
        points += 1
        if point.exposed { exposedPoints += 1 }
        if peakTime == nil || equity >= peak {
            if underwater, let peakTime {
                maxDrawdownDuration = max(maxDrawdownDuration, peakTime.duration(to: point.time))
                if peak > 0 { endedDrawdown = max(endedDrawdown, (peak - trough) / peak) }
            }
            underwater = false
            peak = equity
            trough = equity
            peakTime = point.time
        } else {
            // The deepest fall from this peak is to its lowest point: a comparison per point, and
            // one division when the fall ends (the fraction falls as the equity rises).
            underwater = true
            trough = min(trough, equity)
        }
    }

    /// A point at the latest point's equity: a zero return, and a peak that moves on in time when
    /// equity is at its peak (the drawdown cannot deepen).
    private mutating func addUnchanged(_ point: EquityPoint) {
        if lastEquity > 0 { pendingZeroReturns += 1 }
        last = point
        points += 1
        if point.exposed { exposedPoints += 1 }
        if !underwater { peakTime = point.time }
    }

    /// Every return so far, the pending zeros merged.
    private var allReturns: ReturnMoments {
        var all = moments
        all.addZeros(pendingZeroReturns, riskFreePerPeriod: riskFreePerPeriod)
        return all
    }

    /// The longest drawdown, counting one still open at the last point.
    public var longestDrawdown: Duration {
        guard underwater, let peakTime, let last else { return maxDrawdownDuration }
        return max(maxDrawdownDuration, peakTime.duration(to: last.time))
    }

    /// `E_last / E_first − 1`; `nil` before two points or from a non-positive start.
    public var totalReturn: Double? {
        guard let first, let last, points > 1, first.equity.raw > 0 else { return nil }
        return last.equity.doubleValue / first.equity.doubleValue - 1
    }

    /// Compound annual growth: `(E_last / E_first)^(1/years) − 1`, years = elapsed seconds ÷
    /// (365 × 86,400); `nil` for no elapsed time or a wiped-out account.
    public var cagr: Double? {
        guard let first, let last, let totalReturn, totalReturn > -1 else { return nil }
        let years = Double(first.time.duration(to: last.time).components.seconds) / (365 * 86_400)
        guard years > 0 else { return nil }
        return pow(1 + totalReturn, 1 / years) - 1
    }

    /// The sample standard deviation of per-period returns (n − 1); `nil` below two returns.
    public var returnStandardDeviation: Double? {
        let all = allReturns
        return all.count > 1 ? (all.squaredDeviations / Double(all.count - 1)).squareRoot() : nil
    }

    /// `σ × √P`.
    public var annualizedVolatility: Double? { returnStandardDeviation.map { $0 * periodsPerYear.squareRoot() } }

    /// `(mean(r) − rf_period) / σ × √P`; `nil` when σ is zero or unknown.
    public var sharpe: Double? {
        guard let sd = returnStandardDeviation, sd > 0 else { return nil }
        return (allReturns.mean - riskFreePerPeriod) / sd * periodsPerYear.squareRoot()
    }

    /// `(mean(r) − rf_period) / DD × √P`, where the downside deviation
    /// `DD = √(Σ min(0, r − rf_period)² / n)` over all n returns; `nil` without a downside.
    public var sortino: Double? {
        let all = allReturns
        guard all.count > 0, all.downsideSquares > 0 else { return nil }
        let downside = (all.downsideSquares / Double(all.count)).squareRoot()
        return (all.mean - riskFreePerPeriod) / downside * periodsPerYear.squareRoot()
    }

    /// `CAGR / max drawdown`; `nil` without a drawdown.
    public var calmar: Double? {
        guard let cagr, maxDrawdown > 0 else { return nil }
        return cagr / maxDrawdown
    }

    /// The share of points at which something was held.
    public var exposureTime: Double? { points > 0 ? Double(exposedPoints) / Double(points) : nil }
}
