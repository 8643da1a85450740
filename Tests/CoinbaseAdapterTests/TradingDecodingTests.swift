@testable import CoinbaseAdapter
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// The recorded preview, fee tier and market-trade bodies, decoded exactly; malformed ones are
/// `malformed_reply`.
@Suite struct TradingDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/coinbase/\(name)"))))
    }

    private func decode<T: Decodable>(_ type: T.Type, json: String) throws -> T { try JSONDecoder().decode(type, from: Data(json.utf8)) }

    @Test func theRecordedPreviewsReadWithTheirDigitsPastTheEighthCutOff() throws {
        let buy = try CoinbaseMapping.preview(try decode(WirePreview.self, "preview_order.json"), "buy")
        #expect(buy.orderTotal == FixedPoint("10")!)
        #expect(buy.commission == FixedPoint("0.05469915")!)
        #expect(buy.quoteSize == FixedPoint("9.94530084")!)
        #expect(buy.baseSize == Quantity("0.00014650")!)
        #expect(buy.bestBid == Price("67878.27")!)
        #expect(buy.bestAsk == Price("67885.12")!)
        #expect(buy.wouldBeAccepted)
        let sell = try CoinbaseMapping.preview(try decode(WirePreview.self, "preview_order_market_sell.json"), "sell")
        #expect(sell.orderTotal == FixedPoint("6.74470795")!)
        #expect(sell.commission == FixedPoint("0.03730104")!)
        #expect(sell.baseSize == Quantity("0.0001")!)
    }

    @Test func aPreviewWithErrorsIsDataAndOneWithNeitherErrorsNorSizeIsMalformed() throws {
        let refused = try CoinbaseMapping.preview(
            try decode(WirePreview.self, json: #"{"order_total":"0","commission_total":"0","errs":["PREVIEW_INSUFFICIENT_FUND"],"base_size":"0"}"#), "p")
        #expect(refused.errors == ["PREVIEW_INSUFFICIENT_FUND"])
        #expect(!refused.wouldBeAccepted)
        let empty = try decode(WirePreview.self, json: #"{"order_total":"1","errs":[],"base_size":"0"}"#)
        #expect(throws: VenueError.self) { try CoinbaseMapping.preview(empty, "p") }
        let negative = try decode(WirePreview.self, json: #"{"order_total":"-1","errs":[],"base_size":"1"}"#)
        #expect(throws: VenueError.self) { try CoinbaseMapping.preview(negative, "p") }
    }

    @Test func theRecordedFeeTierIsFortyAndSixtyBasisPoints() throws {
        let tier = try CoinbaseMapping.feeTier(try decode(WireTransactionSummary.self, "get_transaction_summary.json"))
        #expect(tier.makerRate == FixedPoint("0.004")!)
        #expect(tier.takerRate == FixedPoint("0.006")!)
        #expect(tier.makerBps == FixedPoint(40))
        #expect(tier.takerBps == FixedPoint(60))
        #expect(tier.volume == FixedPoint("16.71182250")!)
        #expect(tier.feesPaid == FixedPoint("0.09837093")!)
    }

    @Test func aFeeRateAboveOneIsMalformed() throws {
        let wire = try decode(WireTransactionSummary.self, json: #"{"fee_tier":{"maker_fee_rate":"0.004","taker_fee_rate":"60"}}"#)
        let error = #expect(throws: VenueError.self) { try CoinbaseMapping.feeTier(wire) }
        #expect(error?.code == .malformedReply)
    }

    @Test func theRecordedMarketTradesReadNewestFirstWithTheMakersSide() throws {
        let btc = Symbol(base: "BTC", quote: "USD")
        let tape = try CoinbaseMapping.marketTrades(try decode(WireMarketTrades.self, "get_market_trades.json"), of: btc)
        #expect(tape.trades.count == 3)
        let first = try #require(tape.trades.first)
        #expect(first.tradeID == "995098663")
        #expect(first.price == Price("68923.67")!)
        #expect(first.size == Quantity("0.00064")!)
        #expect(first.makerSide == .sell)
        #expect(first.time == Timestamp("2026-04-07T00:28:58.544778Z")!)
        #expect(tape.trades.map(\.makerSide) == [.sell, .sell, .buy])
        #expect(tape.bestBid == Price("68923.66")!)
        #expect(tape.bestAsk == Price("68923.67")!)
        let older = try decode(WireMarketTrades.self, "get_market_trades_2023.json")
        let symbol = try #require(older.trades?.first?.productID.flatMap { Symbol(canonical: $0) })
        #expect(try CoinbaseMapping.marketTrades(older, of: symbol).trades.count == older.trades?.count)
    }

    @Test func aTradeOfAnotherProductIsMalformed() throws {
        let wire = try decode(
            WireMarketTrades.self,
            json: #"{"trades":[{"trade_id":"1","product_id":"ETH-USD","price":"1","size":"1","time":"2026-04-07T00:28:58Z","side":"BUY"}]}"#)
        let error = #expect(throws: VenueError.self) { try CoinbaseMapping.marketTrades(wire, of: Symbol(base: "BTC", quote: "USD")) }
        #expect(error?.code == .malformedReply)
    }
}
