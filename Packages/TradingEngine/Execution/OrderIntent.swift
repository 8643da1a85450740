import TraderCore

/// What the engine wants done at the venue. An intent is stored before it is sent, and its client
/// order id is a pure function of it, so sending it twice can never make two orders.
public enum OrderIntent: Hashable, Sendable {
    /// Place a new order (status `new`; the shell submits it), carrying out `proposal`.
    case place(Order, proposal: TradeProposal)
    /// Cancel a working order.
    case cancel(ClientOrderID)
}
