import TraderCore

extension TradingEngine {
    /// The orders to look up at the venue before reconciling: each one the engine has not seen
    /// settle (committed but perhaps never sent, in flight, or working) that `openAtVenue` does
    /// not list. Their lookups go in ``VenueSnapshot/lookups``.
    public func ordersToLookUp(openAtVenue: [VenueOrderReport]) -> [OrderReference] {
        let open = Set(openAtVenue.map(\.clientOrderID))
        return orders.values.filter { Self.awaitsVenueTruth($0) && !open.contains($0.clientOrderID) }
            .sorted { $0.clientOrderID < $1.clientOrderID }.map { OrderReference($0) }
    }

    /// How this engine's book differs from `snapshot`: each unsettled order's state and filled
    /// size, fills not booked, orders at the venue it did not create, the cash, each spot holding
    /// of a product it trades (the base currency's balance), and each option position held here or
    /// there (the venue's positions). Pure: nothing changes.
    public func reconciliation(with snapshot: VenueSnapshot) -> ReconciliationReport {
        typealias Difference = ReconciliationReport.Difference
        var differences: [Difference] = []
        let open = Self.byClientOrderID(snapshot.openOrders)
        var reportedFills: [(ClientOrderID, Fill)] = []
        for order in unsettledOrders() {
            let id = order.clientOrderID
            switch Self.venueView(of: id, in: snapshot, open: open) {
            case nil:
                differences.append(Difference(.unresolved, id.rawValue, engine: order.status.rawValue, venue: "not looked up"))
            case .some(nil):
                differences.append(Difference(.orderState, id.rawValue, engine: order.status.rawValue, venue: "never received"))
            case .some(let report?):
                if !Self.sameState(order.status, report.status) {
                    differences.append(Difference(.orderState, id.rawValue, engine: order.status.rawValue, venue: report.status.rawValue))
                }
                if order.filledQuantity != report.filledQuantity {
                    differences.append(
                        Difference(.filledSize, id.rawValue, engine: order.filledQuantity.description, venue: report.filledQuantity.description))
                }
                reportedFills += report.fills.map { (id, $0) }
            }
        }
        var seen: Set<TradeID> = []
        for (id, fill) in reportedFills + snapshot.fills.map({ ($0.clientOrderID, $0.fill) })
        where isKnownUnbookedFill(fill.tradeID, of: id) && seen.insert(fill.tradeID).inserted {
            differences.append(
                Difference(.missingFill, fill.tradeID.rawValue, engine: "not booked", venue: "\(fill.quantity) at \(fill.price) for \(id)"))
        }
        for report in snapshot.openOrders.sorted(by: { $0.clientOrderID < $1.clientOrderID })
        where orders[report.clientOrderID] == nil && recentlySettled.order(report.clientOrderID) == nil {
            differences.append(
                Difference(
                    .extraOrder, report.clientOrderID.rawValue, engine: "none",
                    venue: "\(report.side) \(report.symbol) \(report.status.rawValue) (\(report.venueOrderID))"))
        }
        let cash = snapshot.total(of: portfolio.currency)
        if cash != portfolio.cash {
            differences.append(Difference(.balance, portfolio.currency.code, engine: portfolio.cash.description, venue: cash.description))
        }
        for symbol in heldOrTradedSymbols() {
            let engine = portfolio.positions[symbol]?.quantity.value ?? .zero
            let venue = snapshot.total(of: Currency(code: symbol.base))
            if engine != venue {
                differences.append(Difference(.position, symbol.description, engine: engine.description, venue: venue.description))
            }
        }
        for (contract, venue) in optionHoldings(snapshot) {
            let engine = portfolio.optionPositions[contract]?.quantity ?? .zero
            if engine != venue.quantity {
                differences.append(Difference(.position, contract.description, engine: engine.description, venue: venue.quantity.description))
            }
        }
        return ReconciliationReport(differences: differences)
    }

