extension Order {
    /// How long an order works at the venue before the venue ends it on its own.
    public enum TimeInForce: Hashable, Sendable, Codable, CustomStringConvertible {
        /// Until filled or cancelled (GTC).
        case goodTillCancelled
        /// Until filled or cancelled, or until the instant given, when the venue expires it (GTD).
        case goodTillDate(Timestamp)
        /// Fills what it can on arrival; the venue cancels the rest at once (IOC).
        case immediateOrCancel
        /// Until the end of the trading day it arrived on (DAY): the venue's session close, or
        /// 00:00 UTC at a venue that trades around the clock.
        case day

        /// The venues' abbreviation: `GTC`, `GTD`, `IOC`, `DAY`.
        public var code: String {
            switch self {
            case .goodTillCancelled: "GTC"
            case .goodTillDate: "GTD"
            case .immediateOrCancel: "IOC"
            case .day: "DAY"
            }
        }

        public var description: String {
            if case .goodTillDate(let time) = self { return "GTD until \(time)" }
            return code
        }

        private enum CodingKeys: String, CodingKey { case code, until }

        /// Decodes `{"code": "GTD", "until": "<time>"}` (`until` only for GTD).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .code) {
            case "GTC": self = .goodTillCancelled
            case "GTD": self = .goodTillDate(try container.decode(Timestamp.self, forKey: .until))
            case "IOC": self = .immediateOrCancel
            case "DAY": self = .day
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .code, in: container, debugDescription: "unknown time in force \"\(other.prefix(16))\"; expected GTC, GTD, IOC or DAY")
            }
        }

        /// Encodes `{"code": "GTD", "until": "<time>"}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            if case .goodTillDate(let time) = self { try container.encode(time, forKey: .until) }
        }
    }
}
