import Analytics
import Testing
import TraderCore

/// Metrics on a curve small enough to check by hand: daily points 100, 110, 99, 99, 121.
///
/// Returns r = 0.1, −0.1, 0, 2/9; mean = (2/9)/4 = 1/18; sample σ = √(Σ(r − 1/18)² / 3) =
/// 0.13788526273323...; P = 365. The peak of 110 falls to 99 (10 %) and is regained on day 4.
@Suite struct EquityCurveStatisticsTests {
    static let day: Int64 = 86_400

    static func curve(riskFreeRate: Double = 0) -> EquityCurveStatistics {
        var curve = EquityCurveStatistics(periodsPerYear: 365, riskFreeRate: riskFreeRate)
        let equities: [FixedPoint] = [100, 110, 99, 99, 121]
        let exposed = [false, true, true, false, true]
        for (index, equity) in equities.enumerated() {
            curve.add(EquityPoint(time: Timestamp(secondsSinceEpoch: Int64(index) * day), equity: equity, exposed: exposed[index]))
        }
        return curve
    }

    static func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= abs(expected) * 1e-12
    }

    @Test func returnsVolatilityAndRatiosMatchTheHandComputation() {
        let curve = Self.curve()
        #expect(Self.close(curve.totalReturn, 0.21))
        #expect(Self.close(curve.returnStandardDeviation, 0.1378852627332318))
        #expect(Self.close(curve.annualizedVolatility, 0.1378852627332318 * 365.0.squareRoot()))
        // (1/18) / σ × √365
        #expect(Self.close(curve.sharpe, 7.697613055567733))
        // downside deviation √(0.1² / 4) = 0.05; (1/18) / 0.05 × √365
        #expect(Self.close(curve.sortino, (1.0 / 18) / 0.05 * 365.0.squareRoot()))
        // 1.21^(365/4) − 1 over four days
        #expect(Self.close(curve.cagr, 35_823_253.742043555))
        #expect(Self.close(curve.calmar, 358_232_537.42043555))
        #expect(Self.close(curve.exposureTime, 0.6))
    }

    @Test func drawdownIsTheDeepestFallFromThePeakAndLastsUntilRecovered() {
        let curve = Self.curve()
        #expect(Self.close(curve.maxDrawdown, 0.1))
        #expect(curve.longestDrawdown == .seconds(3 * Self.day))
    }

    @Test func aDrawdownStillOpenAtTheEndCountsUntilTheLastPoint() {
        var curve = EquityCurveStatistics(periodsPerYear: 365)
        for (index, equity) in ([100, 120, 90, 100] as [FixedPoint]).enumerated() {
            curve.add(EquityPoint(time: Timestamp(secondsSinceEpoch: Int64(index) * Self.day), equity: equity, exposed: true))
        }
        #expect(Self.close(curve.maxDrawdown, 0.25))
        #expect(curve.longestDrawdown == .seconds(2 * Self.day))
    }

    @Test func theDeepestFallIsToTheLowestPointAfterAPeakWhetherItEndedOrIsStillOpen() {
        func maxDrawdown(_ equities: [FixedPoint]) -> Double {
            var curve = EquityCurveStatistics(periodsPerYear: 365)
            for (index, equity) in equities.enumerated() {
                let time = Timestamp(secondsSinceEpoch: Int64(index) * Self.day)
                curve.add(EquityPoint(time: time, equity: equity, exposed: true))
            }
            return curve.maxDrawdown
        }
        // 100 falls to 70 (not its first or last low), a new peak ends it, and a shallower fall stays open.
        #expect(maxDrawdown([100, 80, 95, 70, 85, 101, 90, 95]) == 0.3)
        // A fall of 10 % ended, then one of 50 % from a higher peak still open.
        #expect(maxDrawdown([100, 90, 100, 120, 60, 70]) == 0.5)
    }

    @Test func theRiskFreeRateIsCompoundedPerPeriodAndSubtracted() {
        let curve = Self.curve(riskFreeRate: 0.02)
        #expect(Self.close(curve.riskFreePerPeriod, 5.425524517677083e-05))
        #expect(Self.close(curve.sharpe, 7.69009560966283))
        #expect(Self.close(curve.sortino, 21.195514275506525))
    }

    @Test func aFlatCurveHasNoSharpeNoSortinoAndNoDrawdown() {
        var curve = EquityCurveStatistics(periodsPerYear: 365)
        for index in 0..<3 {
            curve.add(EquityPoint(time: Timestamp(secondsSinceEpoch: Int64(index) * Self.day), equity: 100, exposed: false))
        }
        #expect(curve.sharpe == nil)
        #expect(curve.sortino == nil)
        #expect(curve.calmar == nil)
        #expect(curve.maxDrawdown == 0)
        #expect(curve.totalReturn == 0)
        #expect(curve.exposureTime == 0)
    }

    @Test func runsOfUnchangedEquityGiveTheMomentsOfTheirZeroReturns() {
        // Equity that rests for runs of 0 to 4 points between moves, against the two-pass
        // mean and sample deviation of all its returns (zeros included).
        var equities: [FixedPoint] = []
        for step in 0..<40 {
            let level = FixedPoint(raw: 10_000_000_000 + Int64((step * 7_919) % 1_000) * 1_000_000)
            equities += Array(repeating: level, count: 1 + step % 5)
        }
        var curve = EquityCurveStatistics(periodsPerYear: 365, riskFreeRate: 0.02)
        for (index, equity) in equities.enumerated() {
            curve.add(EquityPoint(time: Timestamp(secondsSinceEpoch: Int64(index) * Self.day), equity: equity, exposed: false))
        }
        let values = equities.map(\.doubleValue)
        let returns = zip(values.dropFirst(), values).map { $0 / $1 - 1 }
        let mean = returns.reduce(0, +) / Double(returns.count)
        let deviation = (returns.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(returns.count - 1)).squareRoot()
        let riskFree = curve.riskFreePerPeriod
        let downside = (returns.map { min(0, $0 - riskFree) * min(0, $0 - riskFree) }.reduce(0, +) / Double(returns.count)).squareRoot()
        #expect(returns.count == 119)
        #expect(returns.filter { $0 == 0 }.count == 80)
        #expect(Self.close(curve.returnStandardDeviation, deviation))
        #expect(Self.close(curve.sharpe, (mean - riskFree) / deviation * 365.0.squareRoot()))
        #expect(Self.close(curve.sortino, (mean - riskFree) / downside * 365.0.squareRoot()))
    }
}
