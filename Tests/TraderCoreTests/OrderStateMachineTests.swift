import Foundation
import Testing
import TraderCore
import TraderTestKit

@Suite struct OrderStateMachineTests {
    private let time = Timestamp(secondsSinceEpoch: 1_795_183_200)

    private func order(quantity: String = "1") -> Order {
        Order(
            clientOrderID: ClientOrderID("ema-BTC-USD-BUY-1"), symbol: Symbol(base: "BTC", quote: "USD"), side: .buy,
            kind: .limit(price: Price("65000")!, postOnly: true), quantity: Quantity(quantity)!)
    }

    private func fill(_ id: String, _ quantity: String) -> Order.Event {
        .fill(
            Fill(
                tradeID: TradeID(id), price: Price("65000")!, quantity: Quantity(quantity)!,
                fee: Money(FixedPoint("0.1")!, .usd), liquidity: .maker, time: time))
    }

    private func applying(_ events: [Order.Event], to start: Order? = nil) throws -> Order {
        var order = start ?? self.order()
        for event in events { try order.apply(event, at: time) }
        return order
    }

    @Test func fillsInPartsUntilFilled() throws {
        let done = try applying([.submit, .accept(VenueOrderID("v-1")), fill("t1", "0.4"), fill("t2", "0.6")])
        #expect(done.status == .filled)
        #expect(done.venueOrderID == VenueOrderID("v-1"))
        #expect(done.filledQuantity == Quantity("1"))
        #expect(done.history.map(\.to) == [.submitted, .open, .partiallyFilled, .filled])
    }

    @Test func aFillArrivingAfterACancelRequestKeepsTheCancelPending() throws {
        let pending = try applying([.submit, .accept(VenueOrderID("v-1")), .requestCancel, fill("t1", "0.3")])
        #expect(pending.status == .pendingCancel)
        #expect(pending.filledQuantity == Quantity("0.3"))
        let cancelled = try applying([.cancel], to: pending)
        #expect(cancelled.status == .cancelled)
    }

    @Test func aFillCompletingTheOrderWhileACancelIsPendingFillsIt() throws {
        let filled = try applying([.submit, .accept(VenueOrderID("v-1")), .requestCancel, fill("t1", "1")])
        #expect(filled.status == .filled)
    }

    @Test func aFailedCancelReturnsToOpenOrPartiallyFilled() throws {
        let reopened = try applying([.submit, .accept(VenueOrderID("v-1")), .requestCancel, .cancelRejected(reason: "busy")])
        #expect(reopened.status == .open)
        let partial = try applying([
            .submit, .accept(VenueOrderID("v-1")), fill("t1", "0.5"), .requestCancel, .cancelRejected(reason: "busy"),
        ])
        #expect(partial.status == .partiallyFilled)
    }

    @Test func anAmbiguousSubmitStaysUnknownUntilALookupSettlesIt() throws {
        let unknown = try applying([.submit, .submitOutcomeUnknown(reason: "timeout after 10 s")])
        #expect(unknown.status == .unknown)
        #expect(unknown.status.isWorking)
        #expect(try applying([.accept(VenueOrderID("v-9"))], to: unknown).status == .open)
        #expect(try applying([.reject(reason: "not found at venue")], to: unknown).status == .rejected)
    }

