@testable import CoinbaseAdapter
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// Every recorded body a bot reads, decoded into TraderCore's values exactly; malformed ones are
/// `malformed_reply`.
@Suite struct MarketAndOrderDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/coinbase/\(name)"))))
    }

    @Test func theRecordedFillsReadWithTheirCommissionInTheQuoteCurrency() throws {
        let fills = try #require(try decode(WireFillList.self, "list_fills.json").fills).compactMap { try CoinbaseMapping.fill($0) }
        let first = try #require(fills.first)
        #expect(first.fill.tradeID == TradeID("37d31b1e-0238-471f-b1e7-1667a8a849e2"))
        #expect(first.clientOrderID == ClientOrderID("3f9ad0fa-266e-495e-82d0-04616beb402f"))  // the venue's order id, mapped later
        #expect(first.fill.price == Price("0.2569")!)
        #expect(first.fill.quantity == Quantity("5")!)
        #expect(first.fill.fee == Money(FixedPoint("0.007707")!, .usd))
        #expect(first.fill.liquidity == .taker)
        #expect(first.side == .sell)
        #expect(first.fill.time == Timestamp("2023-01-29T05:25:44.826Z")!)
        _ = try decode(WireFillList.self, "list_fills_single_taker.json").fills?.compactMap { try CoinbaseMapping.fill($0) }
    }

    @Test func theRecordedOrdersReadAsReports() throws {
        let cancelled = try #require(try decode(WireOrderAnswer.self, "get_order.json").order)
        let report = try CoinbaseMapping.report(cancelled, fills: [], clientOrderID: ClientOrderID("WoKEnVudA77LvxR4Uknt"))
        #expect(report.status == .cancelled)
        #expect(report.filledQuantity == .zero)
        #expect(report.averagePrice == nil)
        #expect(report.reason == "User requested cancel")
        #expect(report.symbol == Symbol(base: "ALGO", quote: "USD"))
        let filled = try #require(try decode(WireOrderList.self, "list_orders_filled_market.json").orders?.first)
        let done = try CoinbaseMapping.report(filled, fills: [], clientOrderID: ClientOrderID("x"))
        #expect(done.status == .filled)
        #expect(done.filledQuantity == Quantity("10")!)
        #expect(done.averagePrice == Price("0.392")!)
        for order in try decode(WireOrderList.self, "list_orders.json").orders ?? [] {
            _ = try CoinbaseMapping.report(order, fills: [], clientOrderID: ClientOrderID("x"))
        }
    }

    @Test(arguments: [
        ("PENDING", false, Order.Status.open), ("QUEUED", false, .open), ("OPEN", true, .partiallyFilled), ("CANCEL_QUEUED", false, .pendingCancel),
        ("FILLED", true, .filled), ("CANCELLED", true, .cancelled), ("EXPIRED", false, .expired), ("FAILED", false, .rejected),
    ])
    func everyOrderStatusMaps(status: String, filled: Bool, expected: Order.Status) {
        #expect(CoinbaseMapping.status(status, filled: filled) == expected)
    }

    @Test func anUnknownOrderStatusIsAMalformedReply() throws {
        let wire = try JSONDecoder().decode(
            WireOrder.self, from: Data(#"{"order_id":"o","product_id":"BTC-USD","side":"BUY","status":"SOMETHING_NEW","created_time":"2026-01-01T00:00:00Z"}"#.utf8))
        #expect { try CoinbaseMapping.report(wire, fills: [], clientOrderID: ClientOrderID("x")) } throws: {
            ($0 as? VenueError)?.code == .malformedReply
        }
    }

    @Test func theRecordedAccountsReadAsBalancesWithTheirDustCut() throws {
        let balances = try #require(try decode(WireAccountList.self, "list_accounts.json").accounts).compactMap { try CoinbaseMapping.balance($0) }
        let sand = try #require(balances.first { $0.currency == Currency("SAND")! })
        #expect(sand.available == FixedPoint("242.21")!)
        #expect(sand.hold == .zero)
        #expect(CoinbaseDecimal.eightDecimals("0.123456789999") == "0.12345678")
    }

    @Test func theRecordedBestBidsAndAsksReadAsQuotes() throws {
        let quotes = try #require(try decode(WirePricebookList.self, "get_best_bid_ask.json").pricebooks).map { try CoinbaseMapping.quote($0) }
        #expect(quotes.map(\.symbol) == [Symbol(base: "BTC", quote: "USD"), Symbol(base: "ETH", quote: "USD")])
        #expect(quotes[0].bid == Price("41931.59")!)
        #expect(quotes[0].ask == Price("41933.63")!)
        #expect(quotes[0].askSize == Quantity("0.195")!)
    }

    @Test func theRecordedCandlesReadNewestFirstAsSent() throws {
        for name in ["get_candles.json", "get_candles_2026.json"] {
            let candles = try #require(try decode(WireCandleList.self, name).candles).map { try CoinbaseMapping.candle($0, "ALGO-USD") }
            #expect(!candles.isEmpty)
            #expect(zip(candles, candles.dropFirst()).allSatisfy { $0.time > $1.time })
        }
        let first = try #require(try decode(WireCandleList.self, "get_candles.json").candles?.first)
        let candle = try CoinbaseMapping.candle(first, "ALGO-USD")
        #expect(candle.time == Timestamp(secondsSinceEpoch: 1_675_123_200))
        #expect(candle.volume == Quantity("28515145.3")!)
    }

    @Test func theRecordedServerTimeReads() throws {
        let time = try decode(WireServerTime.self, "get_server_time.json")
        #expect(time.epochSeconds?.value == FixedPoint(1_701_129_622))
    }

    @Test func aCandleWhoseCloseIsAboveItsHighIsAMalformedReply() throws {
        let wire = try JSONDecoder().decode(
            WireCandle.self, from: Data(#"{"start":"1675123200","low":"1","high":"2","open":"1.5","close":"3","volume":"10"}"#.utf8))
        #expect { try CoinbaseMapping.candle(wire, "ALGO-USD") } throws: { ($0 as? VenueError)?.code == .malformedReply }
    }
}
