import Foundation
import TraderCore

/// A decimal as Coinbase sends it: usually a JSON string (`"0.00000001"`), sometimes a JSON number,
/// and `""` for none. Read exactly, never through a `Double`.
struct CoinbaseDecimal: Decodable, Sendable {
    /// The value; `nil` for `""` or `null`.
    let value: FixedPoint?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
            return
        }
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            // Foundation reads a JSON number into a Decimal from its digits, exactly.
            let number = try container.decode(Decimal.self)
            text = "\(number)"
        }
        guard !text.isEmpty else {
            value = nil
            return
        }
        guard let parsed = FixedPoint(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text.prefix(32))\" is not a decimal with at most 8 fraction digits")
        }
        value = parsed
    }
}
