import Foundation
import RiskKit
import Testing
import TraderCore

/// The risk layer's memory as a live node saves it every cycle, written by hand: it reads back
/// with `JSONDecoder` as the memory written, and holds what `JSONEncoder` would have written.
@Suite struct RiskStateJSONTests {
    private typealias S = RiskScenario

    private static func remembering() -> RiskState {
        var state = RiskState()
        state.recordTrade(at: S.start)
        state.recordTrade(at: S.start.advanced(by: .seconds(60)))
        state.recordRoundTrip(symbol: S.eth, realizedPnL: FixedPoint("-12.5")!, closedAt: S.start, pacing: RiskScenario.standardLimits.pacing)
        state.recordRoundTrip(symbol: S.btc, realizedPnL: FixedPoint("3.25")!, closedAt: S.start, pacing: RiskScenario.standardLimits.pacing)
        state.observe(nav: FixedPoint("10000.5")!, at: S.start, calendar: TradingCalendar(identifier: "America/New_York")!)
        state.recordEntry(S.eth, at: S.start, price: Price("1990.5")!, opensPosition: true)
        state.recordEntry(S.eth, at: S.start.advanced(by: .seconds(60)), price: Price("1980")!, opensPosition: false)
        return state
    }

    private static func written(_ state: RiskState) -> [UInt8] {
        var json = JSONBytes()
        state.appendJSON(to: &json)
        return json.bytes
    }

    @Test func theMemoryWrittenByHandReadsBackEqual() throws {
        let state = Self.remembering()
        let decoded = try JSONDecoder().decode(RiskState.self, from: Data(Self.written(state)))
        #expect(decoded == state)
        #expect(decoded.realized.map(\.amount) == [FixedPoint("-12.5")!, FixedPoint("3.25")!])
        #expect(decoded.dayAnchor?.nav == FixedPoint("10000.5")!)
        #expect(decoded.positionEntries[S.eth]?.count == 2)
    }

    @Test func itHoldsWhatJSONEncoderWrites() throws {
        let state = Self.remembering()
        let byHand = try JSONSerialization.jsonObject(with: Data(Self.written(state))) as? NSDictionary
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? NSDictionary
        #expect(byHand != nil)
        #expect(byHand == encoded)
        let empty = try JSONSerialization.jsonObject(with: Data(Self.written(RiskState()))) as? NSDictionary
        #expect(empty == (try JSONSerialization.jsonObject(with: JSONEncoder().encode(RiskState())) as? NSDictionary))
    }
}
