import TraderCore

/// An option position its expiry closed at intrinsic value (no fill at the venue): kept so that
/// a report closes the position's round trips as the engine's accounting did.
public struct OptionExpiryRecord: Hashable, Sendable {
    /// When the cycle closed it.
    public let at: Timestamp
    /// The contract.
    public let contract: OptionContract
    /// The contracts held.
    public let quantity: Quantity
    /// What each share of the underlying was worth at expiry: max(0, price − strike) for a call,
    /// max(0, strike − price) for a put.
    public let intrinsicValue: Price

    /// Creates a record.
    public init(at: Timestamp, contract: OptionContract, quantity: Quantity, intrinsicValue: Price) {
        self.at = at
        self.contract = contract
        self.quantity = quantity
        self.intrinsicValue = intrinsicValue
    }
}
