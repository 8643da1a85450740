import Testing
import TraderCore

/// Values built from venue data: a malformed one is a `VenueError` `malformed_reply` naming the value and its fields,
/// never a crash. The values here are hand-made cases of the checks.
@Suite struct ValidatingInitializerTests {
    private let btc = Symbol(base: "BTC", quote: "USD")
    private let time = Timestamp(secondsSinceEpoch: 1_700_000_000)

    /// The `VenueError` the body throws, as text; `nil` when it throws nothing.
    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? VenueError)?.description ?? "not a VenueError: \(error)"
        }
    }

    @Test func aTimeOutsideTheRangeOfTimestampIsAnError() throws {
        #expect(try Timestamp(validatingSecondsSinceEpoch: 1_700_000_000) == time)
        #expect(message { _ = try Timestamp(validatingSecondsSinceEpoch: 1_700_000_000_000) }
            == "malformed_reply: timestamp: 1700000000000 s since 1970 is outside the years 1678 to 2262")
    }

    @Test func aCandleWhosePricesMakeNoBarIsAnError() throws {
        let p = { (text: String) in Price(text)! }
        let good = try Candle(validatingTime: time, open: p("2"), high: p("3"), low: p("1"), close: p("2.5"), volume: Quantity("4")!)
        #expect(good.close == p("2.5"))
        #expect(message { _ = try Candle(validatingTime: time, open: p("2"), high: p("1"), low: p("1"), close: p("1"), volume: .zero) }
            == "malformed_reply: candle: open 2 and close 1 at 2023-11-14T22:13:20Z must lie within low 1 and high 1")
        #expect(message { _ = try Candle(validatingTime: time, open: p("0"), high: p("1"), low: p("0"), close: p("1"), volume: .zero) }
            == "malformed_reply: candle: low 0 at 2023-11-14T22:13:20Z is not a positive price")
    }

    @Test func aQuoteWithANonPositivePriceIsAnError() {
        #expect(message {
            _ = try Quote(validatingSymbol: btc, bid: Price("0")!, ask: Price("1")!, bidSize: .zero, askSize: .zero, time: time)
        } == "malformed_reply: quote: BTC-USD bid 0 and ask 1 at 2023-11-14T22:13:20Z must be positive prices")
        #expect(message {
            _ = try Quote(validatingSymbol: btc, bid: Price("2")!, ask: Price("1")!, bidSize: .zero, askSize: .zero, time: time)
        } == nil)  // crossed: QuoteGuard's to reject
    }

    @Test func productRulesWithImpossibleIncrementsOrSizesAreAnError() {
        func rules(base: String = "0.00000001", tick: String = "0.01", min: String = "0.0001", max: String = "100", notional: String = "1")
            -> String?
        {
            message {
                _ = try ProductRules(
                    validatingSymbol: btc, baseIncrement: Quantity(base)!, priceIncrement: Price(tick)!, minSize: Quantity(min)!,
                    maxSize: Quantity(max)!, minNotional: FixedPoint(notional)!, status: .online)
            }
        }
        #expect(rules() == nil)
        #expect(rules(base: "0") == "malformed_reply: product rules: BTC-USD: increments must be positive, got base 0 and price 0.01")
        #expect(rules(tick: "0") == "malformed_reply: product rules: BTC-USD: increments must be positive, got base 0.00000001 and price 0")
        #expect(rules(min: "200") == "malformed_reply: product rules: BTC-USD: min size 200 is above max size 100")
        #expect(rules(notional: "-1") == "malformed_reply: product rules: BTC-USD: min notional -1 is negative")
    }

    @Test func anOptionContractWithoutADateStrikeOrMultiplierIsAnError() throws {
        let spy = Symbol(base: "SPY", quote: "USD")
        func contract(expiry: String = "20261218", strike: String = "600", multiplier: Int = 100) -> String? {
            message { _ = try OptionContract(validatingUnderlying: spy, expiry: expiry, strike: Price(strike)!, right: .call, multiplier: multiplier) }
        }
        #expect(contract() == nil)
        #expect(contract(expiry: "20261318") == "malformed_reply: option contract: SPY-USD expiry \"20261318\" is not a date YYYYMMDD")
        #expect(contract(expiry: "2026121٨") == "malformed_reply: option contract: SPY-USD expiry \"2026121٨\" is not a date YYYYMMDD")
        #expect(contract(strike: "0") == "malformed_reply: option contract: SPY-USD 20261218 strike 0 is not a positive price")
        #expect(contract(multiplier: 0) == "malformed_reply: option contract: SPY-USD 20261218 multiplier 0 is not positive")
    }

    @Test func aBookLevelWithANonPositivePriceIsAnError() throws {
        let level = { (price: String) in BookSnapshot.Level(price: Price(price)!, quantity: Quantity("1")!) }
        let book = try BookSnapshot(validatingSymbol: btc, bids: [level("1"), level("2")], asks: [level("3")], time: time)
        #expect(book.bids.map(\.price) == [Price("2")!, Price("1")!])
        #expect(message { _ = try BookSnapshot(validatingSymbol: btc, bids: [level("1")], asks: [level("0")], time: time) }
            == "malformed_reply: book: BTC-USD ask level at 0 is not a positive price")
    }
}
