import Logging
import TraderCore

/// Order events by polling Coinbase's REST API, behind ``CoinbaseAdapter/events()``.
///
/// Each poll lists the working orders (open, pending, queued, cancel queued) and every order
/// created since shortly before the previous poll, and looks up by id each order that was
/// working and is in neither list. An order whose status or filled size differs from what was
/// last reported becomes one ``VenueEvent/Change/status(_:)`` report with all its fills; the
/// engine books only what it has not seen, so a report seen twice is harmless.
///
/// Nothing is lost between polls or to a failed one: an order created since the last good poll
/// is in the next creation listing (the window starts ``CoinbaseConfiguration/eventLookback``
/// before that poll, covering the skew between this clock and Coinbase's creation times), and an
/// order known to be working is looked up until it is done. So a failed poll is retried, not
/// reported as a gap. The first poll reports the orders working and those created within the
/// lookback, as the WebSocket user channel's snapshot does.
actor CoinbaseOrderPoller {
    /// What was last reported of an order.
    private struct Reported: Equatable {
        let status: String?
        let filled: Int64
    }

    private let adapter: CoinbaseAdapter
    private let clock: any TradingClock
    private let logger: Logger
    private var ready: [VenueUpdate] = []
    private var reported: [String: Reported] = [:]
    private var working: Set<String> = []
    /// When the last good poll started.
    private var lastPoll: Timestamp?
    private var failures = 0

    init(adapter: CoinbaseAdapter, clock: any TradingClock, logger: Logger) {
        self.adapter = adapter
        self.clock = clock
        self.logger = logger
    }

    /// The next update, polling as often as configured until there is one; `nil` once the task
    /// is cancelled.
    func next() async -> VenueUpdate? {
        var first = lastPoll == nil && failures == 0
        while ready.isEmpty {
            if !first {
                do {
                    try await clock.sleep(until: clock.now().advanced(by: adapter.client.configuration.eventPollInterval))
                } catch {
                    return nil
                }
            }
            first = false
            guard !Task.isCancelled else { return nil }
            await poll()
        }
        return ready.removeFirst()
    }

    /// One poll: the reports of every order that changed, in time order, into ``ready``.
    private func poll() async {
        let start = clock.now()
        let since = (lastPoll ?? start).advanced(by: .zero - adapter.client.configuration.eventLookback)
        do {
            let open = try await adapter.listOrders(CoinbaseAdapter.workingStatuses.map { ("order_status", $0) })
            let recent = try await adapter.listOrders([("start_date", since.description)])
            var orders: [String: WireOrder] = [:]
            for wire in open + recent { if let id = wire.orderID, orders[id] == nil { orders[id] = wire } }
            for id in working.subtracting(orders.keys).sorted() {
                do {
                    if let wire = try await adapter.client.get("/orders/historical/\(id)", as: WireOrderAnswer.self).order { orders[id] = wire }
                } catch where error.code == .notFound {
                    // Asking again would fail every poll after this one.
                    logger.warning("order events: working order \(id) is no longer known to Coinbase; not followed")
                    working.remove(id)
                }
            }
            var reports: [VenueOrderReport] = []
            for (id, wire) in orders {
                let now = Reported(status: wire.status, filled: wire.filledSize?.value?.raw ?? 0)
                guard reported[id] != now else { continue }
                do {
                    let report = try await adapter.report(wire, clientOrderID: ClientOrderID(wire.clientOrderID ?? id))
                    reports.append(report)
                    reported[id] = now
                    if report.status.isTerminal { working.remove(id) } else { working.insert(id) }
                } catch where error.code == .malformedReply {
                    logger.warning("order events: order \(id) cannot be read; asked again next poll", metadata: ["error": "\(error)"])
                }
            }
            // A done order outside the creation window is never listed again: forget it.
            for id in reported.keys where orders[id] == nil && !working.contains(id) { reported.removeValue(forKey: id) }
            reports.sort { ($0.time, $0.clientOrderID) < ($1.time, $1.clientOrderID) }
            ready += reports.map { .event(VenueEvent(status: $0, at: $0.time)) }
            lastPoll = start
            failures = 0
        } catch {
            failures += 1
            logger.warning(
                "order events: poll failed; retried, nothing is lost", metadata: ["error": "\(error)", "failures": "\(failures)"])
        }
    }
}