    /// Takes the venue's truth, all or nothing: each unsettled order brought to its venue state
    /// (sent if it was only committed; refused, never re-sent, when the venue never received it;
    /// accepted, filled and ended as the venue reports), every unbooked fill of its orders booked
    /// once by trade id, then the cash and each spot holding set to the venue's balances (a holding
    /// that appears from nothing is valued at the latest mark), and each option position to the
    /// venue's (one that appears from nothing at the venue's average cost; an expired one the
    /// venue settled closed at its intrinsic value on the latest mark, as the engine's expiry does). Orders it did not create are left
    /// alone. Afterwards ``reconciliation(with:)`` of the same snapshot finds only extra orders.
    ///
    /// - Returns: the order events that changed something, for the shell to persist.
    /// - Throws: ``EngineError`` `incomplete_snapshot` when an unsettled order was not looked up;
    ///   what ``apply(_:)-(VenueEvent)`` throws (an `inconsistent_report`, say); ``Portfolio/Error``
    ///   `no_cost`. Nothing changes when it throws.
    @discardableResult
    public mutating func adoptVenueTruth(_ snapshot: VenueSnapshot) throws -> [AppliedEvent] {
        let open = Self.byClientOrderID(snapshot.openOrders)
        var engine = self
        var applied: [AppliedEvent] = []
        for order in unsettledOrders() {
            let id = order.clientOrderID
            guard let view = Self.venueView(of: id, in: snapshot, open: open) else {
                throw EngineError(.incompleteSnapshot, "order \(id) (\(order.status.rawValue)) was not looked up at the venue")
            }
            if order.status == .new { applied.append(try engine.apply(.submit, to: id, at: snapshot.time)) }
            if let report = view {
                applied.append(try engine.apply(VenueEvent(status: report, at: snapshot.time)))
            } else {
                applied.append(try engine.apply(.reject(reason: "never reached the venue"), to: id, at: snapshot.time))
            }
        }
        for report in snapshot.fills.sorted(by: { ($0.fill.time, $0.fill.tradeID) < ($1.fill.time, $1.fill.tradeID) })
        where engine.isKnownUnbookedFill(report.fill.tradeID, of: report.clientOrderID) {
            applied.append(try engine.apply(report.event))
        }
        // An expired contract the venue has settled is closed as the engine's expiry closes it, so
        // that its result reaches the realized ledger, before the cash is taken.
        for (contract, venue) in engine.optionHoldings(snapshot) where venue.quantity.isZero && engine.hasExpired(contract, at: snapshot.time) {
            if let price = engine.latestMarks[contract.underlying] { _ = engine.closeAtExpiry(contract, underlyingPrice: price, at: snapshot.time) }
        }
        let cash = snapshot.total(of: engine.portfolio.currency)
        if cash != engine.portfolio.cash { engine.portfolio.adoptCash(cash) }
        for symbol in engine.heldOrTradedSymbols() {
            let venue = Quantity(snapshot.total(of: Currency(code: symbol.base)))
            if venue != engine.portfolio.positions[symbol]?.quantity ?? .zero {
                try engine.portfolio.adoptQuantity(venue, of: symbol, mark: engine.latestMarks[symbol])
            }
        }
        for (contract, venue) in engine.optionHoldings(snapshot)
        where venue.quantity != engine.portfolio.optionPositions[contract]?.quantity ?? .zero {
            try engine.portfolio.adoptOptionQuantity(venue.quantity, of: contract, averageCost: venue.averageCost)
        }
        self = engine
        return applied.filter { $0.status != $0.previousStatus || !$0.fills.isEmpty }
    }

    /// The orders that still await the venue's word, by client order id.
    private func unsettledOrders() -> [Order] {
        orders.values.filter(Self.awaitsVenueTruth).sorted { $0.clientOrderID < $1.clientOrderID }
    }

    /// Whether the engine cannot know `order`'s state without the venue: committed (perhaps sent), in flight or working.
    private static func awaitsVenueTruth(_ order: Order) -> Bool { order.status == .new || order.status.isWorking }

    /// Whether `tradeID` is a fill of an order this engine created that it has not booked.
    private func isKnownUnbookedFill(_ tradeID: TradeID, of id: ClientOrderID) -> Bool {
        guard let order = orders[id] ?? recentlySettled.order(id) else { return false }
        return !order.fills.contains { $0.tradeID == tradeID }
    }

    /// The option contracts held here or at the venue, in a fixed order, with the venue's quantity
    /// and average cost (zero and `nil` for one the venue does not hold).
    private func optionHoldings(_ snapshot: VenueSnapshot) -> [(OptionContract, (quantity: Quantity, averageCost: Price?))] {
        var venue: [OptionContract: (quantity: Quantity, averageCost: Price?)] = [:]
        for position in snapshot.positions {
            guard case .option(let contract) = position.instrument, contract.underlying.quote == portfolio.currency.code else { continue }
            venue[contract] = (position.quantity, position.averageCost)
        }
        let contracts = Set(venue.keys).union(portfolio.optionPositions.filter { !$0.value.isFlat }.keys)
        return contracts.sorted().map { ($0, venue[$0] ?? (.zero, nil)) }
    }

    /// The symbols whose holdings are compared: those the engine trades or holds, quoted in its currency.
    private func heldOrTradedSymbols() -> [Symbol] {
        Set(products.keys).union(portfolio.positions.map(\.symbol)).filter { $0.quote == portfolio.currency.code }.sorted()
    }

    /// The venue's report of an order: its lookup, else its line among the open orders; `.some(nil)`
    /// when the venue never received it, `nil` when the snapshot does not say.
    private static func venueView(
        of id: ClientOrderID, in snapshot: VenueSnapshot, open: [ClientOrderID: VenueOrderReport]
    ) -> VenueOrderReport?? {
        if let lookedUp = snapshot.lookups[id] { return .some(lookedUp) }
        return open[id].map { .some($0) }
    }

    /// Whether the engine's state and the venue's agree (a cancel the engine asked for and the
    /// venue has not yet done leaves the order working at both).
    private static func sameState(_ engine: Order.Status, _ venue: Order.Status) -> Bool {
        engine == venue || (engine == .pendingCancel && (venue == .open || venue == .partiallyFilled))
    }

    private static func byClientOrderID(_ reports: [VenueOrderReport]) -> [ClientOrderID: VenueOrderReport] {
        Dictionary(reports.map { ($0.clientOrderID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
