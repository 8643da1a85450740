import TraderCore

/// What the engine wants done at the venue. An intent is stored before it is sent, and its client
/// order id is a pure function of it, so sending it twice can never make two orders.
public enum OrderIntent: Hashable, Sendable {
    /// Place a new order (status `new`; the shell submits it), carrying out `proposal`.
    case place(Order, proposal: TradeProposal)
    /// Cancel a working order (the engine has marked it `pending_cancel`; the shell reports the
    /// venue's answer: `cancel`, a fill, or `cancel_rejected`), for a stable reason:
    /// `post_only_ttl` (it rested past its TTL; its remainder is re-quoted) or `red_flag_ban` (an
    /// entry in a symbol a red flag now bans; not re-quoted).
    case cancel(ClientOrderID, reason: String)
    /// Look up an order whose submit had no clear answer (timeout, 5xx), by its client order id,
    /// and report what the venue knows. The engine never sends such an order again.
    case lookup(ClientOrderID)
}
