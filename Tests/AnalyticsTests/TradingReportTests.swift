@testable import Analytics
import Testing
import TraderCore

/// The report over a window: the round trips that ended in it, the equity points and fills in it,
/// and the fees no round trip in it holds.
@Suite struct TradingReportTests {
    static let usd = Currency(code: "USD")

    static func time(_ hours: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: 1_700_000_000 + hours * 3600) }

    static func fill(_ id: String, fee: FixedPoint, at hours: Int64) -> Fill {
        Fill(tradeID: TradeID(id), price: Price(100), quantity: Quantity(1), fee: Money(fee, usd), liquidity: .maker, time: time(hours))
    }

    static func trip(entry: Int64, exit: Int64, net: FixedPoint, fees: FixedPoint) throws -> RoundTrip {
        try RoundTrip(
            symbol: Symbol(base: "BTC", quote: "USD"), side: .buy, signal: "momentum", regime: .trend, tier: "core", quantity: Quantity(1),
            entryTime: time(entry), exitTime: time(exit), entryPrice: Price(100), exitPrice: Price(try FixedPoint(100).adding(net).adding(fees)),
            entryMid: Price(100), exitMid: Price(try FixedPoint(100).adding(net).adding(fees)), fees: fees, makerFills: 2, fills: 2)
    }

    @Test func aWindowKeepsWhatEndedInItAndNamesTheFeesOutsideItsRoundTrips() throws {
        let trips = [try Self.trip(entry: 0, exit: 2, net: 8, fees: 2), try Self.trip(entry: 3, exit: 6, net: -4, fees: 2)]
        let fills = [
            Self.fill("1", fee: 1, at: 0), Self.fill("2", fee: 1, at: 2), Self.fill("3", fee: 1, at: 3), Self.fill("4", fee: 1, at: 6),
            Self.fill("5", fee: FixedPoint("0.5")!, at: 7),
        ]
        let equity = (Int64(0)...8).map { EquityPoint(time: Self.time($0), equity: FixedPoint(Int(1_000 + $0)), exposed: $0 % 2 == 0) }
        let report = try TradingReport(
            kind: "backtest", source: "test", from: Self.time(1), to: Self.time(7), roundTrips: trips, equity: equity, fills: fills,
            periodsPerYear: 8_760, riskFreeRate: 0, decisions: ["approved.buy": 2], cyclesWithoutSignal: 5, decisionsCoverWholeRun: true)
        // Both round trips ended in [1 h, 7 h); fills 2 to 4 are in it; points 1 to 6.
        #expect(report.metrics.trades.trades == 2)
        #expect(report.metrics.attribution.net == 4)
        #expect(report.metrics.fills == 3)
        #expect(report.metrics.feesPaid == 3)
        #expect(report.feesOutsideRoundTrips == -1)  // the first trip's entry fee was paid before the window
        #expect(report.metrics.points == 6)
        #expect(report.metrics.startingEquity == 1_001 && report.metrics.finalEquity == 1_006)
        #expect(report.currency == "USD")
        let netRow = report.text.split(separator: "\n").first { $0.hasPrefix("  net PnL ") }
        #expect(netRow?.split(separator: " ").suffix(2).joined(separator: " ") == "4 USD")
    }
}

/// The HTML page: self-contained, its charts drawn, its numbers the text's.
@Suite struct TradingReportPageTests {
    @Test func thePageIsSelfContainedWithFourChartsAndTheTextsNumbers() throws {
        let trips = [try TradingReportTests.trip(entry: 0, exit: 2, net: 8, fees: 2), try TradingReportTests.trip(entry: 3, exit: 800, net: -4, fees: 2)]
        let equity = (Int64(0)...900).map { EquityPoint(time: TradingReportTests.time($0), equity: FixedPoint(Int(1_000 + ($0 % 50) - 25)), exposed: true) }
        let report = try TradingReport(
            kind: "backtest", source: "runs/<2021> & co", from: nil, to: nil, roundTrips: trips, equity: equity, fills: [],
            periodsPerYear: 8_760, riskFreeRate: 0, decisions: ["rejected.insufficient_depth": 3], cyclesWithoutSignal: 1,
            decisionsCoverWholeRun: true)
        let page = report.html
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(!page.contains("<script") && !page.contains("http:") && !page.contains("https:") && !page.contains(" src="))
        #expect(page.contains("runs/&lt;2021&gt; &amp; co"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 4)
        for id in ["equity", "drawdown", "monthly-returns", "attribution-bars"] {
            let section = try #require(page.components(separatedBy: "<section id=\"\(id)\">").last?.components(separatedBy: "</section>").first)
            #expect(section.contains("<path d=\"M") || section.contains("<rect "), "\(id) draws nothing")
        }
        // Two months (November and December 2023, UTC): two cells in the heat map.
        let monthly = page.components(separatedBy: "<section id=\"monthly-returns\">")[1].components(separatedBy: "</section>")[0]
        #expect(monthly.components(separatedBy: "<rect ").count - 1 == 2)
        // The tables hold the text report's cells.
        #expect(page.contains("<td class=\"r\">4 USD</td>"))
        #expect(report.text.contains("  net PnL") && page.contains("<td>rejected.insufficient_depth</td><td class=\"r\">3</td>"))
    }

    @Test func aSymbolsTradesAreDrawnOnItsDecisionMidsWithAtMostAThousandMarkersASide() throws {
        let btc = Symbol(base: "BTC", quote: "USD")
        var markers = TradeMarkers()
        for index in 0..<2_500 {
            let time = TradingReportTests.time(Int64(index))
            let price = Price(FixedPoint(100 + index % 7))
            let fill = Fill(tradeID: TradeID("f\(index)"), price: price, quantity: Quantity(1), fee: Money(.zero, Currency(code: "USD")), liquidity: .maker, time: time)
            markers.add(symbol: btc, side: index % 5 == 0 ? .sell : .buy, decidedAt: time, mid: price, fills: [fill])
        }
        let report = try TradingReport(
            kind: "backtest", source: "test", from: nil, to: TradingReportTests.time(2_400), roundTrips: [], equity: [], fills: [],
            periodsPerYear: 8_760, riskFreeRate: 0, decisions: [:], cyclesWithoutSignal: 0, decisionsCoverWholeRun: true, markers: markers)
        let chart = try #require(report.html.components(separatedBy: "<section id=\"trades-BTC-USD\">").dropFirst().first?.components(separatedBy: "</svg>").first)
        // In the window: 1,920 buys (every second drawn: 960) and 480 sells (all drawn).
        let paths = chart.components(separatedBy: "<path d=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
        #expect(paths.count == 3)
        #expect(paths[1].components(separatedBy: "M").count - 1 == 960)
        #expect(paths[2].components(separatedBy: "M").count - 1 == 480)
        #expect(chart.contains(">106</text>") && chart.contains(">100</text>"))
    }

    @Test func aThinnedCurveKeepsEveryBucketsExtremesAndItsEnds() {
        var values = (0..<10_000).map { Double($0 % 97) }
        values[4_321] = -500
        values[7_777] = 900
        let kept = CurveDownsampler.keptIndices(of: values, buckets: 100)
        #expect(kept.count <= 400)
        #expect(kept.first == 0 && kept.last == 9_999)
        #expect(kept.contains(4_321) && kept.contains(7_777))
        #expect(kept == kept.sorted() && Set(kept).count == kept.count)
        #expect(CurveDownsampler.keptIndices(of: Array(values.prefix(300)), buckets: 100) == Array(0..<300))
    }
}
