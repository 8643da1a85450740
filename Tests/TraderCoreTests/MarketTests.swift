import Foundation
import Testing
import TraderCore
import TraderTestKit

@Suite struct MarketTests {
    /// Coinbase's recorded BTC-USD book (shared/fixtures/coinbase/get_product_book.json), with the
    /// venue's own `mid_market` and `spread_bps` to check against.
    private func recordedBook() throws -> (book: BookSnapshot, venueMid: String, venueSpreadBps: Double) {
        let data = try Data(contentsOf: URL(fileURLWithPath: try SharedData.path("fixtures/coinbase/get_product_book.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let book = try #require(json["pricebook"] as? [String: Any])
        func levels(_ side: String) throws -> [BookSnapshot.Level] {
            try #require(book[side] as? [[String: String]]).map {
                BookSnapshot.Level(price: Price($0["price"]!)!, quantity: Quantity($0["size"]!)!)
            }
        }
        let snapshot = BookSnapshot(
            symbol: Symbol(canonical: try #require(book["product_id"] as? String))!, bids: try levels("bids"),
            asks: try levels("asks"), time: Timestamp(try #require(book["time"] as? String))!)
        return (snapshot, try #require(json["mid_market"] as? String), Double(try #require(json["spread_bps"] as? String))!)
    }

    @Test func quoteMidRoundsAHalfUnitToEven() {
        func mid(_ bid: String, _ ask: String) -> Price {
            Quote(symbol: Symbol(base: "BTC", quote: "USD"), bid: Price(bid)!, ask: Price(ask)!, bidSize: Quantity("1")!, askSize: Quantity("1")!, time: .init(secondsSinceEpoch: 0)).mid
        }
        #expect(mid("100", "101") == Price("100.5")!)
        #expect(mid("0.00000001", "0.00000002") == Price("0.00000002")!)  // 1.5 units → 2
        #expect(mid("0.00000002", "0.00000003") == Price("0.00000002")!)  // 2.5 units → 2
        #expect(mid("0.00000003", "0.00000004") == Price("0.00000004")!)  // 3.5 units → 4
    }

    @Test func midMatchesTheVenuesMidAndSpreadIsMeasuredOverTheMid() throws {
        let (book, venueMid, venueSpreadBps) = try recordedBook()
        #expect(book.mid == Price(venueMid))
        let best = Quote(
            symbol: book.symbol, bid: book.bids[0].price, ask: book.asks[0].price, bidSize: book.bids[0].quantity,
            askSize: book.asks[0].quantity, time: book.time)
        // 0.01 / 68923.665 × 10⁴, computed independently with 40-digit decimals.
        #expect(abs(best.spreadBps! - 0.001450880477699495) < 1e-15)
        // Coinbase's own spread_bps is relative to the best ask, not the mid: 0.01 / 68923.67 × 10⁴,
        // printed to 12 decimal places.
        #expect(abs(0.01 / 68923.67 * 10_000 - venueSpreadBps) < 5e-13)
        #expect(!best.isCrossed)
    }

    @Test func depthWithinBandsSumsTheLevelsInside() throws {
        let (book, _, _) = try recordedBook()
        // Within 1 bp of 68923.665 (±6.89): bids from 68916.77, asks to 68930.55, so all five
        // levels a side; the sums were computed independently with Python's decimal module.
        let wide = try #require(try book.depth(withinBps: 1))
        #expect(wide.bid.description == "20344.53018738")
        #expect(wide.ask.description == "26403.75319564")
        // Within 0 bp only levels exactly at the mid would count: none.
        let none = try #require(try book.depth(withinBps: 0))
        #expect(none.bid == .zero && none.ask == .zero)
    }

    @Test func quoteAgeIsMeasuredAgainstTheGivenClock() {
        let clock = ManualClock(Timestamp("2026-04-07T00:28:59Z")!)
        let quote = Quote(
            symbol: Symbol(base: "BTC", quote: "USD"), bid: Price("1")!, ask: Price("2")!, bidSize: .zero, askSize: .zero,
            time: clock.now())
        clock.advance(by: .seconds(11))
        #expect(quote.age(at: clock.now()) == .seconds(11))
    }

    @Test func anOddSumMidRoundsToEven() {
        let quote = Quote(
            symbol: Symbol(base: "X", quote: "USD"), bid: Price("0.00000001")!, ask: Price("0.00000002")!,
            bidSize: .zero, askSize: .zero, time: Timestamp(nanosecondsSinceEpoch: 0))
        #expect(quote.mid == Price("0.00000002"))
    }
}
