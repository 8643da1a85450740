import Foundation
import Testing
import TraderCore

/// The streaming JSON encoder a live node saves its engine's state with: what it writes reads back
/// with `JSONDecoder` as the value encoded, whatever shape the value's `Encodable` conformance has.
@Suite struct StreamingJSONEncoderTests {
    private struct Leg: Codable, Equatable {
        var symbol: Symbol
        var price: Price
        var quantity: Quantity?
    }

    private enum Step: Codable, Equatable {
        case place(Leg, note: String)
        case cancel(id: String)
        case wait
    }

    private struct Plan: Codable, Equatable {
        var name: String
        var at: Timestamp
        var legs: [Leg]
        var steps: [Step]
        var bySymbol: [Symbol: [Int]]
        var flags: [String: Bool]
        var ratio: Double
        var small: Int8
        var large: UInt64
        var nested: [[Leg?]]
        var empty: [String: Int]
    }

    /// Writes the nested container first and then its parent's next member, as a hand-written
    /// conformance may.
    private struct Wrapped: Encodable {
        enum Keys: String, CodingKey { case inner, after, list }
        enum InnerKeys: String, CodingKey { case value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            try inner.encode(1, forKey: .value)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
            var deeper = list.nestedContainer(keyedBy: InnerKeys.self)
            try deeper.encode(2, forKey: .value)
            try list.encode("b")
            try container.encode(3, forKey: .after)
        }
    }

    private let btc = Symbol(base: "BTC", quote: "USD")

    @Test func aNestedValueReadsBackAsTheValueEncoded() throws {
        let leg = Leg(symbol: btc, price: Price("65432.1")!, quantity: Quantity("0.01")!)
        let plan = Plan(
            name: "quote \" backslash \\ tab \t newline \n bell \u{07} é ✓", at: Timestamp(secondsSinceEpoch: 1_797_000_000),
            legs: [leg, Leg(symbol: btc, price: Price("1")!, quantity: nil)],
            steps: [.place(leg, note: "n"), .cancel(id: "o-1"), .wait], bySymbol: [btc: [1, -2, 3]], flags: ["a": true, "b": false],
            ratio: -0.125, small: -8, large: UInt64.max, nested: [[leg, nil], []], empty: [:])
        let text = try StreamingJSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: Data(text)) == plan)
    }

    @Test func membersComeInTheOrderTheValueEncodesThem() throws {
        let text = try StreamingJSONEncoder().encode(Leg(symbol: btc, price: Price("2.50")!, quantity: nil))
        #expect(String(decoding: text, as: UTF8.self) == #"{"symbol":"BTC-USD","price":"2.5"}"#)
    }

    @Test func aContainerLeftOpenIsClosedBeforeItsParentWritesAgain() throws {
        let text = try StreamingJSONEncoder().encode(Wrapped())
        #expect(String(decoding: text, as: UTF8.self) == #"{"inner":{"value":1},"list":["a",{"value":2},"b"],"after":3}"#)
    }

    @Test func aDoubleWithNoJSONFormIsRefused() throws {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([1.5, Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["x": Double.infinity]) }
    }

    @Test func membersWrittenByHandSitBesideMembersThatEncodeThemselves() throws {
        var json = JSONBytes()
        try json.object { json in
            json.key("first")
            json.integer(Int64(1))
            json.key("legs")
            try json.encodable([Leg(symbol: btc, price: Price("3")!, quantity: Quantity("1")!)])
            json.key("last")
            json.bool(true)
        }
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"first":1,"legs":[{"symbol":"BTC-USD","price":"3","quantity":"1"}],"last":true}"#)
    }
}
