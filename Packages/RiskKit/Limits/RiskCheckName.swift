/// The per-proposal checks by the names `policy.yaml` lists them under `risk.checks`; they run in
/// the listed order and the first refusal is reported. Halts and entry stops (kill switch, trading
/// state, loss stops, drawdown, API health, crash regime) are decided before any of them; sizing to
/// the product's increments and minimums always runs last.
public enum RiskCheckName: String, CaseIterable, Hashable, Sendable, Codable {
    /// The product's status against `exchange_health`.
    case productStatus = "product_status"
    /// A fresh, uncrossed quote.
    case quoteFreshness = "quote_freshness"
    /// Spread and depth (entries).
    case liquidity
    /// The per-symbol cooldown (entries).
    case cooldown
    /// Hourly and daily trade counts (every trade), global spacing (entries).
    case pacing
    /// The number of open positions (entries into a new symbol).
    case openPositions = "open_positions"
    /// Entries per position, their spacing and price improvement (adds to an open position).
    case positionAdds = "position_adds"
    /// Asset, theme and total caps; resizes an entry down to the room left.
    case exposure

    /// Every check, in the order that reports the most telling reason first.
    public static let standardOrder: [RiskCheckName] = [
        .productStatus, .quoteFreshness, .liquidity, .cooldown, .pacing, .openPositions, .positionAdds, .exposure,
    ]
}
