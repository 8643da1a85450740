/// A value built from venue data (a payload, a recorded file) that does not make sense: the
/// validating initializers throw it instead of stopping the process, so a malformed payload is an
/// error the adapter reports, never a crash.
public struct VenueDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was malformed; stable snake_case codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The snake_case spelling.
        public let rawValue: String
        /// A time outside `Timestamp`'s range (1678 to 2262).
        public static let invalidTimestamp = Code(rawValue: "invalid_timestamp")
        /// A candle whose prices do not make a bar.
        public static let invalidCandle = Code(rawValue: "invalid_candle")
        /// A quote with a price or size that cannot be.
        public static let invalidQuote = Code(rawValue: "invalid_quote")
        /// An option contract with an expiry, strike or multiplier that cannot be.
        public static let invalidOptionContract = Code(rawValue: "invalid_option_contract")
        /// An order book level with a price that cannot be.
        public static let invalidBook = Code(rawValue: "invalid_book")
        /// Product rules with an increment or a size limit that cannot be.
        public static let invalidProductRules = Code(rawValue: "invalid_product_rules")
        public var description: String { rawValue }
    }

    /// What was malformed.
    public let code: Code
    /// What is wrong, with the values.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
