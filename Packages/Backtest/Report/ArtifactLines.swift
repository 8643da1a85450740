import Analytics
import CostModel
import TraderCore

/// Where a field of an artifact is read from, to name it when it is not what a backtest writes.
struct ArtifactField {
    let file: String
    let line: Int

    func fail(_ key: String, _ value: String) -> DataError {
        DataError(.invalidArtifact, file: file, line: line, "\(key) \"\(value)\" is not what a backtest writes")
    }

    func decimal(_ text: String, _ key: String) throws(DataError) -> FixedPoint {
        guard let value = FixedPoint(text) else { throw fail(key, text) }
        return value
    }

    func time(_ text: String, _ key: String) throws(DataError) -> Timestamp {
        guard let value = ISO8601Format.parse(text) else { throw fail(key, text) }
        return value
    }

    func symbol(_ text: String) throws(DataError) -> Symbol {
        guard let value = Symbol(canonical: text) else { throw fail("symbol", text) }
        return value
    }
}

/// A trades.json line (RoundTrip's keys).
struct TradeLine: Decodable {
    let symbol, side, signal, quantity, fees: String
    let regime, tier: String?
    let entryTime, exitTime, entryPrice, exitPrice, entryMid, exitMid: String
    let makerFills, fills: Int
    let netPnL, edge, entrySlippage, exitSlippage: String

    enum CodingKeys: String, CodingKey {
        case symbol, side, signal, quantity, fees, regime, tier, fills, edge
        case entryTime = "entry_time", exitTime = "exit_time", entryPrice = "entry_price", exitPrice = "exit_price"
        case entryMid = "entry_mid", exitMid = "exit_mid", makerFills = "maker_fills", netPnL = "net_pnl"
        case entrySlippage = "entry_slippage", exitSlippage = "exit_slippage"
    }

    /// The round trip, its attribution read back exactly: the exit slippage is what the gross
    /// leaves after the edge and the entry slippage, and must equal the one written.
    func roundTrip(_ field: ArtifactField) throws(DataError) -> RoundTrip {
        guard let side = OrderSide(rawValue: side) else { throw field.fail("side", side) }
        let (net, fees) = (try field.decimal(netPnL, "net_pnl"), try field.decimal(fees, "fees"))
        let (edge, entry) = (try field.decimal(edge, "edge"), try field.decimal(entrySlippage, "entry_slippage"))
        guard let gross = try? net.adding(fees), let attribution = try? RoundTripAttribution(gross: gross, edge: edge, entrySlippage: entry, fees: fees),
            attribution.exitSlippage == (try field.decimal(exitSlippage, "exit_slippage"))
        else { throw field.fail("exit_slippage", exitSlippage) }
        return RoundTrip(
            symbol: try field.symbol(symbol), side: side, signal: signal, regime: regime.flatMap(Regime.init(rawValue:)), tier: tier,
            quantity: Quantity(try field.decimal(quantity, "quantity")), entryTime: try field.time(entryTime, "entry_time"),
            exitTime: try field.time(exitTime, "exit_time"), entryPrice: Price(try field.decimal(entryPrice, "entry_price")),
            exitPrice: Price(try field.decimal(exitPrice, "exit_price")), entryMid: Price(try field.decimal(entryMid, "entry_mid")),
            exitMid: Price(try field.decimal(exitMid, "exit_mid")), fees: fees, makerFills: makerFills, fills: fills,
            attribution: attribution)
    }
}

/// An orders.json line, the parts a report reads: the id, symbol, side, decision (its signal, its
/// mid, and its time: the first step's) and the fills.
struct OrderLine: Decodable {
    struct StepLine: Decodable {
        let time: String
    }
    struct FillLine: Decodable {
        let fee, liquidity, price, quantity, time: String
        let tradeID: String
        enum CodingKeys: String, CodingKey {
            case fee, liquidity, price, quantity, time
            case tradeID = "trade_id"
        }
    }
    let clientOrderID: String
    let symbol: String
    let side: String
    let signal: String?
    let decisionMid: String?
    let history: [StepLine]
    let fills: [FillLine]

    enum CodingKeys: String, CodingKey {
        case symbol, side, signal, history, fills
        case clientOrderID = "client_order_id", decisionMid = "decision_mid"
    }

    /// The order as `compare` matches it, when it traded.
    func traded(_ fills: [Fill], _ field: ArtifactField) throws(DataError) -> TradedOrder? {
        guard !fills.isEmpty, let decided = history.first else { return nil }
        guard let side = OrderSide(rawValue: side) else { throw field.fail("side", side) }
        do {
            return try TradedOrder(
                id: clientOrderID, symbol: try field.symbol(symbol), side: side, signal: signal ?? "unknown",
                decidedAt: try field.time(decided.time, "time"),
                decisionMid: try decisionMid.map { text throws(DataError) in Price(try field.decimal(text, "decision_mid")) }, fills: fills)
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError(.invalidArtifact, file: field.file, line: field.line, "the fills' sums leave the fixed-point range")
        }
    }

    /// Adds the order's decision and `fills` (read by ``fills(_:)``) to `markers`.
    func mark(_ fills: [Fill], in markers: inout TradeMarkers, _ field: ArtifactField) throws(DataError) {
        guard let side = OrderSide(rawValue: side) else { throw field.fail("side", side) }
        guard let decided = history.first else { return }
        markers.add(
            symbol: try field.symbol(symbol), side: side, decidedAt: try field.time(decided.time, "time"),
            mid: try decisionMid.map { text throws(DataError) in Price(try field.decimal(text, "decision_mid")) }, fills: fills)
    }

    /// The fills, their fees in the symbol's quote currency.
    func fills(_ field: ArtifactField) throws(DataError) -> [Fill] {
        let currency = Currency(code: try field.symbol(symbol).quote)
        var read: [Fill] = []
        read.reserveCapacity(fills.count)
        for fill in fills {
            guard let liquidity = Fill.Liquidity(rawValue: fill.liquidity) else { throw field.fail("liquidity", fill.liquidity) }
            read.append(
                Fill(
                    tradeID: TradeID(fill.tradeID), price: Price(try field.decimal(fill.price, "price")),
                    quantity: Quantity(try field.decimal(fill.quantity, "quantity")), fee: Money(try field.decimal(fill.fee, "fee"), currency),
                    liquidity: liquidity, time: try field.time(fill.time, "time")))
        }
        return read
    }
}
