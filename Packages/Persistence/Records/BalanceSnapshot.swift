import TraderCore

/// The venue balances seen at one instant.
public struct BalanceSnapshot: Hashable, Sendable {
    /// When they were seen (the cycle's time).
    public let at: Timestamp
    /// One balance per currency, in currency-code order.
    public let balances: [Balance]

    /// Creates a snapshot.
    public init(at: Timestamp, balances: [Balance]) {
        self.at = at
        self.balances = balances
    }
}
