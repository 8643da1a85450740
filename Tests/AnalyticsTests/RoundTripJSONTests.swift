import Analytics
import Foundation
import Testing
import TraderCore

/// A round trip written by hand as bytes reads exactly as `JSONEncoder` writes it with sorted keys:
/// trades.json keeps its bytes whichever writes it.
@Suite struct RoundTripJSONTests {
    private func encoded(_ trip: RoundTrip) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(trip), as: UTF8.self)
    }

    private func written(_ trip: RoundTrip) -> String {
        var json = JSONBytes()
        trip.appendJSON(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func theBytesWrittenByHandAreTheEncodersWithAndWithoutOptionalFields() throws {
        let start = Timestamp(secondsSinceEpoch: 1_640_991_660)
        let trips = [
            try RoundTrip(
                symbol: Symbol(base: "BTC", quote: "USD"), side: .buy, signal: "ema_cross", regime: nil, tier: nil,
                quantity: Quantity("0.01")!, entryTime: start, exitTime: start.advanced(bySeconds: 240), entryPrice: Price("46475")!,
                exitPrice: Price("46408")!, entryMid: Price("46475")!, exitMid: Price("46408")!, fees: FixedPoint("5.57298")!,
                makerFills: 0, fills: 2),
            try RoundTrip(
                symbol: Symbol(base: "ETH", quote: "USDC"), side: .buy, signal: "break \"out\"\\\n\t\u{1}/é", regime: .trend,
                tier: "core", quantity: Quantity("1.5")!, entryTime: Timestamp(nanosecondsSinceEpoch: 1_700_000_000_123_456_789),
                exitTime: Timestamp(nanosecondsSinceEpoch: 1_700_086_400_500_000_000), entryPrice: Price("2000.01")!,
                exitPrice: Price("1999.99")!, entryMid: Price("2000")!, exitMid: Price("2000.005")!, fees: FixedPoint("0.00000001")!,
                makerFills: 1, fills: 3),
        ]
        for trip in trips { #expect(written(trip) == (try encoded(trip))) }
    }
}
