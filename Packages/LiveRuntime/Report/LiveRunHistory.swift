import Analytics
import Persistence
import TraderCore

/// A live or paper node's state store read back for a report: its round trips (rebuilt from the
/// stored fills by FIFO lots, each order attributed against the decision mid it was sent with),
/// its equity curve (the NAV of every cycle), its fills, its orders, and its audit log (why it did
/// or did not trade). The store is opened read-only, without its lock: a node may be running.
///
/// An option's round trips are counted in shares of its underlying (contracts × multiplier) at the
/// premium per share, so that their PnL is in money; they are in the breakdowns under the
/// underlying. A position its expiry closed (the options bot holds long options only) ends its
/// round trips at the intrinsic value, without a fee, as the engine's accounting closed it. Option orders are not drawn on the underlying's price, nor matched by `compare`
/// (a backtest trades no options).
public struct LiveRunHistory: Sendable {
    /// The state file.
    public let path: String
    /// The round trips, in closing order.
    public let roundTrips: [RoundTrip]
    /// The NAV after each cycle.
    public let equity: [EquityPoint]
    /// Exposure by base asset after each cycle, % of NAV.
    public let exposure: ExposureSeries
    /// Every fill, in time order.
    public let fills: [Fill]
    /// Each spot order's decision mid and fills, by symbol.
    public let markers: TradeMarkers
    /// The spot orders that traded, in decision order.
    public let orders: [TradedOrder]
    /// Why the node did not trade, decision by decision.
    public let refusals: [RunRefusal]
    /// Periods per year of the equity curve: a year over the median spacing of its points (the
    /// cycle interval).
    public let periodsPerYear: Double
    /// Each cycle's time and decisions, in cycle order.
    private let decisions: [(time: Timestamp, decisions: [AuditRecord.Decision])]

