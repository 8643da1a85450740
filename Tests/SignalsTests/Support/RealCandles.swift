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

    /// Bar `index` as a `Candle`. Values are rounded to 8 decimal places: a few volumes in the files
    /// carry float-repr noise beyond that (`218102.59507500002`), which `FixedPoint` refuses.
    func candle(_ index: Int) -> Candle {
        func exact(_ value: Double) -> FixedPoint { FixedPoint(String(format: "%.8f", value))! }
        return Candle(
            time: Timestamp(secondsSinceEpoch: time[index]), open: Price(exact(open[index])), high: Price(exact(high[index])),
            low: Price(exact(low[index])), close: Price(exact(close[index])), volume: Quantity(exact(volume[index])))
    }
}
