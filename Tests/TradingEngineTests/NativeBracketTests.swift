import Foundation
import Testing
import TradingEngine
import TraderCore

/// The options bot's exits as native brackets (a venue that places them, as IB does): the entry
/// goes out with its take-profit and stop-loss as one intent, the venue holds and cancels them,
/// and the engine follows: a partial entry resizes the exits, a partial exit cancels the other.
@Suite struct NativeBracketTests {
    static let entryID = ClientOrderID("opt-SPY-USD-BUY-1")
    static let takeProfitID = ClientOrderID("opt-SPY-USD-BUY-1-tp")
    static let stopID = ClientOrderID("opt-SPY-USD-BUY-1-sl")

    static func harness() throws -> OptionsHarness {
        try OptionsHarness { $0.options?.nativeBrackets = true }
    }

    /// Steps until the bracket goes out (bar 4), and returns it with its outcome.
    static func placeBracket(_ harness: inout OptionsHarness) throws -> (OrderBracket, CycleOutcome) {
        for _ in 0..<10 {
            let outcome = harness.step()
            for case .placeBracket(let bracket, _) in outcome.intents { return (bracket, outcome) }
        }
        throw OptionsHarness.HarnessError.noOrder
    }

    /// The venue takes every order of `bracket`.
    static func accept(_ bracket: OrderBracket, in harness: inout OptionsHarness) throws {
        for (index, order) in bracket.orders.enumerated() {
            try harness.engine.apply(.submit, to: order.clientOrderID, at: harness.now)
            try harness.engine.apply(.accept(VenueOrderID("v-\(index)")), to: order.clientOrderID, at: harness.now)
        }
    }

    /// The venue fills `quantity` of `id` at `price`.
    static func fill(_ id: ClientOrderID, _ quantity: String, at price: String, tradeID: String, in harness: inout OptionsHarness) throws {
        let fill = Fill(
            tradeID: TradeID(tradeID), price: Price(price)!, quantity: Quantity(quantity)!, fee: Money(.zero, .usd), liquidity: .taker,
            time: harness.now)
        try harness.engine.apply(.fill(fill), to: id, at: harness.now)
    }

