@testable import IBKRSimulator
import Testing
import TraderCore

/// Brackets as ib_async places them (parent and take-profit with transmit=0, the stop with
/// transmit=1), trading against real SPY minute bars of 2013-10-04: at 10:00 the last close is
/// 168.15, so the bid is 168.15 and the ask 168.16.
@Suite(.timeLimit(.minutes(1))) struct BracketLifecycleTests {
    static func bracket(_ harness: GatewayHarness, parent: String, takeProfit: String, stop: String) async -> [[String]] {
        let spy = PlaceOrderMessage.spy(conID: GatewayContract.stock("SPY").conID)
        await harness.send(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "10", type: "LMT", limit: parent, transmit: false))
        await harness.send(PlaceOrderMessage.make(2, contract: spy, action: "SELL", quantity: "10", type: "LMT", limit: takeProfit, transmit: false, parentID: 1))
        return await harness.request(PlaceOrderMessage.make(3, contract: spy, action: "SELL", quantity: "10", type: "STP", stop: stop, parentID: 1))
    }

    @Test func heldOrdersAreSilentUntilTheLastChildTransmitsTheGroup() async throws {
        let harness = try await GatewayHarness()
        let spy = PlaceOrderMessage.spy(conID: GatewayContract.stock("SPY").conID)
        let held = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "10", type: "LMT", limit: "168.00", transmit: false))
        #expect(held.isEmpty)
        let sent = await harness.request(PlaceOrderMessage.make(2, contract: spy, action: "SELL", quantity: "10", type: "STP", stop: "167.50", parentID: 1))
        #expect(sent.map { $0[0] } == ["5", "3", "5", "3"])
        #expect(sent.filter { $0[0] == "3" }.map { [$0[1], $0[2]] } == [["1", "Submitted"], ["2", "PreSubmitted"]])
    }

    @Test func marketableParentFillsAtTheAskAndStartsItsChildren() async throws {
        let harness = try await GatewayHarness()
        let sent = await Self.bracket(harness, parent: "168.20", takeProfit: "168.25", stop: "168.05")
        #expect(sent.map { $0[0] } == ["5", "3", "5", "3", "5", "3", "5", "11", "3", "59", "5", "3", "5", "3"])
        let execution = try #require(sent.first { $0[0] == "11" })
        #expect(execution.count == 32)
        #expect([execution[1], execution[2], execution[18], execution[19], execution[20], execution[24], execution[25]] == ["-1", "1", "BOT", "10", "168.16", "10", "168.16"])
        let commission = try #require(sent.first { $0[0] == "59" })
        #expect(commission == ["59", "1", execution[14], "1", "USD", ServerMessage.unsetDouble, ServerMessage.unsetDouble, ""])
        let statuses = sent.filter { $0[0] == "3" }.map { [$0[1], $0[2], $0[3], $0[5]] }
        #expect(statuses.suffix(3) == [["1", "Filled", "10", "168.16"], ["2", "Submitted", "0", "0"], ["3", "PreSubmitted", "0", "0"]])
    }

    @Test func takeProfitFillCancelsTheStop() async throws {
        let harness = try await GatewayHarness()
        _ = await Self.bracket(harness, parent: "168.20", takeProfit: "168.25", stop: "168.05")
        // The 10:00 bar: open 168.19, high 168.27: the take-profit fills at its limit, resting (maker).
        let sent = try await harness.advance(bars: 1)
        #expect(sent.map { $0[0] } == ["5", "11", "3", "59", "3"])
        let execution = try #require(sent.first { $0[0] == "11" })
        #expect([execution[2], execution[18], execution[20], execution[30]] == ["2", "SLD", "168.25", "1"])
        // (168.25 − 168.16) × 10 − 1.00 commission.
        #expect(sent.first { $0[0] == "59" }?[5] == "-0.1")
        #expect(sent.last.map { [$0[1], $0[2]] } == ["3", "Cancelled"])
        #expect(await harness.gateway.positions.isEmpty)
    }

    @Test func stopFillCancelsTheTakeProfit() async throws {
        let harness = try await GatewayHarness()
        _ = await Self.bracket(harness, parent: "168.20", takeProfit: "168.40", stop: "168.12")
        // Lows 168.18, 168.15, 168.13, then 168.08 at 10:03 (open 168.16): the stop fills at 168.12.
        #expect(try await harness.advance(bars: 3).isEmpty)
        let sent = try await harness.advance(bars: 1)
        #expect(sent.map { $0[0] } == ["5", "11", "3", "59", "3"])
        let execution = try #require(sent.first { $0[0] == "11" })
        #expect([execution[2], execution[18], execution[20], execution[30]] == ["3", "SLD", "168.12", "2"])
        #expect(sent.first { $0[0] == "59" }?[5] == "-1.4")
        #expect(sent.last.map { [$0[1], $0[2]] } == ["2", "Cancelled"])
    }

    @Test func cancellingTheParentCancelsItsChildren() async throws {
        let harness = try await GatewayHarness()
        _ = await Self.bracket(harness, parent: "168.00", takeProfit: "168.40", stop: "167.50")
        let sent = await harness.request(["4", "1", "1", ""])
        let described = sent.map { $0[0] == "3" ? [$0[1], $0[2]] : [$0[2], $0[3]] }
        #expect(described == [["1", "Cancelled"], ["1", "202"], ["2", "Cancelled"], ["2", "202"], ["3", "Cancelled"], ["3", "202"]])
        #expect(await harness.request(["5", "1"]) == [ServerMessage.openOrderEnd])
    }

    @Test func cancelOfAnUnknownOrFilledOrderIsRefusedWithIBsCodes() async throws {
        let harness = try await GatewayHarness()
        #expect(await harness.request(["4", "1", "99", ""]).map { [$0[2], $0[3]] } == [["99", "10147"]])
        let spy = PlaceOrderMessage.spy(conID: GatewayContract.stock("SPY").conID)
        _ = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "1", type: "MKT"))
        #expect(await harness.request(["4", "1", "1", ""]).map { [$0[2], $0[3]] } == [["1", "10148"]])
    }

    @Test func ocaGroupFillCancelsTheOtherMembers() async throws {
        let harness = try await GatewayHarness()
        let spy = PlaceOrderMessage.spy(conID: GatewayContract.stock("SPY").conID)
        _ = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "5", type: "LMT", limit: "168.14", ocaGroup: "g", ocaType: 1))
        _ = await harness.request(PlaceOrderMessage.make(2, contract: spy, action: "BUY", quantity: "5", type: "LMT", limit: "167.00", ocaGroup: "g", ocaType: 1))
        // Lows 168.18 and 168.15, then 168.13 at 10:02 (open 168.16): order 1 fills at its limit.
        #expect(try await harness.advance(bars: 2).isEmpty)
        let sent = try await harness.advance(bars: 1)
        #expect(sent.filter { $0[0] == "3" }.map { [$0[1], $0[2]] } == [["1", "Filled"], ["2", "Cancelled"]])
        #expect(sent.first { $0[0] == "11" }?[20] == "168.14")
    }
}
