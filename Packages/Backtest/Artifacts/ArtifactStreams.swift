import Analytics
import TraderCore

/// The four files a run streams into (orders.json, trades.json, equity.csv, exposure.csv), and the
/// rendering of each record into them: used by one thread at a time (``ArtifactWriter``'s writer
/// thread while the run goes, then the run's own to close them).
final class ArtifactStreams {
    /// One thing to write.
    enum Record: Sendable {
        case order(Order, OrderOrigin?)
        case roundTrip(RoundTrip)
        case bar(BarState)
    }

    private let orders: TextFile
    private let trades: TextFile
    private let equity: TextFile
    private let exposure: TextFile
    private var ordersWritten = 0
    private var tradesWritten = 0
    /// The equity and exposure lines of a bar, their storage kept from bar to bar.
    private var barLines: BarLines
    /// The JSON record being written, its storage kept from record to record.
    private var json = JSONBytes()

    /// Opens the four files in `destination`'s staging folder and writes their headers.
    ///
    /// - Throws: ``ArtifactError``.
    init(in destination: ArtifactFolder, assets: [String]) throws(ArtifactError) {
        orders = try TextFile(path: destination.stagingPath("orders.json"))
        trades = try TextFile(path: destination.stagingPath("trades.json"))
        equity = try TextFile(path: destination.stagingPath("equity.csv"))
        exposure = try TextFile(path: destination.stagingPath("exposure.csv"))
        barLines = BarLines(assets: assets)
        try orders.write("[\n")
        try trades.write("[\n")
        try equity.write("time,equity,cash,exposed\n")
        try exposure.write((["time", "nav", "total_pct", "pending_pct"] + assets.map { "\($0)_pct" }).joined(separator: ",") + "\n")
    }

    /// The names of the files, as published.
    static let names = ["orders.json", "trades.json", "equity.csv", "exposure.csv"]

    /// Writes one record.
    ///
    /// - Throws: ``ArtifactError``; ``Portfolio/Error`` and ``ArithmeticError`` from a bar's exposure.
    func write(_ record: Record) throws {
        switch record {
        case .order(let order, let origin):
            json.removeAll()
            OrderRecord(order, origin: origin).appendJSON(to: &json)
            try append(json.bytes, to: orders, count: &ordersWritten)
        case .roundTrip(let trip):
            json.removeAll()
            trip.appendJSON(to: &json)
            try append(json.bytes, to: trades, count: &tradesWritten)
        case .bar(let bar):
            // Moved out for the bar: each use of a class's stored property is checked for
            // exclusive access, and a bar uses the buffers some fifty times.
            var lines = barLines
            barLines = BarLines(assets: [])
            try lines.render(bar)
            try equity.write(lines.equity)
            try exposure.write(lines.exposure)
            barLines = lines
        }
    }

    /// Ends the JSON arrays and closes the files.
    ///
    /// - Throws: ``ArtifactError``.
    func close() throws(ArtifactError) {
        try orders.write(ordersWritten == 0 ? "]\n" : "\n]\n")
        try trades.write(tradesWritten == 0 ? "]\n" : "\n]\n")
        for file in [orders, trades, equity, exposure] { try file.close() }
    }

    /// Appends a JSON record to `file`, after a separating comma and newline.
    private func append(_ record: [UInt8], to file: TextFile, count: inout Int) throws(ArtifactError) {
        if count > 0 { try file.write(",\n") }
        try file.write(record)
        count += 1
    }
}
