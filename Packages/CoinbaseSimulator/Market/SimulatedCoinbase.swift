import Backtest
import CostModel
import Foundation
import TraderCore

/// Coinbase Advanced Trade's state and answers, over a ``PaperVenue`` replaying real candles: the
/// orders with their Coinbase ids, the accounts, the products with their flags, fills with maker and
/// taker fees. It speaks Coinbase's JSON (numbers as strings, Coinbase's spellings and reasons); the
/// HTTP layer (``CoinbaseSimulator``) authenticates, limits and routes requests to it.
public actor SimulatedCoinbase {
    /// The venue the orders trade on.
    public nonisolated let venue: PaperVenue
    /// How replay time is shown on the wall clock.
    public nonisolated let timeline: ReplayTimeline
    /// The fee tier's rates, as `GET /transaction_summary` shows them.
    let fees: FeeRates
    /// The namespace of this run's ids: a restarted simulator never reuses an order id.
    let namespace: UUID
    /// The simulated user's id.
    let userID: String
    /// The replay's bar length, in seconds.
    let intervalSeconds: Int64
    /// The orders, by client order id.
    var records: [ClientOrderID: OrderRecord] = [:]
    /// Client order ids by Coinbase order id.
    var clientIDs: [String: ClientOrderID] = [:]
    /// Create-order requests that named a client order id already placed (answered with the order
    /// placed, as Coinbase does): each one a client sending an order twice.
    var resubmissions = 0
    /// The replay's pace when it runs on its own (books are then stamped with the time they are read).
    var pace: ReplayPace?
    /// The wall clock the pace is read on.
    let wallClock: any TradingClock = SystemClock()

    /// Sets the replay's pace (exchange-sim, before it serves).
    public func run(at pace: ReplayPace) { self.pace = pace }

    /// A simulator over `venue` (already warmed up: its last bar closed is the present), showing
    /// replay times on the wall clock by `timeline`, charging `fees` (the venue's own fill model's).
    public init(venue: PaperVenue, fees: FeeRates, timeline: ReplayTimeline, namespace: UUID = UUID()) {
        self.venue = venue
        self.fees = fees
        self.timeline = timeline
        self.namespace = namespace
        userID = NameUUID.make("user", in: namespace)
        intervalSeconds = venue.interval.seconds
    }

    /// `GET /time`: the wall clock, as Coinbase shows it (strings).
    nonisolated func serverTime(now: Timestamp) -> WireAnswer {
        .json([
            "iso": now.description, "epochSeconds": "\(now.secondsSinceEpoch)",
            "epochMillis": "\(now.nanosecondsSinceEpoch / 1_000_000)",
        ])
    }

    /// Processes the bars that close within `bars` bars of now (step mode): moves the venue's
    /// manual clock and the replay.
    ///
    /// - Returns: how many bars were processed.
    public func advance(bars: Int, clock: ManualClock) async throws -> Int {
        var processed = 0
        for _ in 0..<bars {
            guard let close = await venue.nextBarClose else { break }
            clock.set(to: close)
            processed += try await venue.advance(to: close)
        }
        return processed
    }

    /// Changes a product's status as Coinbase's flags would (`POST /_sim/products/{id}`).
    public func setStatus(_ status: ProductRules.Status, of symbol: Symbol) async {
        await venue.setStatus(status, of: symbol)
    }

    /// `GET /_sim/state`: what the simulator holds (orders, fills, balances) and what it served.
    func state(requests: RequestLedger.Summary) async -> WireAnswer {
        var orders: [[String: Any]] = []
        var fills = 0
        for report in await venue.allOrders() {
            fills += report.fills.count
            orders.append([
                "client_order_id": report.clientOrderID.rawValue, "order_id": records[report.clientOrderID]?.orderID ?? "",
                "product_id": report.symbol.description, "side": report.side.rawValue,
                "status": Self.status(report.status), "filled_size": report.filledQuantity.description,
            ])
        }
        var balances: [String: Any] = [:]
        for balance in (try? await venue.balances()) ?? [] {
            balances[balance.currency.code] = ["available": balance.available.description, "hold": balance.hold.description]
        }
        return .json(["orders": orders, "fills": fills, "balances": balances, "resubmissions": resubmissions, "served": requests.wire])
    }

    /// Coinbase's spelling of an order status.
    static func status(_ status: Order.Status) -> String {
        switch status {
        case .new, .submitted, .unknown: "PENDING"
        case .open, .partiallyFilled: "OPEN"
        case .pendingCancel: "CANCEL_QUEUED"
        case .filled: "FILLED"
        case .cancelled: "CANCELLED"
        case .expired: "EXPIRED"
        case .rejected: "FAILED"
        }
    }
}
