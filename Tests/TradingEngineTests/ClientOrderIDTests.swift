import Testing
import TradingEngine
import TraderCore

/// Client order ids are a pure function of strategy, symbol, side and intent sequence, spelled
/// `<strategy>-<BASE>-<QUOTE>-<SIDE>-<sequence>`, with `e<epoch>-` before the sequence in a
/// numbered run.
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

    @Test func aRunsEpochGoesBeforeTheSequence() {
        let planner = ExecutionPlanner(policy: ExecutionPolicy(style: .market, strategyID: "ema"), runEpoch: 1_796_000_000)
        let id = planner.clientOrderID(symbol: Symbol(base: "BTC", quote: "USD"), side: .sell, sequence: 3)
        #expect(id == ClientOrderID("ema-BTC-USD-SELL-e1796000000-3"))
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
