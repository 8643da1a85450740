import TradingEngine
import TraderCore

/// Shadow mode: the decisions a DRY_RUN node would take, computed beside a PAPER or LIVE run on
/// the same snapshots by a second engine that started from the same state. Its orders are
/// recorded and withdrawn, never sent; each cycle they are matched (by symbol and side) with the
/// orders the node actually sent, and the tally says where the two differ. The shadow never fills,
/// so once the node holds what the shadow does not, their decisions part: that difference is what
/// the report shows.
public struct ShadowRun: Sendable {
    /// Intended versus actual, since the start.
    public struct Tally: Hashable, Sendable {
        /// Orders the shadow decided.
        public var intended = 0
        /// Orders the node sent.
        public var sent = 0
        /// Orders both decided in the same cycle (same symbol and side).
        public var matched = 0
        /// Orders only the shadow decided, by symbol and side (`BTC-USD buy`).
        public var intendedOnly: [String: Int] = [:]
        /// Orders only the node sent, by symbol and side.
        public var sentOnly: [String: Int] = [:]
        /// Fills the node booked (the shadow never has any).
        public var fills = 0
    }

    private(set) var engine: TradingEngine
    /// What the shadow and the node did, so far.
    public private(set) var tally = Tally()

    /// A shadow starting from `engine`'s state.
    public init(startingFrom engine: TradingEngine) {
        self.engine = engine
    }

    /// Decides on `snapshot` as DRY_RUN would, and matches the orders with `sent`, the node's.
    mutating func step(_ snapshot: MarketSnapshot, sent: [Order], fills: Int) {
        var intended: [Order] = []
        for order in engine.step(snapshot).intents.flatMap(\.placedOrders) {
            intended.append(order)
            // Withdrawn as DRY_RUN withdraws: submitted, then refused without reaching a venue.
            _ = try? engine.apply(.submit, to: order.clientOrderID, at: snapshot.time)
            _ = try? engine.apply(.reject(reason: "shadow: not sent"), to: order.clientOrderID, at: snapshot.time)
            _ = engine.removeSettledOrder(order.clientOrderID)
        }
        tally.intended += intended.count
        tally.sent += sent.count
        tally.fills += fills
        var unmatched = sent.map(Self.key)
        for key in intended.map(Self.key) {
            if let index = unmatched.firstIndex(of: key) {
                unmatched.remove(at: index)
                tally.matched += 1
            } else {
                tally.intendedOnly[key, default: 0] += 1
            }
        }
        for key in unmatched { tally.sentOnly[key, default: 0] += 1 }
    }

    private static func key(_ order: Order) -> String { "\(order.symbol) \(order.side.rawValue)" }
}