    /// Reads the state file at `path`, labelling round trips with each symbol's tier in `tiers`.
    ///
    /// - Throws: ``StoreError``: `io` when it does not exist or is not at this version's schema,
    ///   `corrupt` when it is not a state file, `invalid_record` for a row that cannot be read
    ///   back (a fill of an unknown order, a sum out of range).
    public init(statePath path: String, tiers: [Symbol: String] = [:]) throws(StoreError) {
        let history = try StateStore(readingOnly: path).runHistory()
        self.path = path
        let (stored, fillsOfOrders, audits, expiries) = (history.orders, history.fills, history.audit, history.optionExpiries)
        equity = history.equity.map { EquityPoint(time: $0.at, equity: $0.nav, exposed: $0.exposed) }
        exposure = Self.exposure(of: history.equity)
        fills = fillsOfOrders.map(\.fill)
        do {
            roundTrips = try Self.roundTrips(of: fillsOfOrders, expiries: expiries, orders: stored, tiers: tiers)
            (orders, markers) = try Self.spotOrders(stored, fills: fillsOfOrders)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.invalidRecord, "\(path): the round trips' sums leave the fixed-point range: \(error)")
        }
        decisions = audits.map { ($0.at, $0.decisions) }
        refusals = audits.flatMap { record in
            record.decisions.compactMap { decision -> RunRefusal? in
                guard let code = decision.code else { return nil }
                switch decision.outcome {
                case "halted": return RunRefusal(time: record.at, symbol: nil, code: code, kind: .halt)
                case "rejected": return Symbol(canonical: decision.symbol).map { RunRefusal(time: record.at, symbol: $0, code: code, kind: .rejection) }
                case "suppressed": return Symbol(canonical: decision.symbol).map { RunRefusal(time: record.at, symbol: $0, code: code, kind: .suppression) }
                case "no_trade": return RunRefusal(time: record.at, symbol: nil, code: code, kind: .noTrade)
                default: return nil
                }
            }
        }
        periodsPerYear = Self.periodsPerYear(of: equity)
    }

    /// The report over `from..<to` (unbounded where `nil`); the decisions are the window's.
    ///
    /// - Throws: ``ArithmeticError`` when a sum leaves the fixed-point range.
    public func report(from: Timestamp?, to: Timestamp?, riskFreeRate: Double = 0, drawing: Bool = false) throws(ArithmeticError) -> TradingReport {
        var counts: [String: Int] = [:]
        var withoutSignal = 0
        var daily: [DailyCount] = []
        for cycle in decisions where (from.map { cycle.time >= $0 } ?? true) && (to.map { cycle.time < $0 } ?? true) {
            for decision in cycle.decisions {
                if decision.outcome == "no_trade" && decision.code == "no_signal" {
                    withoutSignal += 1
                    continue
                }
                let key = decision.code.map { "\(decision.outcome).\($0)" } ?? decision.outcome
                counts[key, default: 0] += 1
                if decision.outcome == "rejected" { daily.count(key, at: cycle.time) }
            }
        }
        return try TradingReport(
            kind: "live", source: path, from: from, to: to, roundTrips: roundTrips, equity: equity, fills: fills,
            periodsPerYear: periodsPerYear, riskFreeRate: riskFreeRate, decisions: counts, cyclesWithoutSignal: withoutSignal,
            decisionsCoverWholeRun: false, exposure: drawing ? exposure : nil, markers: drawing ? markers : nil, rejectionsByDay: daily)
    }

    /// The round trips of `fills` and `expiries` (each in time order; a fill before an expiry at
    /// the same instant) by FIFO lots, a tracker per option contract.
    private static func roundTrips(
        of fills: [FillOfOrder], expiries: [OptionExpiryRecord], orders: [StoredOrder], tiers: [Symbol: String]
    ) throws -> [RoundTrip] {
        let byID = Dictionary(orders.map { ($0.intent.clientOrderID, $0.intent) }, uniquingKeysWith: { first, _ in first })
        var spot = RoundTripTracker(tiers: tiers)
        var options: [OptionContract: RoundTripTracker] = [:]
        var closed: [RoundTrip] = []
        var nextExpiry = expiries.startIndex
        func closeExpiries(through time: Timestamp?) throws {
            while nextExpiry < expiries.endIndex, time.map({ expiries[nextExpiry].at < $0 }) ?? true {
                let expiry = expiries[nextExpiry]
                nextExpiry += 1
                let fill = Fill(
                    tradeID: TradeID("expiry-\(expiry.contract)"), price: expiry.intrinsicValue, quantity: expiry.quantity,
                    fee: Money(.zero, Currency(code: expiry.contract.underlying.quote)), liquidity: .taker, time: expiry.at)
                try options[expiry.contract, default: RoundTripTracker(tiers: tiers)].record(
                    try shares(fill, of: expiry.contract), symbol: expiry.contract.underlying, side: .sell,
                    origin: OrderOrigin(signal: "expiry", regime: nil, decisionMid: expiry.intrinsicValue),
                    order: ClientOrderID("expiry-\(expiry.contract)"), into: &closed)
            }
        }
        for item in fills {
            try closeExpiries(through: item.fill.time)
            guard let intent = byID[item.clientOrderID] else {
                throw StoreError(.invalidRecord, "fill \(item.fill.tradeID) belongs to no stored order")
            }
            let origin = intent.origin ?? .unknown(filledAt: item.fill.price)
            switch intent.instrument {
            case .spot(let symbol):
                try spot.record(item.fill, symbol: symbol, side: intent.side, origin: origin, order: intent.clientOrderID, into: &closed)
            case .option(let contract):
                try options[contract, default: RoundTripTracker(tiers: tiers)].record(
                    try shares(item.fill, of: contract), symbol: contract.underlying, side: intent.side, origin: origin,
                    order: intent.clientOrderID, into: &closed)
            }
        }
        try closeExpiries(through: nil)
        return closed
    }

    /// An option's fill in shares of the underlying (contracts × multiplier) at the premium per
    /// share, so that a round trip's PnL is in money.
    private static func shares(_ fill: Fill, of contract: OptionContract) throws -> Fill {
        Fill(
            tradeID: fill.tradeID, price: fill.price,
            quantity: Quantity(try fill.quantity.value.multiplied(by: FixedPoint(contract.multiplier), rounding: .toNearestOrEven)),
            fee: fill.fee, liquidity: fill.liquidity, time: fill.time)
    }

    /// The spot orders that traded, and the markers of every spot order.
    private static func spotOrders(_ orders: [StoredOrder], fills: [FillOfOrder]) throws -> ([TradedOrder], TradeMarkers) {
        var fillsByOrder: [ClientOrderID: [Fill]] = [:]
        for item in fills { fillsByOrder[item.clientOrderID, default: []].append(item.fill) }
        var traded: [TradedOrder] = []
        var markers = TradeMarkers()
        for order in orders {
            guard case .spot(let symbol) = order.intent.instrument else { continue }
            let orderFills = fillsByOrder[order.intent.clientOrderID] ?? []
            let intent = order.intent
            markers.add(symbol: symbol, side: intent.side, decidedAt: intent.decidedAt, mid: intent.origin?.decisionMid, fills: orderFills)
            guard !orderFills.isEmpty else { continue }
            traded.append(
                try TradedOrder(
                    id: intent.clientOrderID.rawValue, symbol: symbol, side: intent.side, signal: intent.origin?.signal ?? "unknown",
                    decidedAt: intent.decidedAt, decisionMid: intent.origin?.decisionMid, fills: orderFills))
        }
        return (traded, markers)
    }

    /// Each point's exposures in % of its NAV, an asset a column (those ever held, in name order).
    private static func exposure(of curve: [EquityRecord]) -> ExposureSeries {
        let assets = Set(curve.flatMap(\.exposures.keys)).sorted()
        let points = curve.map { point in
            let nav = point.nav.doubleValue
            return ExposureSeries.Point(
                time: point.at, percents: assets.map { nav > 0 ? (point.exposures[$0]?.doubleValue ?? 0) / nav * 100 : 0 })
        }
        return ExposureSeries(assets: assets, points: points)
    }

    /// A year over the median spacing of the curve's points; 1 with fewer than two.
    private static func periodsPerYear(of curve: [EquityPoint]) -> Double {
        var gaps: [Int64] = []
        for index in curve.indices.dropFirst() {
            let gap = curve[index].time.nanosecondsSinceEpoch - curve[index - 1].time.nanosecondsSinceEpoch
            if gap > 0 { gaps.append(gap) }
        }
        guard !gaps.isEmpty else { return 1 }
        gaps.sort()
        return 365 * 86_400 * 1e9 / Double(gaps[gaps.count / 2])
    }
}
