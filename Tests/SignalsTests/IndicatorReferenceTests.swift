import Signals
import Testing

/// Every streaming indicator against a textbook batch implementation over all 20,111 real
/// Coinbase BTC-USD hourly candles (shared/data/coinbase_btcusd_1h.csv), to 1e-9 relative; and
/// against TA-Lib 0.8.2's own output on the same file (first and last values, pinned from a run of
/// the ta-lib PyPI wheel: talib.EMA(close, 12), RSI(close, 14), ATR(h, l, c, 14), MACD(close, 12,
/// 26, 9), BBANDS(close, 20, 2, 2)).
@Suite struct IndicatorReferenceTests {
    static let candles = Result { try RealCandles.load("coinbase_btcusd_1h.csv") }

    private func candles() throws -> RealCandles { try Self.candles.get() }

    /// Asserts that two series agree in warm-up (nil at the same places) and to 1e-9 relative.
    /// `floor` bounds the denominator from below for quantities that cross zero (a z-score), where a
    /// relative difference near zero measures cancellation, not the indicator.
    private func expectMatch(
        _ streamed: [Double?], _ reference: [Double?], _ name: String, floor: Double = 1e-300,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(streamed.count == reference.count, sourceLocation: sourceLocation)
        var worst = 0.0
        for (index, (actual, expected)) in zip(streamed, reference).enumerated() {
            guard let actual, let expected else {
                #expect(actual == nil && expected == nil, "\(name): warm-up differs at \(index)", sourceLocation: sourceLocation)
                continue
            }
            worst = max(worst, abs(actual - expected) / max(abs(expected), floor))
        }
        #expect(worst <= 1e-9, "\(name): worst relative difference \(worst)", sourceLocation: sourceLocation)
    }

    private func expectClose(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("no value where TA-Lib has \(expected)", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) / abs(expected) <= 1e-9, "\(actual) vs TA-Lib \(expected)", sourceLocation: sourceLocation)
    }

    @Test func simpleAndExponentialAveragesMatch() throws {
        let close = try candles().close
        var sma = SimpleMovingAverage(period: 20)
        expectMatch(close.map { sma.update($0) }, Textbook.sma(close, 20), "SMA(20)")
        var ema = ExponentialMovingAverage(period: 12)
        let streamed = close.map { ema.update($0) }
        expectMatch(streamed, Textbook.ema(close, 12), "EMA(12)")
        expectClose(streamed[11], 2449.75)
        expectClose(streamed.last!, 7996.391100418027)
    }

    @Test func wilderRSIMatches() throws {
        let close = try candles().close
        var rsi = RelativeStrengthIndex(period: 14)
        let streamed = close.map { rsi.update($0) }
        expectMatch(streamed, Textbook.rsi(close, 14), "RSI(14)")
        #expect(streamed[13] == nil)
        expectClose(streamed[14], 26.98994019748733)
        expectClose(streamed.last!, 51.9618634813769)
    }

    @Test func wilderATRMatches() throws {
        let bars = try candles()
        var atr = AverageTrueRange(period: 14)
        let streamed = bars.close.indices.map { atr.update(high: bars.high[$0], low: bars.low[$0], close: bars.close[$0]) }
        expectMatch(streamed, Textbook.atr(high: bars.high, low: bars.low, close: bars.close, 14), "ATR(14)")
        expectClose(streamed[14], 28.737142857142803)
        expectClose(streamed.last!, 42.30323630905545)
    }

    @Test func macdMatchesTALibsSeeding() throws {
        let close = try candles().close
        var macd = MovingAverageConvergenceDivergence(fast: 12, slow: 26, signal: 9)
        let streamed = close.map { macd.update($0) }
        let fast = Textbook.ema(close, 12, skipping: 14)
        let slow = Textbook.ema(close, 26)
        let line = close.indices.map { i in fast[i].flatMap { f in slow[i].map { f - $0 } } }
        let signal = Textbook.ema(line.compactMap { $0 }, 9)
        let offset = line.firstIndex { $0 != nil }!
        let referenceSignal = close.indices.map { $0 < offset ? nil : signal[$0 - offset] }
        expectMatch(streamed.map { $0?.signal }, referenceSignal, "MACD signal")
        #expect(streamed[32] == nil)
        expectClose(streamed[33]?.macd, 12.70646225305427)
        expectClose(streamed[33]?.signal, 2.071091775488185)
        expectClose(streamed.last!?.macd, -24.688131338977655)
    }

    @Test func bollingerBandsMatchWithPopulationDeviation() throws {
        let close = try candles().close
        var bands = BollingerBands(period: 20, width: 2)
        let streamed = close.map { bands.update($0) }
        let mean = Textbook.sma(close, 20)
        let deviation = Textbook.populationDeviation(close, 20)
        expectMatch(streamed.map { $0?.middle }, mean, "BB middle")
        expectMatch(streamed.map { $0?.upper }, close.indices.map { i in mean[i].map { $0 + 2 * deviation[i]! } }, "BB upper")
        let last = try #require(streamed.last!)
        expectClose(last.upper, 8030.71923939975)
        expectClose(last.middle, 7978.523999999974)
        expectClose(last.lower, 7926.328760600198)
    }

    @Test func rollingExtremesMatch() throws {
        let bars = try candles()
        var extremes = RollingExtremes(period: 20)
        let streamed = bars.close.indices.map { extremes.update(high: bars.high[$0], low: bars.low[$0]) }
        expectMatch(streamed.map { $0?.highest }, Textbook.highest(bars.high, 20), "MAX(20)")
        expectMatch(streamed.map { $0?.lowest }, Textbook.lowest(bars.low, 20), "MIN(20)")
    }

    @Test func zScoreVolumeRatioAndVWAPMatchTheirDefinitions() throws {
        let bars = try candles()
        var zScore = ZScore(period: 50)
        let mean = Textbook.sma(bars.close, 50)
        let deviation = Textbook.populationDeviation(bars.close, 50)
        expectMatch(
            bars.close.map { zScore.update($0) },
            bars.close.indices.map { i in mean[i].map { (bars.close[i] - $0) / deviation[i]! } }, "z-score(50)", floor: 1)

        var ratio = VolumeRatio(period: 24)
        let previousAverage = Textbook.sma(bars.volume, 24)
        expectMatch(
            bars.volume.map { ratio.update($0) },
            bars.volume.indices.map { i in i == 0 ? nil : previousAverage[i - 1].map { bars.volume[i] / $0 } }, "volume ratio(24)")

        var vwap = RollingVWAP(period: 24)
        let typical = bars.close.indices.map { (bars.high[$0] + bars.low[$0] + bars.close[$0]) / 3 }
        let reference = bars.close.indices.map { i -> Double? in
            guard i >= 23 else { return nil }
            let window = (i - 23)...i
            return window.reduce(0) { $0 + typical[$1] * bars.volume[$1] } / window.reduce(0) { $0 + bars.volume[$1] }
        }
        expectMatch(
            bars.close.indices.map {
                vwap.update(high: bars.high[$0], low: bars.low[$0], close: bars.close[$0], volume: bars.volume[$0])
            }, reference, "VWAP(24)")
    }
}
