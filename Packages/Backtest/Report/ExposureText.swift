import Analytics
import Foundation
import TraderCore

/// exposure.csv (`time,nav,total_pct,pending_pct,<ASSET>_pct…`) read straight from its bytes into
/// exposure by asset, a line per bar of the run.
enum ExposureText {
    /// The series of `data`, the contents of `file`.
    ///
    /// - Throws: ``DataError`` naming the line of what is not what a backtest writes.
    static func series(_ data: Data, file: String) throws(DataError) -> ExposureSeries {
        let bytes = [UInt8](data)
        guard let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) else { throw DataError(.badHeader, file: file, line: 1, column: 1, "the file is empty") }
        let columns = String(decoding: bytes[..<headerEnd], as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard columns.count >= 4, columns[..<4] == ["time", "nav", "total_pct", "pending_pct"], columns.dropFirst(4).allSatisfy({ $0.hasSuffix("_pct") })
        else { throw DataError(.badHeader, file: file, line: 1, column: 1, "expected time,nav,total_pct,pending_pct and an <ASSET>_pct column per asset") }
        let assets = columns.dropFirst(4).map { String($0.dropLast(4)) }
        var points: [ExposureSeries.Point] = []
        var commas: [Int] = []
        commas.reserveCapacity(columns.count)
        var start = headerEnd + 1
        var number = 1
        while start < bytes.count {
            number += 1
            // One pass over the line: its end and its commas.
            commas.removeAll(keepingCapacity: true)
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: ",") { commas.append(end) }
                end += 1
            }
            defer { start = end + 1 }
            guard end > start else { continue }
            guard commas.count == columns.count - 1, let time = EquityText.instant(bytes[start..<commas[0]]) else {
                throw DataError(.invalidArtifact, file: file, line: number, "expected an instant and \(columns.count - 1) numbers")
            }
            var percents: [Double] = []
            percents.reserveCapacity(assets.count)
            for column in 4..<columns.count {
                let fieldEnd = column + 1 < columns.count ? commas[column] : end
                guard let value = EquityText.decimal(bytes[(commas[column - 1] + 1)..<fieldEnd]) else {
                    throw DataError(.invalidNumber, file: file, line: number, column: commas[column - 1] + 2 - start, "\(columns[column]) is not a decimal")
                }
                percents.append(value.doubleValue)
            }
            points.append(ExposureSeries.Point(time: time, percents: percents))
        }
        return ExposureSeries(assets: assets, points: points)
    }
}
