import Foundation
import TraderCore

extension SimulatedCoinbase {
    /// `POST /orders/preview`: what an order would cost, checked as `POST /orders` checks it but
    /// placing nothing. The body is a create-order body without `client_order_id`; the answer has
    /// the recorded preview fields, with the size and commission at the price the order would
    /// meet (a market order at the touch, a limit at its limit: taker when it would cross, maker
    /// otherwise). A buy's `order_total` adds the commission, a sell's subtracts it. An order
    /// that would be refused is answered with its preview reason in `errs` and zero totals.
    func previewOrder(body: [UInt8]) async -> WireAnswer {
        guard let request = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .invalidArgument("the body is not a JSON object")
        }
        do throws(Refusal) {
            let (order, _) = try await parse(request, clientID: "preview")
            let quote: Quote
            do {
                quote = try await venue.preview(order)
            } catch {
                throw Refusal(error)
            }
            let touch = order.side == .buy ? quote.ask : quote.bid
            let (price, crosses): (Price, Bool) =
                switch order.kind {
                case .market, .stop: (touch, true)  // a stop executes as a market order
                case .limit(let limit, _): order.side == .buy ? (min(limit, touch), limit >= touch) : (max(limit, touch), limit <= touch)
                }
            let quoteSize = (try? price.notional(of: order.quantity, rounding: .toNearestOrEven)) ?? .zero
            let commission = (try? fees.fee(onNotional: quoteSize, liquidity: crosses ? .taker : .maker)) ?? .zero
            let total = (order.side == .buy ? try? quoteSize.adding(commission) : try? quoteSize.subtracting(commission)) ?? quoteSize
            return preview(
                total: total, commission: commission, quoteSize: quoteSize, baseSize: order.quantity.value, quote: quote, errors: [])
        } catch {
            var quote: Quote?
            if let symbol = (request["product_id"] as? String).flatMap({ Symbol(canonical: $0) }) {
                quote = try? await venue.quotes(for: [symbol])[symbol]
            }
            return preview(total: .zero, commission: .zero, quoteSize: .zero, baseSize: .zero, quote: quote, errors: [error.preview])
        }
    }

    private func preview(
        total: FixedPoint, commission: FixedPoint, quoteSize: FixedPoint, baseSize: FixedPoint, quote: Quote?, errors: [String]
    ) -> WireAnswer {
        .json([
            "order_total": total.description, "commission_total": commission.description, "errs": errors, "warning": [] as [Any],
            "quote_size": quoteSize.description, "base_size": baseSize.description, "best_bid": quote?.bid.description ?? "",
            "best_ask": quote?.ask.description ?? "", "is_max": false, "order_margin_total": "0", "leverage": "0", "long_leverage": "0",
            "short_leverage": "0", "slippage": "0",
        ])
    }
}