    @Test func aBullishCrossPlacesTheEntryWithItsTakeProfitAndStopAsOneBracket() throws {
        var harness = try Self.harness()
        let (bracket, outcome) = try Self.placeBracket(&harness)

        #expect(
            OptionsHarness.summary(outcome) == [
                "bracket opt-SPY-USD-BUY-1 BUY 9 limit 2.1; opt-SPY-USD-BUY-1-tp SELL 9 limit 4.2; opt-SPY-USD-BUY-1-sl SELL 9 stop 1.05"
            ])
        #expect(bracket.orders.map(\.instrument) == Array(repeating: .option(OptionsHarness.call), count: 3))
        let orders = OptionBracket.NativeOrders(bracket)
        #expect(harness.engine.brackets.map(\.native) == [orders])
        #expect(outcome.intents.first.map { if case .placeBracket(_, let proposal) = $0 { proposal.signal } else { "" } } == "take_profit")
        #expect(harness.engine.orders.keys.sorted() == [Self.entryID, Self.stopID, Self.takeProfitID])
        // What a shutdown leaves at the venue: the exits, not the entry.
        #expect(harness.engine.venueHeldExits == [Self.takeProfitID, Self.stopID])
    }

    @Test func theVenueHoldsTheExitsAndAStopFillClosesThePositionWithNothingSentByTheEngine() throws {
        var harness = try Self.harness()
        let (bracket, _) = try Self.placeBracket(&harness)
        try Self.accept(bracket, in: &harness)
        try Self.fill(Self.entryID, "9", at: "2.10", tradeID: "entry", in: &harness)

        // The mid crossing either level sends nothing: the venue's orders are the exits.
        harness.quoteCall(bid: "4.20", ask: "4.30")
        #expect(harness.step().intents.isEmpty)
        harness.quoteCall(bid: "1.00", ask: "1.04")
        #expect(harness.step().intents.isEmpty)

        try Self.fill(Self.stopID, "9", at: "1.05", tradeID: "stop", in: &harness)
        try harness.engine.apply(.cancel, to: Self.takeProfitID, at: harness.now)  // the venue's one-cancels-other
        let after = harness.step()
        #expect(after.intents.isEmpty)
        #expect(harness.engine.brackets.isEmpty)
        #expect(harness.engine.portfolio.optionPositions.isEmpty)
        // 100,000 − 9 × 2.10 × 100 + 9 × 1.05 × 100.
        #expect(harness.engine.portfolio.cash == FixedPoint(99_055))
    }

    @Test func aPartlyFilledEntryIsCancelledAndWhatFilledGetsItsOwnPair() throws {
        var harness = try Self.harness()
        let (bracket, _) = try Self.placeBracket(&harness)
        try Self.accept(bracket, in: &harness)
        try Self.fill(Self.entryID, "4", at: "2.10", tradeID: "entry-1", in: &harness)

        #expect(OptionsHarness.summary(harness.step()) == ["cancel opt-SPY-USD-BUY-1 bracket_partial_fill"])
        #expect(harness.step().intents.isEmpty)  // the exits are the venue's until the entry ends
        // IB cancels the children with their parent.
        for id in [Self.entryID, Self.takeProfitID, Self.stopID] { try harness.engine.apply(.cancel, to: id, at: harness.now) }
        let outcome = harness.step()
        #expect(
            OptionsHarness.summary(outcome) == [
                "bracket opt-SPY-USD-SELL-2-tp SELL 4 limit 4.2; opt-SPY-USD-SELL-2-sl SELL 4 stop 1.05"
            ])
        #expect(harness.engine.brackets.first?.native?.stopLoss == ClientOrderID("opt-SPY-USD-SELL-2-sl"))
    }

    @Test func exitsAVenueKeptAtTheEntrysFullSizeAreCancelledBeforeTheResizedPair() throws {
        var harness = try Self.harness()
        let (bracket, _) = try Self.placeBracket(&harness)
        try Self.accept(bracket, in: &harness)
        try Self.fill(Self.entryID, "4", at: "2.10", tradeID: "entry-1", in: &harness)
        _ = harness.step()
        try harness.engine.apply(.cancel, to: Self.entryID, at: harness.now)

        #expect(
            OptionsHarness.summary(harness.step()) == [
                "cancel opt-SPY-USD-BUY-1-tp bracket_resize", "cancel opt-SPY-USD-BUY-1-sl bracket_resize",
            ])
        #expect(harness.step().intents.isEmpty)  // nothing new while the cancels are pending
        for id in [Self.takeProfitID, Self.stopID] { try harness.engine.apply(.cancel, to: id, at: harness.now) }
        #expect(OptionsHarness.summary(harness.step()) == ["bracket opt-SPY-USD-SELL-2-tp SELL 4 limit 4.2; opt-SPY-USD-SELL-2-sl SELL 4 stop 1.05"])
    }

    @Test func aPartialTakeProfitCancelsTheStopThatWouldSellMoreThanIsLeft() throws {
        var harness = try Self.harness()
        let (bracket, _) = try Self.placeBracket(&harness)
        try Self.accept(bracket, in: &harness)
        try Self.fill(Self.entryID, "9", at: "2.10", tradeID: "entry", in: &harness)
        try Self.fill(Self.takeProfitID, "5", at: "4.20", tradeID: "tp-1", in: &harness)

        #expect(OptionsHarness.summary(harness.step()) == ["cancel opt-SPY-USD-BUY-1-sl bracket_resize"])
        #expect(harness.engine.portfolio.optionPositions[OptionsHarness.call]?.quantity == Quantity("4")!)
        try harness.engine.apply(.cancel, to: Self.stopID, at: harness.now)
        #expect(harness.step().intents.isEmpty)  // the take-profit's rest sells exactly what is held
    }

    @Test func theBracketIsPartOfTheSavedStateAndIsNotPlacedAgainAfterARestart() throws {
        var harness = try Self.harness()
        let (bracket, _) = try Self.placeBracket(&harness)
        try Self.accept(bracket, in: &harness)
        try Self.fill(Self.entryID, "9", at: "2.10", tradeID: "entry", in: &harness)

        let saved = try JSONDecoder().decode(EngineState.self, from: Data(try harness.engine.state.encodedJSON()))
        harness.engine = try TradingEngine(configuration: harness.engine.configuration, restoring: saved)
        #expect(harness.engine.brackets.map(\.native) == [OptionBracket.NativeOrders(bracket)])
        #expect(harness.step().intents.isEmpty)
    }
}
