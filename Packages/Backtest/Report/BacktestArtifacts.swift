import Analytics
import CostModel
import Foundation
import TraderCore

/// A backtest's `--out` folder read back for a report: its round trips (trades.json), equity curve
/// (equity.csv), fills (orders.json), decisions and annualization (metrics.json). Only a complete
/// folder is read (metrics.json, written last, marks one); anything that is not what a backtest
/// writes is an error naming the file, line and field.
public struct BacktestArtifacts: Sendable {
    /// The folder.
    public let folder: String
    /// The round trips, in closing order.
    public let roundTrips: [RoundTrip]
    /// The equity curve: the opening point (metrics.json's `start` and `starting_equity`, before
    /// any bar closed, flat), then the equity after each bar time (equity.csv).
    public let equity: [EquityPoint]
    /// Every fill, order by order.
    public let fills: [Fill]
    /// Exposure by asset after each bar time (exposure.csv), when it was asked for.
    public let exposure: ExposureSeries?
    /// Each order's decision mid and fills, by symbol (orders.json).
    public let markers: TradeMarkers
    /// The orders that traded, in the file's order (orders.json).
    public let orders: [TradedOrder]
    /// Decisions by reason code, over the run.
    public let decisions: [String: Int]
    /// Rejections by reason code, per UTC day (empty for a run written before they were kept).
    public let rejectionsByDay: [DailyCount]
    /// Cycles without a signal, over the run.
    public let cyclesWithoutSignal: Int
    /// The run's annualization.
    public let periodsPerYear: Double
    /// See ``periodsPerYear``.
    public let riskFreeRate: Double

    /// Reads `folder`, and its exposure.csv when `readingExposure` (a line per bar: read only
    /// for the HTML page, which draws it).
    ///
    /// - Throws: ``DataError`` `io` for a folder without a complete run or a file that cannot be
    ///   read, `invalid_artifact` for content a backtest does not write.
    public init(folder: String, readingExposure: Bool = false) throws(DataError) {
        self.folder = folder
        let metricsPath = folder + "/metrics.json"
        guard FileManager.default.fileExists(atPath: metricsPath) else {
            throw DataError(.io, file: folder, "not a backtest's --out folder: it has no metrics.json (a complete run writes it last)")
        }
        let metrics: MetricsLine
        do {
            metrics = try JSONDecoder().decode(MetricsLine.self, from: try Self.data(metricsPath))
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError(.invalidArtifact, file: metricsPath, "expected decisions, cycles_without_signal and metrics.annualization")
        }
        decisions = metrics.decisions
        var daily: [DailyCount] = []
        for (index, count) in (metrics.rejectionsByDay ?? []).enumerated() {
            guard let day = ISO8601Format.parse(count.day) else {
                throw DataError(.invalidArtifact, file: metricsPath, "rejections_by_day[\(index)].day \"\(count.day)\" is not an instant")
            }
            daily.append(DailyCount(day: day, code: count.code, count: count.count))
        }
        rejectionsByDay = daily
        cyclesWithoutSignal = metrics.cyclesWithoutSignal
        periodsPerYear = metrics.metrics.annualization.periodsPerYear
        riskFreeRate = metrics.metrics.annualization.riskFreeRate
        // The CSV curves are read on a second thread while this one decodes the JSON files: the
        // two halves take about as long for a run of a million bars.
        let curves = BackgroundRead { () throws(DataError) in
            (
                try EquityText.points(try Self.data(folder + "/equity.csv"), file: folder + "/equity.csv"),
                readingExposure ? try ExposureText.series(try Self.data(folder + "/exposure.csv"), file: folder + "/exposure.csv") : nil
            )
        }
        let trades = Result { () throws(DataError) in
            try Self.lines(folder + "/trades.json", as: TradeLine.self).enumerated().map { index, line throws(DataError) in
                try line.roundTrip(ArtifactField(file: folder + "/trades.json", line: index + 2))
            }
        }
        let orderLines = Result { () throws(DataError) in
            var fills: [Fill] = []
            var markers = TradeMarkers()
            var traded: [TradedOrder] = []
            for (index, order) in try Self.lines(folder + "/orders.json", as: OrderLine.self).enumerated() {
                let field = ArtifactField(file: folder + "/orders.json", line: index + 2)
                let orderFills = try order.fills(field)
                try order.mark(orderFills, in: &markers, field)
                if let tradedOrder = try order.traded(orderFills, field) { traded.append(tradedOrder) }
                fills += orderFills
            }
            return (fills, markers, traded)
        }
        let (points, exposure) = try curves.value()
        roundTrips = try trades.get()
        (fills, markers, orders) = try orderLines.get()
        var curve = points
        if let start = metrics.metrics.start.flatMap(ISO8601Format.parse), let starting = metrics.metrics.startingEquity.flatMap(FixedPoint.init),
            start < curve.first?.time ?? start
        {
            curve.insert(EquityPoint(time: start, equity: starting, exposed: false), at: 0)
        }
        equity = curve
        self.exposure = exposure
    }

    private static func data(_ path: String) throws(DataError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataError(.io, file: path, "cannot read: \(error.localizedDescription)")
        }
    }

    /// The elements of a JSON array the run writes one per line (`[`, then element `k` on line
    /// `k + 2`), decoded at once; a bad element is named by its line.
    private static func lines<Line: Decodable>(_ path: String, as type: Line.Type) throws(DataError) -> [Line] {
        let data = try data(path)
        do {
            return try JSONDecoder().decode([Line].self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DataError(.invalidArtifact, file: path, line: line(of: context), "\(key.stringValue) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw DataError(.invalidArtifact, file: path, line: line(of: context), "\(context.codingPath.last?.stringValue ?? "a value") has the wrong type")
        } catch {
            throw DataError(.invalidArtifact, file: path, "not a JSON array as a backtest writes it")
        }
    }

    /// The line of the element a decoding error is in.
    private static func line(of context: DecodingError.Context) -> Int {
        context.codingPath.first?.intValue.map { $0 + 2 } ?? 0
    }
}

/// metrics.json, the parts a report reads.
private struct MetricsLine: Decodable {
    struct Performance: Decodable {
        struct Annualization: Decodable {
            let periodsPerYear: Double
            let riskFreeRate: Double
            enum CodingKeys: String, CodingKey {
                case periodsPerYear = "periods_per_year", riskFreeRate = "risk_free_rate"
            }
        }
        let annualization: Annualization
        let start: String?
        let startingEquity: String?
        enum CodingKeys: String, CodingKey {
            case annualization, start
            case startingEquity = "starting_equity"
        }
    }
    struct Daily: Decodable {
        let day: String
        let code: String
        let count: Int
    }
    let decisions: [String: Int]
    let cyclesWithoutSignal: Int
    let metrics: Performance
    let rejectionsByDay: [Daily]?
    enum CodingKeys: String, CodingKey {
        case decisions, metrics
        case cyclesWithoutSignal = "cycles_without_signal", rejectionsByDay = "rejections_by_day"
    }
}
