import YAMLConfig

/// `app.yaml` `sim`: the paper venue a `venue: sim` node trades on, replaying real candles on a
/// virtual clock that runs as fast as the node can follow (each cycle's bar is closed at the venue
/// before the cycle reads it, so a session is deterministic).
public struct SimVenueSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// One symbol's candles.
    public struct CandleFile: Hashable, Sendable, Codable, YAMLFieldRules {
        /// The symbol, `BASE-QUOTE`.
        public var symbol: String
        /// A CSV of `timestamp,open,high,low,close,volume` (unix seconds, UTC, bar open time),
        /// relative to the configuration's folder unless absolute.
        public var file: String

        public static let yamlFieldRules: [String: YAMLFieldRule] = ["symbol": .nonEmpty, "file": .nonEmpty]
    }

    /// The candles replayed, one file a symbol.
    public var candles: [CandleFile]
    /// The venue's cash at the start, in the quote currency.
    public var startingCash: Double
    /// The price increment of every product.
    public var priceIncrement: Double

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "candles": .nonEmpty, "starting_cash": .range(1...10_000_000_000), "price_increment": .range(0.000_000_01...1_000),
    ]
}
