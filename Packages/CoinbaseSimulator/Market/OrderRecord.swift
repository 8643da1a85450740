import TraderCore

/// What the simulator keeps of an order beyond the venue's report: its Coinbase id, the
/// configuration it was sent with (echoed back as sent) and when it was created, on the wall clock.
struct OrderRecord: Sendable {
    /// The order as the exchange holds it (base size; a quote-sized market order converted).
    let order: Order
    /// The Coinbase order id (a UUID).
    let orderID: String
    /// The order configuration as sent.
    let configuration: OrderConfiguration
    /// When it was created, on the wall clock (or the replay's, when that runs ahead).
    let created: Timestamp
}

/// The `order_configuration` variants the simulator trades, with their fields as sent.
enum OrderConfiguration: Sendable {
    /// `market_market_ioc` by base or by quote size.
    case marketIOC(baseSize: String?, quoteSize: String?)
    /// `limit_limit_gtc`.
    case limitGTC(baseSize: String, limitPrice: String, postOnly: Bool)
    /// `limit_limit_gtd`.
    case limitGTD(baseSize: String, limitPrice: String, endTime: String, postOnly: Bool)
    /// `sor_limit_ioc`.
    case sorLimitIOC(baseSize: String, limitPrice: String)

    /// The configuration as Coinbase shows it.
    var wire: [String: Any] {
        switch self {
        case .marketIOC(let base, let quote):
            var fields: [String: Any] = [:]
            if let base { fields["base_size"] = base }
            if let quote { fields["quote_size"] = quote }
            return ["market_market_ioc": fields]
        case .limitGTC(let base, let price, let postOnly):
            return ["limit_limit_gtc": ["base_size": base, "limit_price": price, "post_only": postOnly]]
        case .limitGTD(let base, let price, let end, let postOnly):
            return ["limit_limit_gtd": ["base_size": base, "limit_price": price, "end_time": end, "post_only": postOnly]]
        case .sorLimitIOC(let base, let price):
            return ["sor_limit_ioc": ["base_size": base, "limit_price": price]]
        }
    }

    /// `time_in_force` as Coinbase spells it.
    var timeInForce: String {
        switch self {
        case .marketIOC, .sorLimitIOC: "IMMEDIATE_OR_CANCEL"
        case .limitGTC: "GOOD_UNTIL_CANCELLED"
        case .limitGTD: "GOOD_UNTIL_DATE_TIME"
        }
    }

    /// `order_type` as Coinbase spells it.
    var orderType: String {
        if case .marketIOC = self { return "MARKET" }
        return "LIMIT"
    }

    /// Whether the size was given in the quote currency.
    var sizedInQuote: Bool {
        if case .marketIOC(nil, .some) = self { return true }
        return false
    }
}
