import Testing
import TradingEngine
import TraderCore

/// Client order ids are a pure function of strategy, symbol, side and intent sequence, spelled
/// `<strategy>-<BASE>-<QUOTE>-<SIDE>-<sequence>`.
@Suite struct ClientOrderIDTests {
    @Test func anIdSpellsItsStrategySymbolSideAndSequence() {
        let planner = ExecutionPlanner(policy: ExecutionPolicy(style: .market, strategyID: "momentum-core"))
        let id = planner.clientOrderID(symbol: Symbol(base: "1INCH", quote: "USDC"), side: .sell, sequence: 104_217)
        #expect(id == ClientOrderID("momentum-core-1INCH-USDC-SELL-104217"))
        #expect(id.rawValue.utf8.count == 36)
    }

    @Test func theSameIntentAlwaysGetsTheSameId() {
        let planner = ExecutionPlanner(policy: ExecutionPolicy(style: .market, strategyID: "ema"))
        let symbol = Symbol(base: "BTC", quote: "USD")
        #expect(planner.clientOrderID(symbol: symbol, side: .buy, sequence: 7) == ClientOrderID("ema-BTC-USD-BUY-7"))
        #expect(planner.clientOrderID(symbol: symbol, side: .buy, sequence: 7) == planner.clientOrderID(symbol: symbol, side: .buy, sequence: 7))
        #expect(planner.clientOrderID(symbol: symbol, side: .buy, sequence: 8) != planner.clientOrderID(symbol: symbol, side: .buy, sequence: 7))
    }

    @Test func aPlannerToldItsSymbolsUpFrontSpellsTheSameIds() {
        let btc = Symbol(base: "BTC", quote: "USD")
        let policy = ExecutionPolicy(style: .market, strategyID: "ema")
        let told = ExecutionPlanner(policy: policy, symbols: [btc])
        #expect(told.clientOrderID(symbol: btc, side: .sell, sequence: 3) == ClientOrderID("ema-BTC-USD-SELL-3"))
        // A symbol it was not told of is spelled all the same.
        let eth = Symbol(base: "ETH", quote: "USDC")
        #expect(told.clientOrderID(symbol: eth, side: .buy, sequence: 4) == ClientOrderID("ema-ETH-USDC-BUY-4"))
    }

    @Test func theSequenceIsSpelledInDecimalAtEveryLength() {
        let planner = ExecutionPlanner(policy: ExecutionPolicy(style: .market, strategyID: "ema"))
        let btc = Symbol(base: "BTC", quote: "USD")
        for sequence in [0, 9, 10, 99_999, Int.max, -1, Int.min] {
            let id = planner.clientOrderID(symbol: btc, side: .buy, sequence: sequence)
            #expect(id.rawValue == "ema-BTC-USD-BUY-\(sequence)")
        }
    }
}
