import Testing
import TraderCore

@Suite struct SymbolTests {
    @Test func parsesTheCanonicalSpelling() {
        #expect(Symbol.parse("BTC-USD") == .canonical(Symbol(base: "BTC", quote: "USD")))
        #expect(Symbol(canonical: "1INCH-USD")?.base == "1INCH")
    }

    @Test(arguments: [
        ("BTCUSD", "BTC-USD"), ("btc-usd", "BTC-USD"), ("BTC/USD", "BTC-USD"), ("eth_btc", "ETH-BTC"),
        ("ETHUSDT", "ETH-USDT"), ("SOLUSDC", "SOL-USDC"), (" BTC-USD ", "BTC-USD"),
    ])
    func normalizesVenueSpellings(spelling: String, canonical: String) {
        #expect(Symbol.parse(spelling) == .normalized(Symbol(canonical: canonical)!))
    }

    @Test(arguments: ["", "BITCOIN", "BTC-USD-PERP", "BTC--USD", "-USD", "BTC-", "BTC USD", "ÉTH-USD", "123-456"])
    func rejectsWhatNamesNoPair(spelling: String) {
        #expect(Symbol.parse(spelling).symbol == nil)
        #expect(Symbol(canonical: spelling) == nil)
    }

    @Test func theCanonicalInitializerRefusesOtherSpellings() {
        #expect(Symbol(canonical: "BTCUSD") == nil)
        #expect(Symbol(canonical: "btc-usd") == nil)
    }

    @Test func describesItselfCanonically() {
        #expect(Symbol(base: "ETH", quote: "USDC").description == "ETH-USDC")
    }
}
