import Crypto
import Foundation
import TraderCore

extension SimulatedCoinbase {
    /// An order as `GET /orders/historical/...` shows it (the fields of the recorded bodies).
    func render(_ record: OrderRecord, _ report: VenueOrderReport) -> [String: Any] {
        var filledValue = FixedPoint.zero
        var fees = FixedPoint.zero
        for fill in report.fills {
            filledValue = (try? filledValue.adding((try? fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven)) ?? .zero)) ?? filledValue
            fees = (try? fees.adding(fill.fee.amount)) ?? fees
        }
        let afterFees = record.order.side == .buy ? (try? filledValue.adding(fees)) : (try? filledValue.subtracting(fees))
        let completion = (try? report.filledQuantity.value.multiplied(by: FixedPoint(100), dividedBy: record.order.quantity.value, rounding: .down)) ?? .zero
        let done = report.status.isTerminal
        let cancelMessage = report.status == .cancelled && record.order.timeInForce != .immediateOrCancel ? "User requested cancel" : ""
        return [
            "order_id": record.orderID, "product_id": record.order.symbol.description, "user_id": userID,
            "order_configuration": record.configuration.wire, "side": record.order.side.rawValue,
            "client_order_id": record.order.clientOrderID.rawValue, "status": Self.status(report.status),
            "time_in_force": record.configuration.timeInForce, "created_time": record.created.description,
            "completion_percentage": completion.description, "filled_size": report.filledQuantity.description,
            "average_filled_price": report.averagePrice?.description ?? "0", "fee": "", "number_of_fills": "\(report.fills.count)",
            "filled_value": filledValue.description, "pending_cancel": false, "size_in_quote": record.configuration.sizedInQuote,
            "total_fees": fees.description, "size_inclusive_of_fees": false, "total_value_after_fees": (afterFees ?? filledValue).description,
            "trigger_status": "INVALID_ORDER_TYPE", "order_type": record.configuration.orderType, "reject_reason": "REJECT_REASON_UNSPECIFIED",
            "settled": done, "product_type": "SPOT", "reject_message": "", "cancel_message": cancelMessage,
            "order_placement_source": "RETAIL_ADVANCED", "outstanding_hold_amount": "0", "is_liquidation": false,
            "last_fill_time": report.fills.last.map { timeline.wall($0.time).description } ?? NSNull(), "edit_history": [] as [Any],
            "leverage": "", "margin_type": "UNKNOWN_MARGIN_TYPE", "retail_portfolio_id": "",
            "last_update_time": timeline.wall(report.time).description,
        ]
    }

    /// A fill as `GET /orders/historical/fills` shows it.
    func render(_ fill: Fill, of record: OrderRecord) -> [String: Any] {
        let time = timeline.wall(fill.time).description
        let entry = SHA256.hash(data: Array("\(namespace.uuidString)/\(fill.tradeID.rawValue)".utf8)).map { String(format: "%02x", $0) }.joined()
        return [
            "entry_id": entry, "trade_id": NameUUID.make(fill.tradeID.rawValue, in: namespace), "order_id": record.orderID,
            "trade_time": time, "trade_type": "FILL", "price": fill.price.description, "size": fill.quantity.description,
            "commission": fill.fee.amount.description, "product_id": record.order.symbol.description, "sequence_timestamp": time,
            "liquidity_indicator": fill.liquidity == .maker ? "MAKER" : "TAKER", "size_in_quote": false, "user_id": userID,
            "side": record.order.side.rawValue, "retail_portfolio_id": "",
        ]
    }

    /// A product as `GET /products/{id}` shows it, with the flags its status gives.
    func render(_ rules: ProductRules, quote: Quote?, volume24h: FixedPoint) -> [String: Any] {
        let symbol = rules.symbol.description
        return [
            "product_id": symbol, "price": quote?.bid.description ?? "", "price_percentage_change_24h": "0",
            "volume_24h": volume24h.description, "volume_percentage_change_24h": "0",
            "base_increment": rules.baseIncrement.description, "quote_increment": rules.priceIncrement.description,
            "quote_min_size": rules.minNotional.description, "quote_max_size": "150000000",
            "base_min_size": rules.minSize.description, "base_max_size": rules.maxSize.description,
            "base_name": rules.symbol.base, "quote_name": rules.symbol.quote, "watched": false, "is_disabled": false, "new": false,
            "status": rules.status == .offline ? "offline" : "online", "cancel_only": rules.status == .cancelOnly,
            "limit_only": rules.status == .limitOnly, "post_only": rules.status == .postOnly, "trading_disabled": rules.status == .disabled,
            "auction_mode": false, "product_type": "SPOT", "quote_currency_id": rules.symbol.quote, "base_currency_id": rules.symbol.base,
            "fcm_trading_session_details": NSNull(), "mid_market_price": "", "alias": "", "alias_to": [] as [Any],
            "base_display_symbol": rules.symbol.base, "quote_display_symbol": rules.symbol.quote, "view_only": false,
            "price_increment": rules.priceIncrement.description, "display_name": symbol, "product_venue": "CBE",
            "approximate_quote_24h_volume": "", "new_at": "", "market_cap": "", "base_cbrn": "", "quote_cbrn": "", "product_cbrn": "",
            "icon_color": "", "icon_url": "", "display_name_overwrite": "", "is_alpha_testing": false, "about_description": "",
            "best_bid_price": quote?.bid.description ?? "", "best_ask_price": quote?.ask.description ?? "",
        ]
    }

    /// A one-level pricebook of a quote, stamped `time` (replay time).
    func render(book quote: Quote, at time: Timestamp) -> [String: Any] {
        [
            "product_id": quote.symbol.description, "bids": [["price": quote.bid.description, "size": quote.bidSize.description]],
            "asks": [["price": quote.ask.description, "size": quote.askSize.description]], "time": timeline.wall(time).description,
        ]
    }

    /// An account as `GET /accounts` shows it.
    func render(_ balance: Balance) -> [String: Any] {
        let code = balance.currency.code
        let fiat = ["USD", "EUR", "GBP"].contains(code)
        return [
            "uuid": NameUUID.make("account/\(code)", in: namespace), "name": "\(code) Wallet", "currency": code,
            "available_balance": ["value": balance.available.description, "currency": code], "default": true, "active": true,
            "created_at": "2022-12-26T19:26:12.417Z", "updated_at": "2022-12-26T19:27:03.892Z", "deleted_at": NSNull(),
            "type": fiat ? "ACCOUNT_TYPE_FIAT" : "ACCOUNT_TYPE_CRYPTO", "ready": true,
            "hold": ["value": balance.hold.description, "currency": code], "retail_portfolio_id": "",
        ]
    }
}
