@testable import IBKRAdapter
import Testing
import TraderCore

/// Every field table decodes what it encodes, at server version 178, with every modelled field set
/// away from its default: a field the encoder and decoder disagree on cannot pass.
@Suite struct RoundTripTests {
    static let option = TWSContract.option("SPY", expiry: "20131011", strike: FixedPoint(168), right: "C", multiplier: 100)

    static let samples: [any TWSMessage] = {
        var contract = option
        contract.conID = 4242
        contract.localSymbol = "SPY   131011C00168000"
        contract.tradingClass = "SPY"
        var place = PlaceOrder()
        (place.orderID, place.contract, place.action, place.totalQuantity, place.orderType) = (21, contract, "SELL", FixedPoint(3), "STP")
        (place.limitPrice, place.auxPrice, place.timeInForce, place.ocaGroup, place.account) = (decimal("1.25"), decimal("0.95"), "GTD", "oca-1", "DU1")
        (place.orderRef, place.transmit, place.parentID, place.outsideRTH, place.goodTillDate, place.ocaType) = ("cid-21", false, 20, true, "20131011 16:00:00 US/Eastern", 1)
        var open = OpenOrder()
        (open.orderID, open.contract, open.action, open.totalQuantity, open.orderType, open.limitPrice) = (21, contract, "SELL", FixedPoint(3), "LMT", decimal("1.3"))
        (open.timeInForce, open.ocaGroup, open.account, open.orderRef, open.clientID, open.permID) = ("DAY", "oca-1", "DU1", "cid-21", 7, 90_001)
        (open.outsideRTH, open.goodTillDate, open.ocaType, open.parentID, open.status, open.warningText) = (true, "x", 2, 20, "Submitted", "held")
        var status = OrderStatus()
        (status.orderID, status.status, status.filled, status.remaining, status.averageFillPrice) = (21, "Submitted", FixedPoint(1), FixedPoint(2), decimal("1.31"))
        (status.permID, status.parentID, status.lastFillPrice, status.clientID, status.whyHeld, status.marketCapPrice) = (90_001, 20, decimal("1.31"), 7, "locate", FixedPoint(2))
        var execution = ExecutionData()
        (execution.requestID, execution.orderID, execution.contract, execution.execID, execution.time) = (5, 21, contract, "0001f4e8.00000001.01.01", "20131004 10:01:00 US/Eastern")
        (execution.account, execution.exchange, execution.side, execution.shares, execution.price, execution.permID) = ("DU1", "CBOE", "SLD", FixedPoint(1), decimal("1.31"), 90_001)
        (execution.clientID, execution.liquidation, execution.cumulativeQuantity, execution.averagePrice, execution.orderRef) = (7, 1, FixedPoint(1), decimal("1.31"), "cid-21")
        (execution.evRule, execution.evMultiplier, execution.modelCode, execution.lastLiquidity, execution.pendingPriceRevision) = ("r", FixedPoint(2), "m", 2, true)
        var commission = CommissionReport()
        (commission.execID, commission.commission, commission.currency, commission.realizedPNL, commission.yield, commission.yieldRedemptionDate) =
            ("0001f4e8.00000001.01.01", decimal("0.65"), "USD", decimal("-12.5"), decimal("0.01"), 20_131_011)
        var details = ContractData()
        (details.requestID, details.contract, details.marketName, details.minimumTick, details.orderTypes) = (3, contract, "SPY", decimal("0.01"), "LMT,MKT")
        (details.validExchanges, details.underlyingConID, details.longName, details.contractMonth, details.timeZoneID) = ("SMART,CBOE", 756_733, "SPDR", "201310", "US/Eastern")
        (details.tradingHours, details.liquidHours, details.underlyingSymbol, details.underlyingSecurityType) = ("20131004:0930-20131004:1600", "20131004:0930-20131004:1600", "SPY", "STK")
        (details.marketRuleIDs, details.realExpirationDate, details.stockType) = ("26", "20131011", "")
        (details.minimumSize, details.sizeIncrement, details.suggestedSizeIncrement) = (FixedPoint(1), FixedPoint(1), FixedPoint(1))
        details.contract.primaryExchange = "CBOE"
        var history = HistoricalData()
        (history.requestID, history.start, history.end) = (4, "20131004 09:30:00 US/Eastern", "20131004 10:00:00 US/Eastern")
        history.bars = [
            HistoricalBar(date: "1380893400", open: decimal("167.74"), high: decimal("167.82"), low: decimal("167.67"), close: decimal("167.77"), volume: FixedPoint(633_958), wap: decimal("167.75"), barCount: 1)
        ]
        var historyRequest = RequestHistoricalData()
        (historyRequest.requestID, historyRequest.contract, historyRequest.includeExpired, historyRequest.endDateTime) = (4, contract, true, "20131004 14:00:00 UTC")
        (historyRequest.barSize, historyRequest.duration, historyRequest.regularHoursOnly, historyRequest.whatToShow) = ("1 min", "1 D", false, "MIDPOINT")
        (historyRequest.formatDate, historyRequest.keepUpToDate) = (1, true)
        var computation = TickOptionComputation()
        (computation.requestID, computation.tickType, computation.tickAttribute, computation.impliedVolatility, computation.delta) = (8, 13, 1, 0.2, 0.54)
        (computation.optionPrice, computation.presentValueDividend, computation.gamma, computation.vega, computation.theta, computation.underlyingPrice) = (1.31, -1, -2, -2, -2, 168.15)
        return [
            StartAPI(clientID: 7, optionalCapabilities: "+PACEAPI"), ManagedAccounts(accounts: "DU1,DU2"), NextValidID(orderID: 1001), RequestIDs(count: 3),
            RequestCurrentTime(), CurrentTime(epochSeconds: 1_380_895_200), ErrorMessage(requestID: 21, code: 201, text: "Order rejected - reason:x", advancedOrderRejectJSON: "{}"),
            RequestMarketDataType(marketDataType: 3), place, CancelOrder(orderID: 21), RequestGlobalCancel(), RequestOpenOrders(), RequestAllOpenOrders(),
            OpenOrderEnd(), status, open,
            RequestExecutions(requestID: 5, clientID: 7, account: "DU1", time: "20131004 09:30:00 US/Eastern", symbol: "SPY", securityType: "OPT", exchange: "SMART", side: "SELL"),
            execution, ExecutionDataEnd(requestID: 5), commission, RequestPositions(), CancelPositions(),
            PositionData(account: "DU1", contract: contract, position: FixedPoint(-3), averageCost: FixedPoint(131)), PositionEnd(),
            RequestAccountSummary(requestID: 6, group: "All", tags: "NetLiquidation,TotalCashValue"), CancelAccountSummary(requestID: 6),
            AccountSummary(requestID: 6, account: "DU1", tag: "NetLiquidation", value: "100000.5", currency: "USD"), AccountSummaryEnd(requestID: 6),
            RequestContractData(requestID: 3, contract: contract, includeExpired: true), details, ContractDataEnd(requestID: 3),
            RequestOptionParameters(requestID: 9, underlyingSymbol: "SPY", futuresExchange: "", underlyingSecurityType: "STK", underlyingConID: 756_733),
            OptionParameters(requestID: 9, exchange: "SMART", underlyingConID: 756_733, tradingClass: "SPY", multiplier: "100", expiries: ["20131004", "20131011"], strikes: [FixedPoint(167), decimal("167.5")]),
            OptionParametersEnd(requestID: 9), historyRequest, history,
            RequestMarketData(requestID: 8, contract: contract, genericTicks: "100,101", snapshot: false, regulatorySnapshot: true), CancelMarketData(requestID: 8),
            TickPrice(requestID: 8, tickType: 2, price: decimal("1.33"), size: FixedPoint(10), attributes: 1), TickSize(requestID: 8, tickType: 8, size: FixedPoint(1234)),
            computation, TickSnapshotEnd(requestID: 8), MarketDataType(requestID: 8, marketDataType: 3),
        ]
    }()

    @Test(arguments: samples.indices)
    func decodesWhatItEncodes(_ index: Int) throws {
        try Self.roundTrip(Self.samples[index])
    }

    static func roundTrip<Message: TWSMessage>(_ message: Message) throws {
        #expect(message != Message() || Message.table.fields.isEmpty, "\(Message.table.name): the sample must set its fields")
        #expect(try Message.decode(message.encoded()) == message, "\(Message.table.name)")
    }

    @Test func everyMessageTypeHasASample() {
        #expect(Set(Self.samples.map { ObjectIdentifier(type(of: $0)) }).count == Self.samples.count)
        #expect(Self.samples.count == 43)
    }
}

/// A decimal literal of a test (a bad literal is the test's own bug, and stops it).
func decimal(_ text: String) -> FixedPoint {
    guard let value = FixedPoint(text) else { fatalError("not a decimal literal: \(text)") }
    return value
}
