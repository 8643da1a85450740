import TraderCore

/// A red flag raised on a symbol (an exploit, regulatory action, delisting rumours, a rug pull):
/// no new entries in it from `raisedAt` until the ban of its kind runs out. Exits stay allowed.
public struct RedFlag: Hashable, Sendable, Codable {
    /// The flagged symbol.
    public let symbol: Symbol
    /// The kind, as `universe.yaml` names it (`recent_exploit`).
    public let kind: String
    /// When it was raised.
    public let raisedAt: Timestamp
    /// When the ban ends (`temporary_ban_hours` of its kind after it was raised).
    public let bannedUntil: Timestamp

    /// A flag of `kind` on `symbol` raised at `raisedAt`, banning entries for `banHours` hours.
    public init(symbol: Symbol, kind: String, raisedAt: Timestamp, banHours: Int) {
        self.symbol = symbol
        self.kind = kind
        self.raisedAt = raisedAt
        bannedUntil = raisedAt.advanced(bySeconds: Int64(banHours) * 3600)
    }

    /// Whether the ban holds at `time`.
    public func bans(at time: Timestamp) -> Bool { raisedAt <= time && time < bannedUntil }
}
