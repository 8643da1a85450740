import Foundation
import TraderCore
import TraderTestKit

/// Columns of a real candle file from `../shared/data`, read plainly for reference computations.
struct RealCandles {
    let time: [Int64]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let volume: [Double]

    /// Reads `shared/data/<name>`; fails (does not skip) when the shared folder is missing.
    static func load(_ name: String) throws -> RealCandles {
        let text = try String(contentsOfFile: try SharedData.path("data/\(name)"), encoding: .utf8)
        var columns = [[Double]](repeating: [], count: 6)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            for (index, field) in fields.enumerated() { columns[index].append(Double(field)!) }
        }
        return RealCandles(
            time: columns[0].map { Int64($0) }, open: columns[1], high: columns[2], low: columns[3], close: columns[4],
            volume: columns[5])
    }

    /// Bar `index` as a `Candle` (the file's prices are exact decimals of at most 8 places).
    func candle(_ index: Int) -> Candle {
        func price(_ value: Double) -> Price { Price(FixedPoint(String(value))!) }
        return Candle(
            time: Timestamp(secondsSinceEpoch: time[index]), open: price(open[index]), high: price(high[index]),
            low: price(low[index]), close: price(close[index]), volume: Quantity(FixedPoint(String(volume[index]))!))
    }
}
