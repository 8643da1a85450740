import TraderCore

// Historical bars and market data.

/// REQ_HISTORICAL_DATA (20), no version since 124.
struct RequestHistoricalData: TWSMessage {
    var requestID = 0
    var contract = TWSContract()
    var includeExpired = false
    /// Empty for now, or `YYYYMMDD HH:MM:SS UTC`.
    var endDateTime = ""
    /// `1 min`, `1 hour`, `1 day`, ….
    var barSize = ""
    /// `N S|D|W|M|Y`.
    var duration = ""
    var regularHoursOnly = true
    var whatToShow = "TRADES"
    /// 1 text dates, 2 epoch seconds.
    var formatDate = 2
    var keepUpToDate = false
    static let table = FieldTable<Self>(
        "REQ_HISTORICAL_DATA", id: 20,
        [
            .value("reqId", \.requestID, .int), .contract(\.contract, .request), .value("includeExpired", \.includeExpired, .bool),
            .value("endDateTime", \.endDateTime, .string), .value("barSizeSetting", \.barSize, .string), .value("durationStr", \.duration, .string),
            .value("useRTH", \.regularHoursOnly, .bool), .value("whatToShow", \.whatToShow, .string), .value("formatDate", \.formatDate, .int),
            .value("keepUpToDate", \.keepUpToDate, .bool), .fixed("chartOptions", ""),
        ])
}

/// One bar of HISTORICAL_DATA.
struct HistoricalBar: Hashable, Sendable {
    /// `YYYYMMDD` (daily), `YYYYMMDD HH:MM:SS <zone>` or epoch seconds (formatDate 2).
    var date = ""
    var open = FixedPoint.zero
    var high = FixedPoint.zero
    var low = FixedPoint.zero
    var close = FixedPoint.zero
    var volume = FixedPoint.zero
    var wap = FixedPoint.zero
    var barCount = 0

}

/// HISTORICAL_DATA (17) below 196: the bars and the end in one message.
struct HistoricalData: TWSMessage {
    var requestID = 0
    var start = ""
    var end = ""
    var bars: [HistoricalBar] = []
    static let table = FieldTable<Self>(
        "HISTORICAL_DATA", id: 17,
        [
            .value("reqId", \.requestID, .int), .value("startDateStr", \.start, .string), .value("endDateStr", \.end, .string),
            TableField(
                "bars",
                write: { message, out in
                    out.append(String(message.bars.count))
                    for bar in message.bars {
                        out += [bar.date, bar.open.description, bar.high.description, bar.low.description, bar.close.description, bar.volume.description, bar.wap.description, String(bar.barCount)]
                    }
                },
                read: { message, cursor throws(TWSDecodingError) in
                    let count = try cursor.next("itemCount", .int)
                    guard count >= 0, count <= TWSProtocol.maxMessageLength / 8 else {
                        throw TWSDecodingError(message: "HISTORICAL_DATA", field: "itemCount", index: cursor.index - 1, text: String(count), problem: "is not a count")
                    }
                    var bars: [HistoricalBar] = []
                    bars.reserveCapacity(count)
                    for _ in 0..<count {
                        // TWS sends −1 for a volume or WAP that does not apply (MIDPOINT bars): read as zero.
                        let date = try cursor.text("date")
                        let (open, high, low, close) = try (cursor.next("open", .decimal), cursor.next("high", .decimal), cursor.next("low", .decimal), cursor.next("close", .decimal))
                        let volume = try cursor.next("volume", .decimal)
                        let wap = try cursor.next("wap", .decimal)
                        let barCount = try cursor.next("barCount", .int)
                        bars.append(HistoricalBar(date: date, open: open, high: high, low: low, close: close, volume: volume.isNegative ? .zero : volume, wap: wap.isNegative ? .zero : wap, barCount: barCount))
                    }
                    message.bars = bars
                }),
        ])
}

/// REQ_MKT_DATA (1): a snapshot or a subscription.
struct RequestMarketData: TWSMessage {
    var requestID = 0
    var contract = TWSContract()
    var genericTicks = ""
    var snapshot = true
    var regulatorySnapshot = false
    static let table = FieldTable<Self>(
        "REQ_MKT_DATA", id: 1, version: 11,
        [
            .value("reqId", \.requestID, .int), .contract(\.contract, .request), .block("deltaNeutralContract", writing: "0") { $0 == "1" ? 3 : 0 },
            .value("genericTickList", \.genericTicks, .string), .value("snapshot", \.snapshot, .bool),
            .value("regulatorySnapshot", \.regulatorySnapshot, .bool), .fixed("mktDataOptions", ""),
        ])
}

/// CANCEL_MKT_DATA (2).
struct CancelMarketData: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("CANCEL_MKT_DATA", id: 2, version: 2, [.value("reqId", \.requestID, .int)])
}

/// TICK_PRICE (1): exactly 7 fields.
struct TickPrice: TWSMessage {
    var requestID = 0
    /// 1 bid, 2 ask, 4 last, 6 high, 7 low, 9 close, 14 open; 66… delayed.
    var tickType = 0
    var price: FixedPoint?
    var size = FixedPoint.zero
    var attributes = 0
    static let table = FieldTable<Self>(
        "TICK_PRICE", id: 1, version: 6,
        [
            .value("reqId", \.requestID, .int), .value("tickType", \.tickType, .int), .value("price", \.price, .optionalDecimal),
            .value("size", \.size, .decimal), .value("attrMask", \.attributes, .int),
        ])
}

/// TICK_SIZE (2).
struct TickSize: TWSMessage {
    var requestID = 0
    /// 0 bid size, 3 ask size, 5 last size, 8 volume.
    var tickType = 0
    var size = FixedPoint.zero
    static let table = FieldTable<Self>(
        "TICK_SIZE", id: 2, version: 6, [.value("reqId", \.requestID, .int), .value("tickType", \.tickType, .int), .value("size", \.size, .decimal)])
}

/// TICK_OPTION_COMPUTATION (21) from 156: 12 fields; −1 and −2 mean "not computed".
struct TickOptionComputation: TWSMessage {
    var requestID = 0
    /// 10 bid, 11 ask, 12 last, 13 model (80–83 delayed).
    var tickType = 0
    var tickAttribute = 0
    var impliedVolatility = 0.0
    var delta = 0.0
    var optionPrice = 0.0
    var presentValueDividend = 0.0
    var gamma = 0.0
    var vega = 0.0
    var theta = 0.0
    var underlyingPrice = 0.0
    static let table = FieldTable<Self>(
        "TICK_OPTION_COMPUTATION", id: 21,
        [
            .value("reqId", \.requestID, .int), .value("tickType", \.tickType, .int), .value("tickAttrib", \.tickAttribute, .int),
            .value("impliedVol", \.impliedVolatility, .double), .value("delta", \.delta, .double), .value("optPrice", \.optionPrice, .double),
            .value("pvDividend", \.presentValueDividend, .double), .value("gamma", \.gamma, .double), .value("vega", \.vega, .double),
            .value("theta", \.theta, .double), .value("undPrice", \.underlyingPrice, .double),
        ])
}

/// TICK_SNAPSHOT_END (57).
struct TickSnapshotEnd: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("TICK_SNAPSHOT_END", id: 57, version: 1, [.value("reqId", \.requestID, .int)])
}

/// MARKET_DATA_TYPE (58).
struct MarketDataType: TWSMessage {
    var requestID = 0
    var marketDataType = 1
    static let table = FieldTable<Self>(
        "MARKET_DATA_TYPE", id: 58, version: 1, [.value("reqId", \.requestID, .int), .value("marketDataType", \.marketDataType, .int)])
}
