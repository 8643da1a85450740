import Foundation
import GRDB
import TraderCore

extension StateStore {
    /// Commits order intents, in one transaction, before any of them may be sent (intents decided
    /// outside a cycle; a cycle's go in its ``CycleRecord``).
    ///
    /// - Throws: ``StoreError`` `constraint` when a client order id is already stored (an intent is
    ///   never recorded twice, so a retry can never become a second order).
    public func recordIntents(_ intents: [IntentRecord]) throws(StoreError) {
        try write { db in try Self.insert(intents, in: db) }
    }

    /// Commits one cycle, all or nothing: its intents, audit record, order steps, fills, realized
    /// PnL, the positions they changed, the balances seen, the option expiries, the NAV and the
    /// engine snapshot.
    ///
    /// - Returns: the trade ids of fills that were new (a fill already stored is ignored).
    /// - Throws: ``StoreError`` (`constraint` for an intent whose client order id is stored, a step
    ///   of an order without an intent, a cycle already saved); nothing is written then.
    @discardableResult
    public func commitCycle(_ cycle: CycleRecord) throws(StoreError) -> [TradeID] {
        let json = try Self.auditJSON(cycle.audit)
        return try write { db in try Self.commit(cycle, auditJSON: json, in: db) }
    }

    /// ``commitCycle(_:)`` from async code: the transaction runs on the store's own writer queue,
    /// never blocking a thread of Swift's cooperative pool.
    ///
    /// - Throws: what ``commitCycle(_:)`` throws.
    @discardableResult
    public func commitCycle(_ cycle: CycleRecord) async throws(StoreError) -> [TradeID] {
        let json = try Self.auditJSON(cycle.audit)
        return try await asyncWrite { db in try Self.commit(cycle, auditJSON: json, in: db) }
    }

    private static func auditJSON(_ audit: AuditRecord) throws(StoreError) -> String {
        do {
            return String(decoding: try StateStore.encoder.encode(audit), as: UTF8.self)
        } catch {
            throw StoreError(.invalidRecord, "audit record of cycle \(audit.cycleID) cannot be encoded: \(error)")
        }
    }

