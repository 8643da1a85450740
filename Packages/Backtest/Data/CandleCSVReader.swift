#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TraderCore

/// Reads candles from a CSV file with the header `timestamp,open,high,low,close,volume`
/// (`timestamp` in Unix seconds UTC, the bar's open time), streaming: it holds one 64 KiB buffer,
/// never the whole file, so memory stays flat however long the history.
///
/// Rows must ascend in time. A row that repeats the previous one exactly is dropped and counted; a
/// repeated timestamp with other values, a step back in time, a malformed row or number and an
/// inconsistent candle are errors naming the file, line and column. Gaps (steps longer than the
/// interval) are not errors, markets have them; they are counted in ``quality``.
///
/// Numbers are parsed exactly into fixed point. Digits beyond the eighth decimal place (the files'
/// shortest float spellings such as `0.09946999000000001`) are rounded half to even.
public final class CandleCSVReader {
    /// The file read.
    public let path: String
    /// What was found so far; complete once ``next()`` returned `nil`.
    public private(set) var quality = DataQuality()

    /// Bytes of the file read so far (for progress).
    public private(set) var bytesRead = 0
    /// The file's size when it was opened.
    public private(set) var fileSize = 0

    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    private var line = 0
    private var previous: Candle?

    /// The header every file starts with.
    public static let header = "timestamp,open,high,low,close,volume"

