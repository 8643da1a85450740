import TraderCore

extension Trigger {
    /// One fact behind a trigger (see ``TradeReason``): proposals carry the same facts on.
    public typealias Reason = TradeReason
}