    @Test func aLateFillAfterCancelIsCountedWithoutReopeningTheOrder() throws {
        let cancelled = try applying([.submit, .accept(VenueOrderID("v-1")), .cancel, fill("t1", "0.2")])
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.filledQuantity == Quantity("0.2"))
        #expect(try applying([fill("t2", "0.8")], to: cancelled).status == .filled)
    }

    @Test func anIllegalEventIsATypedErrorAndChangesNothing() throws {
        var filled = try applying([.submit, fill("t1", "1")])
        let before = filled
        do {
            try filled.apply(.cancel, at: time)
            Issue.record("expected an illegal transition")
        } catch {
            #expect(error.code == .illegalTransition)
            #expect(error.description == "illegal_transition: order ema-BTC-USD-BUY-1 in filled cannot take cancel")
        }
        #expect(filled == before)
    }

    @Test func theStatusAfterAnEventIsFoundWithoutMovingTheOrder() throws {
        let open = try applying([.submit, .accept(VenueOrderID("v-1"))])
        #expect(try open.status(after: fill("t1", "0.4")) == .partiallyFilled)
        #expect(try open.status(after: fill("t1", "1")) == .filled)
        #expect(try open.status(after: .requestCancel) == .pendingCancel)
        #expect(open.status == .open)
        #expect(open.history.count == 2)
        #expect(throws: OrderTransitionError(.overfill, order: open.clientOrderID, from: .open, event: .fill)) {
            try open.status(after: fill("t2", "1.5"))
        }
    }

    @Test func aLongLifeKeepsEveryTransitionInOrder() throws {
        let events: [Order.Event] = [
            .submit, .accept(VenueOrderID("v-1")), fill("t1", "0.2"), fill("t2", "0.2"), .requestCancel, fill("t3", "0.1"), .cancel,
        ]
        let done = try applying(events)
        #expect(done.history.map(\.to) == [.submitted, .open, .partiallyFilled, .partiallyFilled, .pendingCancel, .pendingCancel, .cancelled])
        #expect(done.history.map(\.event) == events)
        #expect(done.filledQuantity == Quantity("0.5"))
    }

    @Test func anOverfillIsRefused() throws {
        var open = try applying([.submit, .accept(VenueOrderID("v-1")), fill("t1", "0.7")])
        #expect(throws: OrderTransitionError.self) { try open.apply(fill("t2", "0.4"), at: time) }
        #expect(open.filledQuantity == Quantity("0.7"))
    }

    @Test func aFillSeenTwiceIsRefused() throws {
        var open = try applying([.submit, .accept(VenueOrderID("v-1")), fill("t1", "0.2")])
        do {
            try open.apply(fill("t1", "0.2"), at: time)
            Issue.record("expected a duplicate fill")
        } catch {
            #expect(error.code == .duplicateFill)
        }
        #expect(open.fills.count == 1)
    }

    @Test func fillsAreReadFromTheHistoryInArrivalOrderAndSurviveARoundTripThroughJSON() throws {
        let order = try applying([.submit, .accept(VenueOrderID("v-1")), fill("t1", "0.2"), fill("t2", "0.3")])
        #expect(order.fills.map(\.tradeID.rawValue) == ["t1", "t2"])
        let decoded = try JSONDecoder().decode(Order.self, from: JSONEncoder().encode(order))
        #expect(decoded == order)
        #expect(decoded.fills.map(\.quantity) == [Quantity("0.2")!, Quantity("0.3")!])
    }
}

/// No sequence of events reaches a state the table does not allow, and every refused event leaves
/// the order as it was (seeded, so every run checks the same 5,000 sequences).
@Suite struct OrderStateMachinePropertyTests {
    @Test func randomEventSequencesOnlyMakeTableTransitions() {
        var generator = SeededGenerator(seed: 42)
        let time = Timestamp(secondsSinceEpoch: 0)
        let sizes = ["0.1", "0.25", "0.5", "1"].map { Quantity($0)! }
        for _ in 0..<5_000 {
            var order = Order(
                clientOrderID: ClientOrderID("c"), symbol: Symbol(base: "ETH", quote: "USD"), side: .sell, kind: .market,
                quantity: Quantity("1")!)
            for step in 0..<12 {
                let event: Order.Event
                switch Int.random(in: 0..<9, using: &generator) {
                case 0: event = .submit
                case 1: event = .accept(VenueOrderID("v"))
                case 2: event = .reject(reason: "r")
                case 3: event = .submitOutcomeUnknown(reason: "timeout")
                case 4, 5:
                    let id = Int.random(in: 0..<4, using: &generator)
                    event = .fill(
                        Fill(
                            tradeID: TradeID("t\(id)"), price: Price("3000")!,
                            quantity: sizes[Int.random(in: 0..<sizes.count, using: &generator)],
                            fee: Money(.zero, .usd), liquidity: .taker, time: time))
                case 6: event = .requestCancel
                case 7: event = .cancelRejected(reason: "r")
                default: event = Bool.random(using: &generator) ? .cancel : .expire
                }
                let before = order
                do {
                    try order.apply(event, at: Timestamp(secondsSinceEpoch: Int64(step)))
                    let transition = order.history.last!
                    #expect(transition.from == before.status && transition.to == order.status)
                    #expect(order.status != .new)
                    #expect(!(before.status == .filled || before.status == .rejected))
                    #expect(order.filledQuantity <= order.quantity)
                    #expect(order.status != .filled || order.filledQuantity == order.quantity)
                    if before.status.isTerminal { #expect(order.status == before.status || order.status == .filled) }
                } catch {
                    #expect(order == before)
                }
            }
        }
    }
}