    /// Opens `path` and checks its header; `interval`, when given, is the expected bar interval
    /// (else the first step between rows).
    ///
    /// - Throws: ``DataError`` `io` when the file cannot be read or is not a regular file (a FIFO,
    ///   a device), `bad_header` for another header.
    public init(path: String, interval: BarInterval? = nil) throws(DataError) {
        self.path = path
        // Non-blocking, so that a FIFO without a writer cannot hold the open; refused just below.
        descriptor = open(path, O_RDONLY | O_NONBLOCK)
        buffer = Array(repeating: 0, count: 1 << 16)
        quality.interval = interval
        guard descriptor >= 0 else {
            throw DataError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DataError(.io, file: path, "cannot read: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw DataError(.io, file: path, "not a regular file") }
        fileSize = Int(status.st_size)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let first = try nextLine() else {
            throw DataError(.badHeader, file: path, line: 1, column: 1, "the file is empty; expected the header \(Self.header)")
        }
        guard buffer[first].elementsEqual(Self.header.utf8) else {
            throw DataError(
                .badHeader, file: path, line: 1, column: 1, "expected \"\(Self.header)\", found \"\(text(first))\"")
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The next candle; `nil` at the end of the file.
    ///
    /// - Throws: ``DataError`` for a row that cannot be used (nothing after it is read).
    public func next() throws(DataError) -> Candle? {
        while let row = try nextLine() {
            if row.isEmpty { continue }
            let candle = try parse(row)
            if let previous {
                if candle.time == previous.time {
                    guard candle == previous else {
                        throw DataError(
                            .duplicateTimestamp, file: path, line: line, column: 1,
                            "timestamp \(candle.time.secondsSinceEpoch) repeats the row before with other values")
                    }
                    quality.duplicatesDropped += 1
                    continue
                }
                guard candle.time > previous.time else {
                    throw DataError(
                        .outOfOrder, file: path, line: line, column: 1,
                        "timestamp \(candle.time.secondsSinceEpoch) is before the previous row's \(previous.time.secondsSinceEpoch)")
                }
                noteStep(from: previous.time, to: candle.time)
            }
            previous = candle
            quality.rows += 1
            return candle
        }
        return nil
    }

    /// Reads every remaining candle (for small files and tests; backtests stream).
    ///
    /// - Throws: ``DataError``.
    public func readAll() throws(DataError) -> [Candle] {
        var candles: [Candle] = []
        while let candle = try next() { candles.append(candle) }
        return candles
    }

    private func noteStep(from earlier: Timestamp, to later: Timestamp) {
        let step = later.secondsSinceEpoch - earlier.secondsSinceEpoch
        guard let interval = quality.interval else {
            quality.interval = BarInterval(seconds: step)
            return
        }
        guard step > interval.seconds else { return }
        let missing = step / interval.seconds - (step % interval.seconds == 0 ? 1 : 0)
        quality.gapCount += 1
        quality.missingBars += missing
        if quality.gaps.count < DataQuality.maxListedGaps {
            quality.gaps.append(DataQuality.Gap(after: earlier, resumesAt: later, missingBars: missing))
        }
    }

    /// The CSV's value columns, in order.
    private static let valueNames = ["open", "high", "low", "close", "volume"]
    /// The latest bar open time read, in Unix seconds (2261-07-14): `Timestamp` ends in 2262, and a
    /// run adds bar intervals (up to a day) and latencies to every open time.
    static let latestOpenTime: Int64 = 9_200_000_000

    private func parse(_ row: Range<Int>) throws(DataError) -> Candle {
        let fields: RowFields
        switch Self.fields(of: buffer.span, row) {
        case .success(let read): fields = read
        case .failure(.fieldCount(let found, let column)):
            throw DataError(.malformedRow, file: path, line: line, column: column, "expected 6 fields, found \(found)")
        case .failure(.invalidValue(let index, let field)):
            throw DataError(
                .invalidNumber, file: path, line: line, column: field.lowerBound - row.lowerBound + 1,
                "\(Self.valueNames[index]) \"\(text(field))\" is not a decimal number in the fixed-point range")
        }
        guard let seconds = fields.seconds else {
            throw DataError(
                .invalidNumber, file: path, line: line, column: 1, "timestamp \"\(text(fields.time))\" is not whole Unix seconds")
        }
        guard (0...Self.latestOpenTime).contains(seconds) else {
            let hint = seconds > 1_000_000_000_000 ? "; it looks like milliseconds, and the file must give seconds" : ""
            throw DataError(
                .invalidNumber, file: path, line: line, column: 1,
                "timestamp \(seconds) is outside Unix seconds 0 to \(Self.latestOpenTime) (1970 to 2261)\(hint)")
        }
        let (highColumn, lowColumn) = (fields.highColumn, fields.lowColumn)
        let (open, high, low, close, volume) = fields.values
        guard low.raw > 0 else {
            throw DataError(.invalidCandle, file: path, line: line, column: lowColumn, "low \(low) is not a positive price")
        }
        guard low <= Swift.min(open, close), Swift.max(open, close) <= high else {
            throw DataError(
                .invalidCandle, file: path, line: line, column: Swift.max(open, close) > high ? highColumn : lowColumn,
                "open \(open) and close \(close) must lie within low \(low) and high \(high)")
        }
        return Candle(
            time: Timestamp(secondsSinceEpoch: seconds), open: Price(open), high: Price(high), low: Price(low), close: Price(close),
            volume: Quantity(volume))
    }

    /// A row's fields as read: the time (`nil` seconds when not an integer) and the five values.
    private struct RowFields {
        var time: Range<Int> = 0..<0
        var seconds: Int64?
        var values: (FixedPoint, FixedPoint, FixedPoint, FixedPoint, FixedPoint) = (.zero, .zero, .zero, .zero, .zero)
        var highColumn = 0
        var lowColumn = 0
    }

    /// Why a row's fields cannot be read.
    private enum RowProblem: Error {
        /// Not six fields: how many, and the column to report (the row's end, or the seventh field).
        case fieldCount(found: Int, column: Int)
        /// Value `index` (0 open … 4 volume) is not a decimal in range.
        case invalidValue(index: Int, field: Range<Int>)
    }

    /// Splits `row` of `bytes` at its commas and reads the fields, in one pass over the bytes.
    private static func fields(of bytes: Span<UInt8>, _ row: Range<Int>) -> Result<RowFields, RowProblem> {
        var fields = RowFields()
        var cursor = row.lowerBound
        var count = 0
        var seventhColumn = 0
        while true {
            let fieldStart = cursor
            let scan = DecimalScan(bytes, from: cursor, to: row.upperBound)
            cursor = scan.end
            let field = fieldStart..<cursor
            switch count {
            case 0:
                fields.time = field
                fields.seconds = scan.integer ?? integer(bytes, field)
            case 1...5:
                guard let value = scan.value ?? decimalRounding(bytes, field) else {
                    return .failure(.invalidValue(index: count - 1, field: field))
                }
                switch count {
                case 1: fields.values.0 = value
                case 2: (fields.values.1, fields.highColumn) = (value, fieldStart - row.lowerBound + 1)
                case 3: (fields.values.2, fields.lowColumn) = (value, fieldStart - row.lowerBound + 1)
                case 4: fields.values.3 = value
                default: fields.values.4 = value
                }
            case 6: seventhColumn = fieldStart - row.lowerBound + 1
            default: break
            }
            count += 1
            guard cursor < row.upperBound else { break }
            cursor += 1  // the comma
        }
        guard count == 6 else { return .failure(.fieldCount(found: count, column: count < 6 ? row.count + 1 : seventhColumn)) }
        return .success(fields)
    }

    /// One field read up to its comma, as digits and at most one point.
    ///
    /// perf: the usual field (at most 18 digits, at most 8 after the point) is read in the same
    /// pass that finds its end, without a check per digit for overflow (which cannot happen
    /// then); any other field is read again the long way, which rounds and checks.
    private struct DecimalScan {
        /// The index of the comma or the row's end.
        let end: Int
        /// The field as a fixed-point decimal, when it takes the short way.
        let value: FixedPoint?
        /// The field as a whole number, when it is one of at most 18 digits.
        let integer: Int64?

        init(_ bytes: Span<UInt8>, from start: Int, to rowEnd: Int) {
            var index = start
            var digits: UInt64 = 0
            var digitCount = 0
            var point = -1
            var clean = true
            while index < rowEnd {
                let byte = bytes[index]
                let digit = byte &- UInt8(ascii: "0")
                if digit < 10 {
                    digits = digits &* 10 &+ UInt64(digit)
                    digitCount += 1
                } else if byte == UInt8(ascii: ",") {
                    break
                } else if byte == UInt8(ascii: "."), point < 0 {
                    point = index
                } else {
                    clean = false
                }
                index += 1
            }
            end = index
            let fractionDigits = point < 0 ? 0 : index - point - 1
            guard clean, (1...18).contains(digitCount) else {
                (value, integer) = (nil, nil)
                return
            }
            integer = point < 0 ? Int64(digits) : nil
            guard fractionDigits <= 8 else {
                value = nil
                return
            }
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: CandleCSVReader.powersOfTen[8 - fractionDigits])
            value = !overflow && scaled < UInt64(Int64.max) ? FixedPoint(raw: Int64(scaled)) : nil
        }
    }

    /// The next line's bytes in the buffer, without its terminator (`\n` or `\r\n`); `nil` at the
    /// end of the file.
    private func nextLine() throws(DataError) -> Range<Int>? {
        while true {
            if let newline = newlineIndex() {
                line += 1
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                defer { start = newline + 1 }
                return start..<lineEnd
            }
            if atEndOfFile {
                guard start < end else { return nil }
                line += 1
                defer { start = end }
                return start..<end
            }
            try fill()
        }
    }

    /// The index of the first newline in `buffer[start..<end]`, if any.
    private func newlineIndex() -> Int? {
        // perf: the C library's memchr scans a word or a vector at a time; a byte-by-byte search
        // was a tenth of parsing a row.
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, start < end,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    private func fill() throws(DataError) {
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count {
            guard buffer.count < Self.maxLineLength else {
                throw DataError(
                    .malformedRow, file: path, line: line + 1, column: 1, "a line longer than \(Self.maxLineLength) bytes")
            }
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let count = buffer.withUnsafeMutableBytes { bytes in
            read(descriptor, bytes.baseAddress! + end, bytes.count - end)
        }
        guard count >= 0 else {
            throw DataError(.io, file: path, line: line, "read failed: \(String(cString: strerror(errno)))")
        }
        if count == 0 { atEndOfFile = true }
        end += count
        bytesRead += count
    }

    /// A field for a message, cut to 64 bytes.
    private static func text(_ field: ArraySlice<UInt8>) -> String {
        field.count <= 64 ? String(decoding: field, as: UTF8.self) : String(decoding: field.prefix(64), as: UTF8.self) + "…"
    }

    /// The text of the buffer's bytes in `field`, cut to 64 bytes, for a message.
    private func text(_ field: Range<Int>) -> String { Self.text(buffer[field]) }

    /// The longest line read (1 MiB; a row is under 200 bytes): input without line ends, such as
    /// `/dev/zero` through a pipe, is an error instead of a buffer that grows without bound.
    static let maxLineLength = 1 << 20

    /// A whole number of ASCII digits, optionally negative.
    private static func integer(_ bytes: Span<UInt8>, _ field: Range<Int>) -> Int64? {
        var index = field.lowerBound
        let negative = index < field.upperBound && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < field.upperBound, field.upperBound - index <= 18 else { return nil }
        var value: Int64 = 0
        while index < field.upperBound {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }

    /// ``decimal(_:_:)`` of a whole byte string (for tests of the rounding).
    static func decimal(_ text: [UInt8]) -> FixedPoint? {
        decimal(text.span, text.indices)
    }

    static func decimal(_ bytes: Span<UInt8>, _ field: Range<Int>) -> FixedPoint? {
        let scan = DecimalScan(bytes, from: field.lowerBound, to: field.upperBound)
        guard scan.end == field.upperBound else { return nil }  // a comma inside
        return scan.value ?? decimalRounding(bytes, field)
    }

    fileprivate static let powersOfTen: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// ``decimal(_:_:)`` for any field: digits past the eighth decimal round half to even, and
    /// each step is checked for overflow.
    private static func decimalRounding(_ bytes: Span<UInt8>, _ field: Range<Int>) -> FixedPoint? {
        var raw: Int64 = 0
        var fractionDigits = -1  // -1 before the point
        var digitCount = 0
        var firstDropped: UInt8?  // the first digit past the eighth decimal
        var droppedNonZero = false  // any digit after that one
        for index in field {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let digit = byte - UInt8(ascii: "0")
            digitCount += 1
            if fractionDigits >= 8 {
                if firstDropped == nil { firstDropped = digit } else if digit != 0 { droppedNonZero = true }
                continue
            }
            let (shifted, overflow) = raw.multipliedReportingOverflow(by: 10)
            guard !overflow, shifted <= Int64.max - Int64(digit) else { return nil }
            raw = shifted + Int64(digit)
            if fractionDigits >= 0 { fractionDigits += 1 }
        }
        guard digitCount > 0 else { return nil }
        for _ in Swift.max(fractionDigits, 0)..<8 {
            let (shifted, overflow) = raw.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            raw = shifted
        }
        if let dropped = firstDropped, dropped > 5 || (dropped == 5 && (droppedNonZero || raw & 1 == 1)) {
            raw += 1
        }
        return raw == .max ? nil : FixedPoint(raw: raw)
    }
}
