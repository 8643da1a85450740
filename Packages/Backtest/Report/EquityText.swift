import Analytics
import Foundation
import TraderCore

/// equity.csv (`time,equity,cash,exposed`) read straight from its bytes, a line per bar of the run
/// (a million for a million bars): the instants the run writes (`YYYY-MM-DDTHH:MM:SSZ`) and
/// decimals of at most eight places are read in one pass each; anything else takes the general
/// parsers.
enum EquityText {
    static let header = Array("time,equity,cash,exposed\n".utf8)

    /// The points of `data`, the contents of `file`.
    ///
    /// - Throws: ``DataError`` naming the line and column of what is not what a backtest writes.
    static func points(_ data: Data, file: String) throws(DataError) -> [EquityPoint] {
        let bytes = [UInt8](data)
        guard bytes.starts(with: header) else { throw DataError(.badHeader, file: file, line: 1, column: 1, "expected time,equity,cash,exposed") }
        var points: [EquityPoint] = []
        var start = header.count
        var number = 1
        while start < bytes.count {
            number += 1
            var end = start
            var commas = (0, 0, 0)
            var count = 0
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == UInt8(ascii: ",") {
                    switch count {
                    case 0: commas.0 = end
                    case 1: commas.1 = end
                    case 2: commas.2 = end
                    default: break
                    }
                    count += 1
                }
                end += 1
            }
            defer { start = end + 1 }
            if end == start { continue }
            guard count == 3 else { throw DataError(.malformedRow, file: file, line: number, "expected 4 fields, found \(count + 1)") }
            guard let time = instant(bytes[start..<commas.0]) else {
                throw DataError(.invalidArtifact, file: file, line: number, column: 1, "time is not an instant YYYY-MM-DDTHH:MM:SSZ")
            }
            guard let equity = decimal(bytes[(commas.0 + 1)..<commas.1]) else {
                throw DataError(.invalidNumber, file: file, line: number, column: commas.0 + 2 - start, "equity is not a decimal")
            }
            let exposed = bytes[(commas.2 + 1)..<end]
            guard exposed.count == 1, exposed.first == UInt8(ascii: "0") || exposed.first == UInt8(ascii: "1") else {
                throw DataError(.invalidArtifact, file: file, line: number, column: commas.2 + 2 - start, "exposed is not 0 or 1")
            }
            points.append(EquityPoint(time: time, equity: equity, exposed: exposed.first == UInt8(ascii: "1")))
        }
        return points
    }

    /// The instant `bytes` spell, or `nil`.
    static func instant(_ bytes: ArraySlice<UInt8>) -> Timestamp? {
        guard bytes.count == 20 else { return ISO8601Format.parse(String(decoding: bytes, as: UTF8.self)) }
        let base = bytes.startIndex
        func number(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in (base + offset)..<(base + offset + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")]
        guard separators.allSatisfy({ bytes[base + $0.0] == $0.1.asciiValue }),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2), let minute = number(14, 2),
            let second = number(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = ISO8601Format.daysFromCivil(year: year, month: month, day: day)
        return Timestamp(secondsSinceEpoch: days * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    /// The decimal `bytes` spell, or `nil`.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> FixedPoint? {
        var index = bytes.startIndex
        let negative = index < bytes.endIndex && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var units: Int64 = 0
        var digits = 0
        var places = -1
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") && places < 0 {
                places = 0
            } else if byte >= 48 && byte <= 57 {
                units = units * 10 + Int64(byte - 48)
                digits += 1
                if places >= 0 { places += 1 }
            } else {
                return FixedPoint(String(decoding: bytes, as: UTF8.self))
            }
            guard digits <= 18, places <= 8 else { return FixedPoint(String(decoding: bytes, as: UTF8.self)) }
            index += 1
        }
        guard digits > 0, places != 0 else { return nil }
        var raw = units
        for _ in 0..<(8 - max(places, 0)) {
            let (scaled, overflow) = raw.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            raw = scaled
        }
        return FixedPoint(raw: negative ? -raw : raw)
    }
}
