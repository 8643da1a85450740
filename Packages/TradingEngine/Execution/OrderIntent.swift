import TraderCore

/// What the engine wants done at the venue. An intent is stored before it is sent, and its client
/// order id is a pure function of it, so sending it twice can never make two orders.
public enum OrderIntent: Hashable, Sendable {
    /// Place a new order (status `new`; the shell submits it), carrying out `proposal`.
    case place(Order, proposal: TradeProposal)
    /// Place every order of a bracket at once, through the venue's native brackets (status `new`;
    /// the shell submits them together), carrying out `proposal`.
    case placeBracket(OrderBracket, proposal: TradeProposal)
    /// Cancel a working order (the engine has marked it `pending_cancel`; the shell reports the
    /// venue's answer: `cancel`, a fill, or `cancel_rejected`), for a stable reason:
    /// `post_only_ttl` (it rested past its TTL; its remainder is re-quoted), `red_flag_ban` (an
    /// entry in a symbol a red flag now bans; not re-quoted), and for options `option_expired`,
    /// `oco_stop_loss` (an emulated take-profit whose stop was crossed), `bracket_partial_fill` (the
    /// rest of a partly filled bracket entry) and `bracket_resize` (a native exit that no longer
    /// matches the position).
    case cancel(ClientOrderID, reason: String)
    /// Look up an order whose submit had no clear answer (timeout, 5xx), by its client order id,
    /// and report what the venue knows. The engine never sends such an order again.
    case lookup(ClientOrderID)

    /// The new orders the intent places: none for a cancel or a lookup.
    public var placedOrders: [Order] {
        switch self {
        case .place(let order, _): [order]
        case .placeBracket(let bracket, _): bracket.orders
        case .cancel, .lookup: []
        }
    }
}
