import TraderCore

/// Coinbase's bodies as TraderCore's values, each checked before it is built: a malformed or
/// inconsistent body is `malformed_reply`, never a crash and never a partial value.
enum CoinbaseMapping {
    static func malformed(_ message: String) -> VenueError { VenueError(.malformedReply, message: message) }

    /// The cursor of the next page; `nil` after the last. A page that names the cursor it was
    /// asked with would be asked for forever: that is a `malformed_reply`.
    static func nextCursor(_ next: String?, after current: String?, _ what: String) throws(VenueError) -> String? {
        guard let next, !next.isEmpty else { return nil }
        guard next != current else { throw malformed("\(what): the next page's cursor is the one just read") }
        return next
    }

    /// An RFC 3339 time with 0–9 fraction digits.
    static func time(_ text: String?, _ what: String) throws(VenueError) -> Timestamp {
        guard let text, let time = ISO8601Format.parse(text) else {
            throw malformed("\(what): time \"\((text ?? "").prefix(40))\" is not RFC 3339")
        }
        return time
    }

    static func symbol(_ text: String?, _ what: String) throws(VenueError) -> Symbol {
        guard let text, let symbol = Symbol(canonical: text) else {
            throw malformed("\(what): product \"\((text ?? "").prefix(32))\" is not BASE-QUOTE")
        }
        return symbol
    }

    static func side(_ text: String?, _ what: String) throws(VenueError) -> OrderSide {
        switch text {
        case "BUY": .buy
        case "SELL": .sell
        default: throw malformed("\(what): side \"\((text ?? "").prefix(16))\" is neither BUY nor SELL")
        }
    }

    /// A fill; `nil` for a ledger entry that is not a fill (a reversal or a correction is never
    /// booked as a fill).
    static func fill(_ wire: WireFill) throws(VenueError) -> VenueFillReport? {
        let what = "fill \(wire.tradeID ?? "without trade_id")"
        guard wire.tradeType == nil || wire.tradeType == "FILL" else { return nil }
        guard let tradeID = wire.tradeID, !tradeID.isEmpty, let orderID = wire.orderID, !orderID.isEmpty else {
            throw malformed("\(what): without trade_id or order_id")
        }
        guard let price = wire.price?.value, price.raw > 0 else { throw malformed("\(what): price is missing or not positive") }
        guard let size = wire.size?.value, size.raw > 0 else { throw malformed("\(what): size is missing or not positive") }
        let commission = wire.commission?.value ?? .zero
        guard !commission.isNegative else { throw malformed("\(what): commission \(commission) is negative") }
        let symbol = try symbol(wire.productID, what)
        let liquidity: Fill.Liquidity = wire.liquidityIndicator == "MAKER" ? .maker : .taker  // unknown: the dearer rate
        let fill = Fill(
            tradeID: TradeID(tradeID), price: Price(price), quantity: Quantity(size), fee: Money(commission, Currency(code: symbol.quote)),
            liquidity: liquidity, time: try time(wire.tradeTime, what))
        return VenueFillReport(clientOrderID: ClientOrderID(orderID), symbol: symbol, side: try side(wire.side, what), fill: fill)
    }

    /// Coinbase's order status as ours; `nil` for an unknown status.
    static func status(_ text: String?, filled: Bool) -> Order.Status? {
        switch text {
        case "PENDING", "QUEUED", "OPEN", "EDIT_QUEUED": filled ? .partiallyFilled : .open
        case "CANCEL_QUEUED": .pendingCancel
        case "FILLED": .filled
        case "CANCELLED": .cancelled
        case "EXPIRED": .expired
        case "FAILED": .rejected
        default: nil
        }
    }

    /// The venue's view of an order with `fills` (the order's fills, fetched apart), keyed by our
    /// id as `clientOrderID` maps it back.
    static func report(_ wire: WireOrder, fills: [Fill], clientOrderID: ClientOrderID) throws(VenueError) -> VenueOrderReport {
        let what = "order \(wire.orderID ?? "without order_id")"
        guard let orderID = wire.orderID, !orderID.isEmpty else { throw malformed("\(what): without order_id") }
        let filled = wire.filledSize?.value ?? .zero
        guard !filled.isNegative else { throw malformed("\(what): filled size \(filled) is negative") }
        guard let status = status(wire.status, filled: filled.raw > 0) else {
            throw malformed("\(what): status \"\((wire.status ?? "").prefix(32))\" is not one this client knows")
        }
        let average = wire.averageFilledPrice?.value.flatMap { $0.raw > 0 ? Price($0) : nil }
        let reason = [wire.rejectReason, wire.rejectMessage, wire.cancelMessage].compactMap { $0 }
            .first { !$0.isEmpty && $0 != "REJECT_REASON_UNSPECIFIED" }
        let time = try CoinbaseMapping.time(wire.lastFillTime.flatMap { $0.isEmpty ? nil : $0 } ?? wire.createdTime, what)
        return VenueOrderReport(
            clientOrderID: clientOrderID, venueOrderID: VenueOrderID(orderID), symbol: try symbol(wire.productID, what),
            side: try side(wire.side, what), status: status, filledQuantity: Quantity(filled), averagePrice: average, fills: fills,
            reason: reason, time: time)
    }

    /// A balance; `nil` for an account holding nothing.
    static func balance(_ wire: WireAccount) throws(VenueError) -> Balance? {
        guard let code = wire.currency, let currency = Currency(code) else {
            throw malformed("account: currency \"\((wire.currency ?? "").prefix(16))\" is not a currency code")
        }
        let available = wire.availableBalance?.value?.value ?? .zero
        let hold = wire.hold?.value?.value ?? .zero
        guard !available.isNegative, !hold.isNegative else { throw malformed("account \(code): a negative balance") }
        guard !available.isZero || !hold.isZero else { return nil }
        return Balance(currency: currency, available: available, hold: hold)
    }

    /// A quote from a pricebook's best levels.
    static func quote(_ wire: WirePricebook) throws(VenueError) -> Quote {
        let what = "pricebook \(wire.productID ?? "without product_id")"
        guard let bid = wire.bids?.first, let ask = wire.asks?.first, let bidPrice = bid.price?.value, let askPrice = ask.price?.value
        else { throw malformed("\(what): without a bid and an ask") }
        let bidSize = bid.size?.value ?? .zero
        let askSize = ask.size?.value ?? .zero
        guard !bidSize.isNegative, !askSize.isNegative else { throw malformed("\(what): a negative size") }
        return try Quote(
            validatingSymbol: try symbol(wire.productID, what), bid: Price(bidPrice), ask: Price(askPrice), bidSize: Quantity(bidSize),
            askSize: Quantity(askSize), time: try time(wire.time, what))
    }

    /// A candle.
    static func candle(_ wire: WireCandle, _ product: String) throws(VenueError) -> Candle {
        let what = "candle of \(product)"
        guard let start = wire.start?.value, start.raw % FixedPoint.scale == 0 else { throw malformed("\(what): start is not whole seconds") }
        guard let open = wire.open?.value, let high = wire.high?.value, let low = wire.low?.value, let close = wire.close?.value,
            let volume = wire.volume?.value, !volume.isNegative
        else { throw malformed("\(what): a price or the volume is missing") }
        return try Candle(
            validatingTime: try Timestamp(validatingSecondsSinceEpoch: start.raw / FixedPoint.scale), open: Price(open), high: Price(high),
            low: Price(low), close: Price(close), volume: Quantity(volume))
    }
}
