import TraderCore

/// The behaviour every venue implementation must show, whatever its wire: ``PaperVenue`` passes it,
/// and so must each adapter over its venue's simulator. Each ``Check`` starts from a fresh venue
/// and throws a ``ConformanceFailure`` (or the venue's own error) when the venue breaks it.
public enum VenueConformance {
    /// The checks, each one behaviour.
    public enum Check: String, CaseIterable, Sendable {
        /// A placed order is acknowledged and a lookup finds it working, nothing filled.
        case placeAndLookUp = "place_and_look_up"
        /// A cancel ends a working order; a second cancel and a cancel of an unknown id fail.
        case cancel
        /// An order that fills is reported filled, with fills that add up, by lookup and by fills.
        case fill
        /// Placing a client order id again returns the same order, never a second one.
        case idempotentRePlace = "idempotent_re_place"
        /// A placement whose answer was lost fails ambiguously, and a lookup settles it both ways.
        case unknownOutcomeLookup = "unknown_outcome_lookup"
        /// Fills executed before a cancel stay on the cancelled order and in the fills.
        case lateFill = "late_fill"
        /// Open orders are exactly the working ones.
        case openOrders = "open_orders"
        /// Balances move by each fill exactly (notional and fee), and working buys hold funds.
        case balances
        /// A post-only order that would cross is refused, definitely (never ambiguous).
        case postOnlyRejection = "post_only_rejection"
        /// The event stream reports an order's acceptance and fills (as events, or as a status
        /// report with the venue's id and the fills).
        case eventStream = "event_stream"
    }

    /// Runs `check` on a venue made fresh for it.
    ///
    /// - Throws: ``ConformanceFailure``, or what the venue or harness throws.
    public static func verify<Subject: VenueUnderTest>(_ check: Check, on subject: Subject) async throws {
        let run = CheckRun(check: check, subject: subject)
        switch check {
        case .placeAndLookUp: try await run.placeAndLookUp()
        case .cancel: try await run.cancel()
        case .fill: try await run.fill()
        case .idempotentRePlace: try await run.idempotentRePlace()
        case .unknownOutcomeLookup: try await run.unknownOutcomeLookup()
        case .lateFill: try await run.lateFill()
        case .openOrders: try await run.openOrders()
        case .balances: try await run.balances()
        case .postOnlyRejection: try await run.postOnlyRejection()
        case .eventStream: try await run.eventStream()
        }
    }
}

