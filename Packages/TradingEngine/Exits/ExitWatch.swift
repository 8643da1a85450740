import TraderCore

/// What the exits remember of one open position, saved with the engine's state so that an exit
/// survives a restart and fires at most once a position.
public struct ExitWatch: Hashable, Sendable, Codable {
    /// When the engine first saw the position open.
    public let openedAt: Timestamp
    /// The highest price since (the bars' highs and the marks).
    public var highest: Price
    /// The symbol's regime when it opened, if known.
    public let regime: Regime?
    /// The symbol's average true range when it opened, if the ATR stop asks for it and it was warm.
    public let atrAtEntry: Double?
    /// The exits that have fired for this position.
    public var fired: [ExitRules.Reason]

    /// A position seen open at `openedAt` at `price` in `regime`, the average true range then
    /// `atrAtEntry`.
    public init(openedAt: Timestamp, highest: Price, regime: Regime?, atrAtEntry: Double? = nil, fired: [ExitRules.Reason] = []) {
        self.openedAt = openedAt
        self.highest = highest
        self.regime = regime
        self.atrAtEntry = atrAtEntry
        self.fired = fired
    }

    enum CodingKeys: String, CodingKey {
        case openedAt = "opened_at", highest, regime, fired
        case atrAtEntry = "atr_at_entry"
    }
}