    private static func commit(_ cycle: CycleRecord, auditJSON json: String, in db: Database) throws -> [TradeID] {
        try insert(cycle.intents, in: db)
        try db.cachedStatement(
            sql: "INSERT INTO audit_log (cycle_id, at_ns, mode, config_hash, record_json) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [
            cycle.audit.cycleID, cycle.audit.at.nanosecondsSinceEpoch, cycle.audit.mode, cycle.audit.configHash, json,
        ])
        for step in cycle.transitions { try apply(step, in: db) }
        var added: [TradeID] = []
        let insertFill = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO fills (trade_id, client_order_id, price_e8, quantity_e8, fee_e8, fee_currency, liquidity, at_ns)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for item in cycle.fills {
            let fill = item.fill
            try insertFill.execute(arguments: [
                fill.tradeID.rawValue, item.clientOrderID.rawValue, fill.price.value.raw, fill.quantity.value.raw,
                fill.fee.amount.raw, fill.fee.currency.code, fill.liquidity.rawValue, fill.time.nanosecondsSinceEpoch,
            ])
            if db.changesCount > 0 { added.append(fill.tradeID) }
        }
        let insertRealized = try db.cachedStatement(
            sql: "INSERT INTO realized_ledger (at_ns, symbol, amount_e8) VALUES (?, ?, ?)")
        for entry in cycle.realized {
            try insertRealized.execute(arguments: [entry.at.nanosecondsSinceEpoch, entry.symbol.description, entry.amount.raw])
        }
        try save(cycle.positions, balances: cycle.balances, at: cycle.audit.at, in: db)
        for expiry in cycle.optionExpiries {
            try db.cachedStatement(
                sql: "INSERT INTO option_expiries (at_ns, option_contract_json, quantity_e8, intrinsic_value_e8) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [
                expiry.at.nanosecondsSinceEpoch, String(decoding: try StateStore.encoder.encode(expiry.contract), as: UTF8.self),
                expiry.quantity.value.raw, expiry.intrinsicValue.value.raw,
            ])
        }
        if let equity = cycle.equity {
            let exposures = String(decoding: try StateStore.encoder.encode(equity.exposures.mapValues(\.description)), as: UTF8.self)
            try db.cachedStatement(sql: "INSERT INTO equity_curve (at_ns, nav_e8, exposed, exposures_json) VALUES (?, ?, ?, ?)")
                .execute(arguments: [equity.at.nanosecondsSinceEpoch, equity.nav.raw, equity.exposed, exposures])
        }
        if let snapshot = cycle.engineSnapshot { try save(snapshot, replacing: cycle.amendsEngineSnapshot, in: db) }
        return added
    }

    private static func insert(_ intents: [IntentRecord], in db: Database) throws {
        guard !intents.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO orders (client_order_id, symbol, side, kind, limit_price_e8, stop_price_e8, post_only, quantity_e8,
                    cycle_id, decided_at_ns, status, updated_at_ns, time_in_force, good_till_ns, option_contract_json,
                    signal, regime, decision_mid_e8)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)
                """)
        for intent in intents {
            let (kind, price, trigger, postOnly): (String, Int64?, Int64?, Bool) =
                switch intent.kind {
                case .limit(let price, let postOnly): ("limit", price.value.raw, nil, postOnly)
                case .market: ("market", nil, nil, false)
                case .stop(let trigger): ("stop", nil, trigger.value.raw, false)
                }
            let goodTill: Int64? = if case .goodTillDate(let time) = intent.timeInForce { time.nanosecondsSinceEpoch } else { nil }
            var contract: String?
            if case .option(let option) = intent.instrument {
                contract = String(decoding: try StateStore.encoder.encode(option), as: UTF8.self)
            }
            try insert.execute(arguments: [
                intent.clientOrderID.rawValue, intent.symbol.description, intent.side.rawValue, kind, price, trigger, postOnly,
                intent.quantity.value.raw, intent.cycleID, intent.decidedAt.nanosecondsSinceEpoch,
                intent.decidedAt.nanosecondsSinceEpoch, intent.timeInForce.code, goodTill, contract,
                intent.origin?.signal, intent.origin?.regime?.rawValue, intent.origin?.decisionMid.value.raw,
            ])
        }
    }

    /// Records order steps outside a cycle (a reconciliation at start-up, a venue event).
    ///
    /// - Throws: ``StoreError`` `constraint` for an order the store does not know.
    public func recordTransitions(_ steps: [OrderTransitionRecord]) throws(StoreError) {
        try write { db in
            for step in steps { try Self.apply(step, in: db) }
        }
    }

    private static func apply(_ step: OrderTransitionRecord, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE orders SET status = ?, venue_order_id = coalesce(?, venue_order_id), updated_at_ns = ?
                WHERE client_order_id = ?
                """
        ).execute(arguments: [step.to.rawValue, step.venueOrderID?.rawValue, step.at.nanosecondsSinceEpoch, step.clientOrderID.rawValue])
        guard db.changesCount == 1 else {
            throw StoreError(.constraint, "order step \(step.event) for \(step.clientOrderID), which has no intent")
        }
        try db.cachedStatement(
            sql: "INSERT INTO order_events (client_order_id, at_ns, from_status, to_status, event, reason) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [
            step.clientOrderID.rawValue, step.at.nanosecondsSinceEpoch, step.from.rawValue, step.to.rawValue, step.event, step.reason,
        ])
    }

    /// The order with `clientOrderID`, if stored.
    ///
    /// - Throws: ``StoreError``.
    public func order(_ clientOrderID: ClientOrderID) throws(StoreError) -> StoredOrder? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM orders WHERE client_order_id = ?", arguments: [clientOrderID.rawValue])
                .map(StoredOrder.init(row:))
        }
    }

    /// Orders that may exist at the venue: every intent not yet in a final status (`new` ones
    /// included: they may have been sent just before a crash). At start-up each is looked up at the
    /// venue by client order id; none is ever re-sent.
    ///
    /// - Throws: ``StoreError``.
    public func unsettledOrders() throws(StoreError) -> [StoredOrder] {
        try read(Self.unsettled)
    }

    /// ``unsettledOrders()`` from async code, off Swift's cooperative pool.
    ///
    /// - Throws: ``StoreError``.
    public func unsettledOrders() async throws(StoreError) -> [StoredOrder] {
        try await asyncRead(Self.unsettled)
    }

    @Sendable private static func unsettled(_ db: Database) throws -> [StoredOrder] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM orders WHERE status NOT IN ('filled', 'cancelled', 'expired', 'rejected')
                ORDER BY decided_at_ns, client_order_id
                """
        ).map(StoredOrder.init(row:))
    }

    /// The steps an order went through, oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func history(of clientOrderID: ClientOrderID) throws(StoreError) -> [OrderTransitionRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.*, o.venue_order_id FROM order_events e JOIN orders o USING (client_order_id)
                    WHERE client_order_id = ? ORDER BY e.id
                    """, arguments: [clientOrderID.rawValue]
            ).map { row in
                OrderTransitionRecord(
                    clientOrderID: clientOrderID, from: try Self.status(row["from_status"]), to: try Self.status(row["to_status"]),
                    event: row["event"], reason: row["reason"], venueOrderID: nil, at: Timestamp(nanosecondsSinceEpoch: row["at_ns"]))
            }
        }
    }

    /// Fills at or after `time`, oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func fills(since time: Timestamp) throws(StoreError) -> [FillOfOrder] {
        try read { db in try Self.fills(since: time, in: db) }
    }

    /// Fills at or after `time`, oldest first, read in `db`.
    static func fills(since time: Timestamp, in db: Database) throws -> [FillOfOrder] {
        try Row.fetchAll(db, sql: "SELECT * FROM fills WHERE at_ns >= ? ORDER BY at_ns, trade_id", arguments: [time.nanosecondsSinceEpoch])
            .map { row in
                guard let currency = Currency(row["fee_currency"] as String),
                    let liquidity = Fill.Liquidity(rawValue: row["liquidity"]), (row["quantity_e8"] as Int64) > 0
                else { throw StoreError(.invalidRecord, "fill \(row["trade_id"] as String) cannot be read back") }
                return FillOfOrder(
                    clientOrderID: ClientOrderID(row["client_order_id"]),
                    fill: Fill(
                        tradeID: TradeID(row["trade_id"]), price: Price(FixedPoint(raw: row["price_e8"])),
                        quantity: Quantity(FixedPoint(raw: row["quantity_e8"])),
                        fee: Money(FixedPoint(raw: row["fee_e8"]), currency), liquidity: liquidity,
                        time: Timestamp(nanosecondsSinceEpoch: row["at_ns"])))
            }
    }

    static func status(_ text: String) throws -> Order.Status {
        guard let status = Order.Status(rawValue: text) else { throw StoreError(.invalidRecord, "unknown order status \"\(text)\"") }
        return status
    }
}

