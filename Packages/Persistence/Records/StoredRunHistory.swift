import TraderCore

/// Everything a report reads of a run, as of one commit: the orders (in decision order) and
/// their fills (in time order), the audit log, the equity curve and the option expiries.
public struct StoredRunHistory: Sendable {
    /// Every order, in the order they were decided.
    public let orders: [StoredOrder]
    /// Every fill, oldest first.
    public let fills: [FillOfOrder]
    /// Every audit record, in cycle order.
    public let audit: [AuditRecord]
    /// The NAV after every cycle.
    public let equity: [EquityRecord]
    /// The option positions expiries closed, in time order.
    public let optionExpiries: [OptionExpiryRecord]
}