/// One check's run: the subject and the assertions, failing with the check's name.
struct CheckRun<Subject: VenueUnderTest> {
    let check: VenueConformance.Check
    let subject: Subject
    var venue: Subject.Venue { subject.venue }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw ConformanceFailure(check: check, message: message()) }
    }

    func id(_ suffix: String) -> ClientOrderID { ClientOrderID("conformance-\(check.rawValue)-\(suffix)") }

    /// Looks an order up, failing when the venue does not know it.
    func lookUp(_ order: Order) async throws -> VenueOrderReport {
        guard let report = try await venue.order(OrderReference(order.clientOrderID)) else {
            throw ConformanceFailure(check: check, message: "lookup of \(order.clientOrderID) found nothing")
        }
        return report
    }

    /// Places an order, failing on an acknowledgement whose venue id a lookup does not confirm.
    @discardableResult
    func place(_ order: Order) async throws -> VenueOrderReport {
        let acknowledgement = try await venue.place(order)
        let report = try await lookUp(order)
        if case .accepted(let venueID) = acknowledgement {
            try expect(report.venueOrderID == venueID, "acknowledged as \(venueID), looked up as \(report.venueOrderID)")
        }
        return report
    }

    func placeAndLookUp() async throws {
        let order = try await subject.restingBuy(id("1"))
        let report = try await place(order)
        try expect(report.status == .open, "status \(report.status), expected open")
        try expect(report.clientOrderID == order.clientOrderID, "report for \(report.clientOrderID)")
        try expect(report.symbol == order.symbol && report.side == order.side, "report is \(report.side) \(report.symbol)")
        try expect(report.filledQuantity.isZero && report.fills.isEmpty, "filled \(report.filledQuantity) on a resting order")
        try expect(try await venue.order(OrderReference(id("never-sent"))) == nil, "a lookup of an id never sent found an order")
    }

    func cancel() async throws {
        let order = try await subject.restingBuy(id("1"))
        let placed = try await place(order)
        try await venue.cancel(placed.reference)
        let report = try await lookUp(order)
        try expect(report.status == .cancelled, "status \(report.status) after a cancel, expected cancelled")
        try await expectFailure(of: { try await venue.cancel(placed.reference) }, codes: [.rejected, .notFound], "a second cancel")
        try await expectFailure(of: { try await venue.cancel(OrderReference(id("never-sent"))) }, codes: [.notFound], "a cancel of an unknown id")
    }

    func expectFailure(of call: () async throws -> Void, codes: Set<VenueError.Code>, _ what: String) async throws {
        do {
            try await call()
        } catch let error as VenueError {
            try expect(codes.contains(error.code), "\(what) failed with \(error.code), expected one of \(codes.map(\.rawValue).sorted())")
            return
        }
        throw ConformanceFailure(check: check, message: "\(what) succeeded")
    }

    func fill() async throws {
        let start = try await venue.quotes(for: [subject.symbol])[subject.symbol]?.time ?? Timestamp(nanosecondsSinceEpoch: 0)
        let order = try await subject.fillingBuy(id("1"))
        try await place(order)
        try await subject.advanceMarket()
        let report = try await lookUp(order)
        try expect(report.status == .filled, "status \(report.status) after the market moved, expected filled")
        try expect(report.filledQuantity == order.quantity, "filled \(report.filledQuantity) of \(order.quantity)")
        let total = report.fills.reduce(0) { $0 + $1.quantity.value.raw }
        try expect(total == order.quantity.value.raw, "the fills add up to \(Quantity(FixedPoint(raw: total))), not \(order.quantity)")
        try expect(report.averagePrice != nil, "a filled order without an average price")
        let fills = try await venue.fills(since: start).filter { $0.clientOrderID == order.clientOrderID }
        try expect(fills.map(\.fill) == report.fills, "fills(since:) has \(fills.count) fills of the order; the lookup \(report.fills.count)")
        try expect(fills.allSatisfy { $0.side == .buy && $0.symbol == order.symbol }, "a fill report with another side or symbol")
    }

    func idempotentRePlace() async throws {
        let order = try await subject.restingBuy(id("1"))
        let first = try await place(order)
        let second = try await place(order)
        try expect(first.venueOrderID == second.venueOrderID, "placed again as \(second.venueOrderID), first \(first.venueOrderID)")
        let open = try await venue.openOrders().filter { $0.clientOrderID == order.clientOrderID }
        try expect(open.count == 1, "\(open.count) open orders under one client order id")
    }

    func unknownOutcomeLookup() async throws {
        for (afterArrival, suffix) in [(true, "arrived"), (false, "lost")] {
            let order = try await subject.restingBuy(id(suffix))
            try await subject.loseNextPlaceAnswer(afterArrival: afterArrival)
            do {
                _ = try await venue.place(order)
                throw ConformanceFailure(check: check, message: "a placement whose answer was lost succeeded")
            } catch let error as VenueError {
                try expect(error.isAmbiguous, "a lost answer failed with \(error.code), which is not ambiguous")
            }
            let report = try await venue.order(OrderReference(order.clientOrderID))
            if afterArrival {
                try expect(report?.status == .open, "the order that arrived looks up as \(report.map { "\($0.status)" } ?? "nothing")")
            } else {
                try expect(report == nil, "the order that never arrived looks up as \(report.map { "\($0.status)" } ?? "")")
            }
        }
    }

    func lateFill() async throws {
        let start = try await venue.quotes(for: [subject.symbol])[subject.symbol]?.time ?? Timestamp(nanosecondsSinceEpoch: 0)
        let order = try await subject.partlyFillingBuy(id("1"))
        let placed = try await place(order)
        try await subject.advanceMarket()
        let partial = try await lookUp(order)
        try expect(partial.status == .partiallyFilled, "status \(partial.status) after one move, expected partially_filled")
        try await venue.cancel(placed.reference)
        let report = try await lookUp(order)
        try expect(report.status == .cancelled, "status \(report.status) after the cancel, expected cancelled")
        try expect(!report.fills.isEmpty && report.fills == partial.fills, "the cancelled order lost its fills: \(report.fills.count) of \(partial.fills.count)")
        try expect(report.filledQuantity == partial.filledQuantity, "filled \(report.filledQuantity) after the cancel, \(partial.filledQuantity) before")
        let fills = try await venue.fills(since: start).filter { $0.clientOrderID == order.clientOrderID }
        try expect(fills.map(\.fill) == report.fills, "fills(since:) has \(fills.count) fills of the cancelled order, the lookup \(report.fills.count)")
    }

    func openOrders() async throws {
        let resting = [try await subject.restingBuy(id("1")), try await subject.restingBuy(id("2"))]
        for order in resting { try await place(order) }
        let filling = try await subject.fillingBuy(id("3"))
        try await place(filling)
        try await subject.advanceMarket()
        let open = Set(try await venue.openOrders().map(\.clientOrderID))
        try expect(open == Set(resting.map(\.clientOrderID)), "open orders \(open.sorted()), expected the two resting ones")
    }

    func balances() async throws {
        let quoteCurrency = Currency(code: subject.symbol.quote)
        let baseCurrency = Currency(code: subject.symbol.base)
        func total(_ currency: Currency) async throws -> Int64 {
            let balance = try await venue.balances().first { $0.currency == currency }
            return (balance?.available.raw ?? 0) + (balance?.hold.raw ?? 0)
        }
        let before = (quote: try await total(quoteCurrency), base: try await total(baseCurrency))
        let holdBefore = try await venue.balances().first { $0.currency == quoteCurrency }?.hold ?? .zero
        let resting = try await subject.restingBuy(id("1"))
        try await place(resting)
        let holdAfter = try await venue.balances().first { $0.currency == quoteCurrency }?.hold ?? .zero
        try expect(holdAfter > holdBefore, "a resting buy holds nothing: hold \(holdAfter), before \(holdBefore)")
        let order = try await subject.fillingBuy(id("2"))
        try await place(order)
        try await subject.advanceMarket()
        let report = try await lookUp(order)
        var spent: Int64 = 0
        for fill in report.fills { spent += try fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven).raw + fill.fee.amount.raw }
        let after = (quote: try await total(quoteCurrency), base: try await total(baseCurrency))
        try expect(after.base - before.base == order.quantity.value.raw, "the base balance moved by \(FixedPoint(raw: after.base - before.base)), the fill was \(order.quantity)")
        try expect(before.quote - after.quote == spent, "the quote balance moved by \(FixedPoint(raw: before.quote - after.quote)), the fills cost \(FixedPoint(raw: spent))")
    }

    func postOnlyRejection() async throws {
        let order = try await subject.crossingPostOnlyBuy(id("1"))
        do {
            _ = try await venue.place(order)
            throw ConformanceFailure(check: check, message: "a crossing post-only order was accepted")
        } catch let error as VenueError {
            try expect(error.code == .rejected && !error.isAmbiguous, "refused with \(error.code), expected a definite rejected")
            try expect(
                error.rejection == .postOnlyWouldCross,
                "refused as \(error.rejection?.rawValue ?? "no kind"), expected post_only_would_cross")
        }
        try expect(try await venue.order(OrderReference(order.clientOrderID))?.status != .open, "the refused order works at the venue")
    }

    func eventStream() async throws {
        let stream = venue.events()
        let order = try await subject.fillingBuy(id("1"))
        try await place(order)
        try await subject.advanceMarket()
        var accepted = false
        var filled: Int64 = 0
        for await update in stream {
            guard case .event(let event) = update, event.clientOrderID == order.clientOrderID else { continue }
            switch event.change {
            case .accepted: accepted = true
            case .filled(let fill): filled += fill.quantity.value.raw
            case .status(let report):
                // A report names the venue's id: the venue took the order.
                accepted = true
                filled = report.fills.reduce(0) { $0 + $1.quantity.value.raw }
            default: break
            }
            if accepted && filled == order.quantity.value.raw { return }
        }
        throw ConformanceFailure(check: check, message: "the stream ended before the order's acceptance and fills (accepted: \(accepted), filled \(FixedPoint(raw: filled)))")
    }
}
