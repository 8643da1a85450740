import Testing
import TraderCore

@Suite struct PortsTests {
    /// BTC-USD's rules as Coinbase lists them (shared/fixtures/coinbase/get_product.json), with the
    /// status varied.
    private func btcUSD(_ status: ProductRules.Status) -> ProductRules {
        ProductRules(
            symbol: Symbol(base: "BTC", quote: "USD"), baseIncrement: Quantity("0.00000001")!, priceIncrement: Price("0.01")!,
            minSize: Quantity("0.00000001")!, maxSize: Quantity("3400")!, minNotional: FixedPoint("1")!, status: status)
    }

    private let postOnly = Order.Kind.limit(price: Price("65000")!, postOnly: true)
    private let plainLimit = Order.Kind.limit(price: Price("65000")!, postOnly: false)

    @Test func productStatusDecidesWhichOrdersMayBePlaced() {
        #expect([postOnly, plainLimit, .market].map(btcUSD(.online).accepts) == [true, true, true])
        #expect([postOnly, plainLimit, .market].map(btcUSD(.limitOnly).accepts) == [true, true, false])
        #expect([postOnly, plainLimit, .market].map(btcUSD(.postOnly).accepts) == [true, false, false])
        for status in [ProductRules.Status.cancelOnly, .disabled, .offline] {
            #expect([postOnly, plainLimit, .market].map(btcUSD(status).accepts) == [false, false, false])
        }
    }

    @Test func onlyOutcomesThatMayHaveTakenEffectAreAmbiguous() {
        let ambiguous: [VenueError.Code] = [.timeout, .unavailable, .malformedReply]
        let definite: [VenueError.Code] = [.rateLimited, .unauthorized, .rejected, .notFound]
        #expect(ambiguous.allSatisfy { VenueError($0, message: "").isAmbiguous })
        #expect(definite.allSatisfy { !VenueError($0, message: "").isAmbiguous })
        #expect(
            VenueError(.rejected, venueReason: "INVALID_LIMIT_PRICE_POST_ONLY", message: "would cross").description
                == "rejected (INVALID_LIMIT_PRICE_POST_ONLY): would cross")
    }
}
