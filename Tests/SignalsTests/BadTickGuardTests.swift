import Signals
import Testing
import TraderCore

@Suite struct BadTickGuardTests {
    private let configuration = BadTickGuard.Configuration(
        maxMovePct: 5, confirmingVolumeRatio: 3, confirmationBars: 2, volumePeriod: 3)

    /// A hand-made candle (mechanics only, not market data).
    private func candle(_ minute: Int64, close: String, volume: String = "10") -> Candle {
        let price = Price(close)!
        return Candle(
            time: Timestamp(secondsSinceEpoch: minute * 60), open: price, high: price, low: price, close: price,
            volume: Quantity(volume)!)
    }

    private func verdicts(_ candles: [Candle]) -> [BadTickGuard.Verdict] {
        var guardrail = BadTickGuard(configuration: configuration)
        return candles.map { guardrail.check($0) }
    }

    @Test func aSpikeWithoutVolumeIsRejectedAndTheReturnAccepted() {
        let result = verdicts([
            candle(0, close: "100"), candle(1, close: "101"), candle(2, close: "100"), candle(3, close: "100"),
            candle(4, close: "150"), candle(5, close: "100"),
        ])
        #expect(result.map(\.isAccepted) == [true, true, true, true, false, true])
        #expect(
            result[4]
                == .rejected(
                    code: "bad_tick",
                    reason: "close moved 50% from 100 (limit 5%) with volume 1× average, below the 3× that confirms it"))
    }

    @Test func aMoveOnConfirmingVolumeIsAccepted() {
        let result = verdicts([
            candle(0, close: "100"), candle(1, close: "100"), candle(2, close: "100"), candle(3, close: "100"),
            candle(4, close: "120", volume: "30"),
        ])
        #expect(result.last == .accepted)
    }

    @Test func aNewLevelIsAcceptedOnlyAfterItHoldsForTheConfirmationBars() {
        let result = verdicts([
            candle(0, close: "100"), candle(1, close: "120"), candle(2, close: "121"), candle(3, close: "120"),
            candle(4, close: "122"),
        ])
        #expect(result.map(\.isAccepted) == [true, false, false, true, true])
        #expect(result[2] == .rejected(code: "bad_tick", reason: "new level 120 held 1 of 2 bars"))
    }

    @Test func realHourlyBitcoinPassesUntouchedUnderAFifteenPercentLimit() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var guardrail = BadTickGuard(
            configuration: .init(maxMovePct: 15, confirmingVolumeRatio: 2, confirmationBars: 2))
        let rejected = bars.close.indices.filter { !guardrail.check(bars.candle($0)).isAccepted }
        #expect(rejected.isEmpty)
    }

    @Test func realCrashBarWithoutConfirmingVolumeIsHeldAsSuspect() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var guardrail = BadTickGuard(configuration: .init(maxMovePct: 8, confirmingVolumeRatio: 2, confirmationBars: 2))
        let verdicts = (0...4180).map { guardrail.check(bars.candle($0)) }
        // Bar 4178 (2017-12-22) fell 12.33% on 1.73× volume: suspect; bars 4179-4180 hold the level.
        #expect(verdicts[1825] == .accepted)  // +11.5% on 2.87× volume
        #expect(
            verdicts[4178]
                == .rejected(
                    code: "bad_tick",
                    reason: "close moved 12.33% from 13795.34 (limit 8%) with volume 1.73× average, below the 2× that confirms it"))
    }
}

@Suite struct QuoteGuardTests {
    /// A hand-made quote (mechanics only).
    private func quote(_ bid: String, _ ask: String, second: Int64 = 0) -> Quote {
        Quote(
            symbol: Symbol(base: "BTC", quote: "USD"), bid: Price(bid)!, ask: Price(ask)!, bidSize: Quantity("1")!,
            askSize: Quantity("1")!, time: Timestamp(secondsSinceEpoch: second))
    }

    @Test func crossedAndNonPositiveQuotesAreRejected() {
        var guardrail = QuoteGuard(maxMovePct: 5, confirmationQuotes: 2)
        #expect(guardrail.check(quote("101", "100")) == .rejected(code: "bad_tick", reason: "crossed or locked book: bid 101 ≥ ask 100"))
        #expect(guardrail.check(quote("0", "100")) == .rejected(code: "bad_tick", reason: "bid 0 or ask 100 is not positive"))
    }

    @Test func aJumpIsHeldUntilConfirmedAndASpikeThatRevertsNeverIs() {
        var guardrail = QuoteGuard(maxMovePct: 5, confirmationQuotes: 2)
        let verdicts = [
            quote("99.99", "100.01"), quote("149.99", "150.01"), quote("99.99", "100.01"),  // spike and back
            quote("119.99", "120.01"), quote("120.99", "121.01"), quote("119.99", "120.01"),  // a new level, held
        ].map { guardrail.check($0) }
        #expect(verdicts.map(\.isAccepted) == [true, false, true, false, false, true])
        #expect(verdicts[1] == .rejected(code: "bad_tick", reason: "mid 150 is 50% from 100 (limit 5%), held 0 of 2 quotes"))
    }
}