extension StoredOrder {
    init(row: Row) throws {
        let text: String = row["symbol"]
        guard let symbol = Symbol(canonical: text), let side = OrderSide(rawValue: row["side"]),
            (row["quantity_e8"] as Int64) > 0
        else { throw StoreError(.invalidRecord, "order \(row["client_order_id"] as String) cannot be read back") }
        let id: String = row["client_order_id"]
        let kind: Order.Kind
        switch (row["kind"] as String, row["limit_price_e8"] as Int64?, row["stop_price_e8"] as Int64?) {
        case ("market", _, _): kind = .market
        case ("limit", let price?, _): kind = .limit(price: Price(FixedPoint(raw: price)), postOnly: row["post_only"])
        case ("stop", _, let trigger?): kind = .stop(trigger: Price(FixedPoint(raw: trigger)))
        default: throw StoreError(.invalidRecord, "order \(id) has an order kind that cannot be read back")
        }
        let timeInForce: Order.TimeInForce
        switch (row["time_in_force"] as String, row["good_till_ns"] as Int64?) {
        case ("GTC", _): timeInForce = .goodTillCancelled
        case ("GTD", let until?): timeInForce = .goodTillDate(Timestamp(nanosecondsSinceEpoch: until))
        case ("IOC", _): timeInForce = .immediateOrCancel
        case ("DAY", _): timeInForce = .day
        default: throw StoreError(.invalidRecord, "order \(id) has a time in force that cannot be read back")
        }
        var instrument = Instrument.spot(symbol)
        if let json = row["option_contract_json"] as String? {
            guard let contract = try? JSONDecoder().decode(OptionContract.self, from: Data(json.utf8)), contract.underlying == symbol else {
                throw StoreError(.invalidRecord, "order \(id) has an option contract that cannot be read back")
            }
            instrument = .option(contract)
        }
        var origin: OrderOrigin?
        if let signal = row["signal"] as String?, let mid = row["decision_mid_e8"] as Int64? {
            let regime = try (row["regime"] as String?).map { (text) throws(StoreError) in
                guard let regime = Regime(rawValue: text) else { throw StoreError(.invalidRecord, "order \(id) has an unknown regime \"\(text)\"") }
                return regime
            }
            origin = OrderOrigin(signal: signal, regime: regime, decisionMid: Price(FixedPoint(raw: mid)))
        }
        intent = IntentRecord(
            clientOrderID: ClientOrderID(id), instrument: instrument, side: side, kind: kind,
            quantity: Quantity(FixedPoint(raw: row["quantity_e8"])), timeInForce: timeInForce, cycleID: row["cycle_id"],
            decidedAt: Timestamp(nanosecondsSinceEpoch: row["decided_at_ns"]), origin: origin)
        status = try StateStore.status(row["status"])
        venueOrderID = (row["venue_order_id"] as String?).map(VenueOrderID.init)
        updatedAt = Timestamp(nanosecondsSinceEpoch: row["updated_at_ns"])
    }
}
