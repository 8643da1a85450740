import TraderCore

/// The options bot's entry terms: contracts sized by the premium at risk, new positions only in
/// the exchange's regular sessions, and a quote that shows enough size. (The option quote's spread
/// and age are held to `max_spread_bps` and `max_quote_staleness_seconds` like any quote.)
public struct OptionLimits: Hashable, Sendable {
    /// Contracts from equity, premium and the stop.
    public var sizer: OptionContractSizer
    /// When new positions may be opened; `nil` opens them at any hour (a venue without sessions).
    public var sessions: ExchangeSessions?
    /// The least size, in contracts, the option's ask must show.
    public var minAskSize: Quantity

    /// Creates option limits.
    public init(sizer: OptionContractSizer, sessions: ExchangeSessions?, minAskSize: Quantity = .zero) {
        self.sizer = sizer
        self.sessions = sessions
        self.minAskSize = minAskSize
    }
}
