@testable import CoinbaseSimulator
import Foundation
import Testing

/// The simulator's JSON writer: what Foundation reads back is what was written, keys sorted.
@Suite struct JSONTextTests {
    @Test func everyKindOfValueReadsBackAsWritten() throws {
        let value: [String: Any] = [
            "text": "a \"quoted\" \\ line\nwith\u{1} control", "true": true, "false": false, "int": -42, "int64": Int64(9_000_000_000),
            "decimal": JSONNumber(text: "16.711822509765625"), "zero": JSONNumber(text: "0"), "null": NSNull(), "list": [1, "two", [3]] as [Any],
            "objects": [["b": 1, "a": 2]] as [[String: Any]], "double": 0.5,
        ]
        let bytes = JSONText.bytes(value)
        let read = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(read["text"] as? String == "a \"quoted\" \\ line\nwith\u{1} control")
        #expect(read["true"] as? Bool == true)
        #expect(read["false"] as? Bool == false)
        #expect(read["int"] as? Int == -42)
        #expect(read["int64"] as? Int64 == 9_000_000_000)
        #expect((read["decimal"] as? NSNumber)?.decimalValue == Decimal(string: "16.711822509765625"))
        #expect((read["zero"] as? NSNumber)?.decimalValue == 0)
        #expect(String(decoding: JSONText.bytes(["zero": JSONNumber(text: "0")]), as: UTF8.self) == #"{"zero":0}"#)
        #expect(read["null"] is NSNull)
        #expect(read["double"] as? Double == 0.5)
        #expect(String(decoding: JSONText.bytes(["b": 1, "a": [true]] as [String: Any]), as: UTF8.self) == #"{"a":[true],"b":1}"#)
    }
}
