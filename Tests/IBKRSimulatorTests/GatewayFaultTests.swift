@testable import IBKRSimulator
import Testing
import TraderCore

/// The faults a client must survive: lost executions, lost connectivity, a restarted gateway whose
/// next valid id went back, refused orders.
@Suite(.timeLimit(.minutes(1))) struct GatewayFaultTests {
    let spy = PlaceOrderMessage.spy(conID: GatewayContract.stock("SPY").conID)

    @Test func droppedExecutionIsNotPushedButReqExecutionsListsIt() async throws {
        let harness = try await GatewayHarness()
        await harness.gateway.dropNextExecution()
        let sent = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "3", type: "MKT"))
        #expect(sent.map { $0[0] } == ["5", "3", "5", "3"])
        let listed = await harness.request(["7", "3", "42", "0", "", "", "", "", "", ""])
        #expect(listed.map { $0[0] } == ["11", "59", "55"])
        #expect([listed[0][1], listed[0][2], listed[0][19], listed[0][20]] == ["42", "1", "3", "168.16"])
        #expect(listed[1][2] == listed[0][14])
    }

    @Test func executionFilterBySideAndSymbolLeavesOthersOut() async throws {
        let harness = try await GatewayHarness()
        _ = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "3", type: "MKT"))
        _ = await harness.request(PlaceOrderMessage.make(2, contract: spy, action: "SELL", quantity: "1", type: "MKT"))
        let sells = await harness.request(["7", "3", "1", "0", "", "", "SPY", "STK", "", "SELL"])
        #expect(sells.filter { $0[0] == "11" }.map { [$0[2], $0[18]] } == [["2", "SLD"]])
        let others = await harness.request(["7", "3", "2", "0", "", "", "AAPL", "", "", ""])
        #expect(others.map { $0[0] } == ["55"])
    }

    @Test func nothingIsPushedWhileConnectivityIsLostAndRestoreSaysDataLost() async throws {
        let harness = try await GatewayHarness()
        _ = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "2", type: "LMT", limit: "168.14"))
        await harness.gateway.loseConnectivity()
        #expect(await harness.drain().map { [$0[0], $0[3]] } == [["4", "1100"]])
        // The order fills at 10:02 (low 168.13) while the client hears nothing.
        #expect(try await harness.advance(bars: 3).isEmpty)
        await harness.gateway.restoreConnectivity(dataLost: true)
        #expect(await harness.drain().map { [$0[0], $0[3]] } == [["4", "1101"]])
        #expect(await harness.request(["5", "1"]) == [ServerMessage.openOrderEnd])
        let listed = await harness.request(["7", "3", "9", "0", "", "", "", "", "", ""])
        #expect(listed.filter { $0[0] == "11" }.map { [$0[2], $0[20]] } == [["1", "168.14"]])
    }

    @Test func restartWithRolledBackIDRefusesAReusedIDAsDuplicate() async throws {
        let harness = try await GatewayHarness()
        _ = await harness.request(PlaceOrderMessage.make(5, contract: spy, action: "BUY", quantity: "1", type: "MKT"))
        await harness.gateway.restart(nextValidID: 1)
        #expect(await harness.gateway.connectedClients == 0)
        let (stream, output) = AsyncStream.makeStream(of: [String].self)
        let connection = try #require(await harness.gateway.connect(clientID: GatewayHarness.clientID, output: output))
        var greeting = stream.makeAsyncIterator()
        _ = await greeting.next()
        #expect(await greeting.next() == ["9", "1", "1"])
        await harness.gateway.handle(PlaceOrderMessage.make(5, contract: spy, action: "BUY", quantity: "1", type: "MKT"), from: connection)
        for _ in 0..<3 { _ = await greeting.next() }  // the data farms' notices
        #expect(await greeting.next().map { [$0[2], $0[3], $0[4]] } == ["5", "103", "Duplicate order id"])
        #expect(await harness.gateway.executions.count == 1)
    }

    @Test func injectedRejectionIsError201AndNoOrder() async throws {
        let harness = try await GatewayHarness()
        await harness.gateway.rejectNextOrder(reason: "simulated")
        let sent = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "1", type: "MKT"))
        #expect(sent.map { [$0[2], $0[3], $0[4]] } == [["1", "201", "Order rejected - reason:simulated"]])
        #expect(await harness.gateway.orders.isEmpty)
    }

    @Test func buyBeyondTheCashIsRejectedWith201() async throws {
        let harness = try await GatewayHarness(cash: FixedPoint(1_000))
        let sent = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "10", type: "LMT", limit: "168.00"))
        #expect(sent.map { [$0[2], $0[3]] } == [["1", "201"]])
        #expect(sent.first?[4].contains("[1000 USD]") == true && sent.first?[4].contains("[1680 USD]") == true)
    }

    @Test func priceOffTheCentTickIsRefusedWith110() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(PlaceOrderMessage.make(1, contract: spy, action: "BUY", quantity: "1", type: "LMT", limit: "168.005"))
        #expect(sent.map { [$0[2], $0[3]] } == [["1", "110"]])
    }

    @Test func malformedPlaceOrderIsError321AndTheClientStaysConnected() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(["3", "1", "0", "SPY", "STK"])
        #expect(sent.map { [$0[2], $0[3]] } == [["1", "321"]])
        #expect(sent.first?[4].contains("PLACE_ORDER has 5 fields") == true)
        let bad = await harness.request(PlaceOrderMessage.make(2, contract: spy, action: "BUY", quantity: "ten", type: "MKT"))
        #expect(bad.first?[4].contains("field 17 (totalQuantity) \"ten\" is not a decimal number") == true)
        #expect(await harness.gateway.connectedClients == 1)
        #expect(await harness.request(["49", "1"]) == [["49", "1", "1380895200"]])
    }
}
