@testable import CoinbaseAdapter
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// Products as Coinbase sends them (the recorded fixtures, 2023 and 2026 bodies) become exact
/// product rules with the status their flags give; a malformed product is `malformed_reply`,
/// never a crash and never a partial rule.
@Suite struct ProductDecodingTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/coinbase/\(name)")))
    }

    private func product(_ json: String) throws -> WireProduct {
        try JSONDecoder().decode(WireProduct.self, from: Data(json.utf8))
    }

    @Test func theRecordedBitcoinProductReadsExactly() throws {
        let rules = try ProductRules(coinbase: JSONDecoder().decode(WireProduct.self, from: fixture("get_product.json")))
        #expect(rules.symbol == Symbol(base: "BTC", quote: "USD"))
        #expect(rules.baseIncrement == Quantity("0.00000001")!)
        #expect(rules.priceIncrement == Price("0.01")!)
        #expect(rules.minSize == Quantity("0.00000001")!)
        #expect(rules.maxSize == Quantity("3400")!)
        #expect(rules.minNotional == FixedPoint(1))
        #expect(rules.status == .online)
    }

    @Test func a2023ProductWithoutAPriceIncrementTicksByItsQuoteIncrement() throws {
        let rules = try ProductRules(coinbase: JSONDecoder().decode(WireProduct.self, from: fixture("get_product_2023.json")))
        #expect(rules.minSize == Quantity("0.000016")!)
        #expect(rules.priceIncrement.value.raw > 0)
    }

    @Test func everyListedProductOfBothYearsReads() throws {
        for name in ["list_products.json", "list_products_2023.json"] {
            let list = try JSONDecoder().decode(WireProductList.self, from: fixture(name))
            let products = try #require(list.products)
            #expect(!products.isEmpty)
            for product in products { _ = try ProductRules(coinbase: product) }
        }
    }

    private let base = #""product_id":"ETH-USD","base_increment":"0.0001","price_increment":"0.01","base_min_size":"0.001","base_max_size":"100","quote_min_size":"1""#

    @Test(arguments: [
        (#""status":"online""#, ProductRules.Status.online),
        (#""status":"offline""#, .offline),
        (#""status":"delisted""#, .offline),
        (#""status":"online","trading_disabled":true"#, .disabled),
        (#""status":"online","is_disabled":true"#, .disabled),
        (#""status":"online","cancel_only":true"#, .cancelOnly),
        (#""status":"online","post_only":true"#, .postOnly),
        (#""status":"online","limit_only":true"#, .limitOnly),
        (#""status":"online","auction_mode":true"#, .limitOnly),
    ])
    func theFlagsGiveTheStatus(flags: String, status: ProductRules.Status) throws {
        #expect(try ProductRules(coinbase: product("{\(base),\(flags)}")).status == status)
    }

    @Test func aDecimalSentAsAJSONNumberReadsExactly() throws {
        let rules = try ProductRules(
            coinbase: product(#"{"product_id":"ETH-USD","base_increment":0.00000001,"price_increment":0.01,"base_min_size":0.001,"base_max_size":1000000.5,"status":"online"}"#))
        #expect(rules.baseIncrement == Quantity("0.00000001")!)
        #expect(rules.maxSize == Quantity("1000000.5")!)
    }

    @Test(arguments: [
        (#"{"product_id":"ETH-USD","base_increment":"0","price_increment":"0.01","base_min_size":"1","base_max_size":"2","status":"online"}"#, "increments must be positive"),
        (#"{"product_id":"ETH-USD","base_increment":"0.1","price_increment":"0.01","base_min_size":"5","base_max_size":"2","status":"online"}"#, "min size 5 is above max size 2"),
        (#"{"product_id":"ETH-USD","base_increment":"0.1","price_increment":"0.01","base_min_size":"1","status":"online"}"#, "base_max_size is missing"),
        (#"{"product_id":"ETHUSD!","base_increment":"0.1","price_increment":"0.01","base_min_size":"1","base_max_size":"2"}"#, "is not BASE-QUOTE"),
        (#"{"product_id":"ETH-USD","base_increment":"-0.1","price_increment":"0.01","base_min_size":"1","base_max_size":"2"}"#, "negative"),
    ])
    func aMalformedProductIsAMalformedReply(json: String, says: String) {
        #expect {
            try ProductRules(coinbase: product(json))
        } throws: { error in
            guard let error = error as? VenueError else { return false }
            return error.code == .malformedReply && error.message.contains(says)
        }
    }

    @Test func aDecimalThatIsNotOneFailsToDecode() {
        #expect(throws: DecodingError.self) { try product(#"{"product_id":"ETH-USD","base_increment":"1e-8"}"#) }
    }
}
