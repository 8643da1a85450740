@testable import IBKRAdapter
import NIOCore
import Testing
import TraderCore

/// The field tables: golden bytes from the reference's captures, every table's round trip, the
/// version gates, and malformed messages as typed errors.
@Suite struct FieldTableTests {
    /// The reference's §4.1 capture of ib_async 2.1.0's bracket parent (fields joined by commas).
    static let capturedParent =
        "3,12,265598,AAPL,STK,,0.0,,,SMART,NASDAQ,USD,AAPL,NMS,,,BUY,10,LMT,189.5,,,,,O,0,,0,0,0,0,0,0,0,0,,0.0,,,,,,,0,,-1,0,,,0,,,0,0,,0,,,,,,0,,,,,0,,,,,,,,,,,0,,,0,0,,,0,,0,0,0,0,,,,,,,0,,,,,,,,,0,0,0,0,,,0,,"

    static var aapl: TWSContract {
        var contract = TWSContract.stock("AAPL")
        contract.conID = 265_598
        contract.primaryExchange = "NASDAQ"
        contract.localSymbol = "AAPL"
        contract.tradingClass = "NMS"
        return contract
    }

    @Test func placeOrderEncodesExactlyAsIbAsyncDoes() {
        var order = PlaceOrder()
        order.orderID = 12
        order.contract = Self.aapl
        order.action = "BUY"
        order.totalQuantity = FixedPoint(10)
        order.orderType = "LMT"
        order.limitPrice = FixedPoint("189.5")
        order.transmit = false
        let encoded = order.encoded()
        #expect(encoded.count == 114)
        #expect(encoded.joined(separator: ",") == Self.capturedParent)
        let frame = TWSFraming.frame(encoded)
        #expect(frame.getInteger(at: 0, as: UInt32.self) == UInt32(Self.capturedParent.utf8.count + 1))
    }

    @Test func stopLossChildEncodesItsStopInAuxPriceAndItsParent() {
        var order = PlaceOrder()
        order.orderID = 14
        order.contract = Self.aapl
        order.action = "SELL"
        order.totalQuantity = FixedPoint(10)
        order.orderType = "STP"
        order.auxPrice = FixedPoint(185)
        order.parentID = 12
        // The reference: "3,14,265598,AAPL,STK,,0.0,,,SMART,NASDAQ,USD,AAPL,NMS,,,SELL,10,STP,,185.0,,,,O,0,,1,12,0,…".
        #expect(Array(order.encoded()[16...28]) == ["SELL", "10", "STP", "", "185", "", "", "", "O", "0", "", "1", "12"])
    }

    @Test func handshakeOpeningIsTheBannerAndTheFramedRange() {
        let bytes = Array(TWSFraming.opening(versionRange: "v157..178").readableBytesView)
        #expect(bytes == Array("API\0".utf8) + [0, 0, 0, 9] + Array("v157..178".utf8))
        #expect(Array(TWSFraming.frame(StartAPI(clientID: 7).encoded()).readableBytesView) == [0, 0, 0, 8] + Array("71\u{0}2\u{0}7\u{0}\u{0}".utf8))
    }

    @Test func fieldsSplitOnTerminatorsDroppingTheLastEmptyOne() {
        let payload = ByteBuffer(bytes: Array("4\u{0}2\u{0}-1\u{0}2104\u{0}Market data farm connection is OK:usfarm\u{0}\u{0}".utf8))
        #expect(TWSFraming.fields(of: payload.readableBytesView) == ["4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", ""])
        #expect(TWSFraming.fields(of: ByteBuffer(string: "178\u{0}20131004 10:00:00 EDT\u{0}").readableBytesView) == ["178", "20131004 10:00:00 EDT"])
    }

    @Test func openOrderOfTheSimulatorsLayoutDecodes() throws {
        // 127 fields as the reference's §4.3 lays them out (the simulator writes the same).
        var fields = [String](repeating: "", count: 127)
        fields[0] = "5"
        fields[1] = "3"
        fields.replaceSubrange(2...12, with: ["756733", "SPY", "STK", "", "0.0", "", "", "SMART", "USD", "SPY", "SPY"])
        (fields[13], fields[14], fields[15], fields[16], fields[17], fields[18]) = ("SELL", "10", "STP", "", "168.12", "DAY")
        (fields[23], fields[24], fields[25], fields[26], fields[53], fields[57], fields[85]) = ("cid-7", "1", "5002", "0", "0", "1", "PreSubmitted")
        for index in [70, 71, 72, 81, 102] { fields[index] = "0" }
        let order = try OpenOrder.decode(fields)
        #expect([String(order.orderID), order.action, order.orderType, order.auxPrice?.description ?? "", order.orderRef, String(order.permID), String(order.parentID), order.status]
            == ["3", "SELL", "STP", "168.12", "cid-7", "5002", "1", "PreSubmitted"])
        #expect(order.contract.conID == 756_733 && order.contract.exchange == "SMART")
    }

    @Test func openOrderWithVariableBlocksSkipsThemByTheirCounts() throws {
        var order = OpenOrder()
        order.orderID = 9
        order.status = "Submitted"
        var fields = order.encoded()
        #expect(fields.count == 127)
        // Two combo legs (8 fields each) and an algo with one parameter, inserted where they go.
        fields[70] = "2"
        fields.insert(contentsOf: [String](repeating: "x", count: 16), at: 71)
        let algoIndex = 82 + 16
        fields[algoIndex] = "Adaptive"
        fields.insert(contentsOf: ["1", "adaptivePriority", "Normal"], at: algoIndex + 1)
        let decoded = try OpenOrder.decode(fields)
        #expect(decoded.status == "Submitted" && decoded.orderID == 9)
    }

    @Test func openOrderWithConditionsIsATypedError() {
        var fields = OpenOrder().encoded()
        fields[102] = "1"
        #expect(throws: TWSDecodingError.self) { try OpenOrder.decode(fields) }
    }

    @Test func executionWithTextWhereADecimalGoesNamesTheField() {
        var execution = ExecutionData()
        execution.execID = "0001.01"
        var fields = execution.encoded()
        fields[20] = "12x"
        #expect(throws: TWSDecodingError(message: "EXECUTION_DATA", field: "price", index: 20, text: "12x", problem: "is not a valid value")) {
            try ExecutionData.decode(fields)
        }
        #expect(throws: TWSDecodingError(message: "EXECUTION_DATA", field: "pendingPriceRevision", index: 31, text: "", problem: "is missing")) {
            try ExecutionData.decode(Array(execution.encoded().prefix(31)))
        }
    }

    @Test func fieldAddedAtAVersionIsAbsentBelowIt() throws {
        var execution = ExecutionData()
        execution.execID = "e1"
        #expect(execution.encoded(serverVersion: 178).count == 32)
        #expect(execution.encoded(serverVersion: 177).count == 31)
        #expect(try ExecutionData.decode(execution.encoded(serverVersion: 177), serverVersion: 177) == execution)
        #expect(PlaceOrder().encoded(serverVersion: 176).count == 115)  // faProfile is back below 177
        #expect(ErrorMessage().encoded(serverVersion: 165).count == 5)
    }

    @Test func unsetSpellingsReadAsUnset() throws {
        var report = CommissionReport()
        report.execID = "e1"
        var fields = report.encoded()
        (fields[5], fields[6], fields[7]) = ("1.7976931348623157E308", "1.7976931348623157e+308", "2147483647")
        let decoded = try CommissionReport.decode(fields)
        #expect(decoded.realizedPNL == nil && decoded.yield == nil && decoded.yieldRedemptionDate == nil)
    }
}
