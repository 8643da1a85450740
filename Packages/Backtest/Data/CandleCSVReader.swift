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
        guard first.elementsEqual(Self.header.utf8) else {
            throw DataError(
                .badHeader, file: path, line: 1, column: 1, "expected \"\(Self.header)\", found \"\(Self.text(first))\"")
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

    private func parse(_ row: ArraySlice<UInt8>) throws(DataError) -> Candle {
        var cursor = row.startIndex
        var fieldCount = 0
        /// The next comma-separated field; `nil` after the last.
        func nextField() -> ArraySlice<UInt8>? {
            guard cursor <= row.endIndex else { return nil }
            let fieldStart = cursor
            while cursor < row.endIndex && row[cursor] != UInt8(ascii: ",") { cursor += 1 }
            let field = row[fieldStart..<cursor]
            cursor += 1
            fieldCount += 1
            return field
        }
        /// `malformed_row` at `column` (1-based), by default just past the end of a short row.
        func malformed(column: Int = row.count + 1) -> DataError {
            while nextField() != nil {}
            return DataError(.malformedRow, file: path, line: line, column: column, "expected 6 fields, found \(fieldCount)")
        }
        guard let timeField = nextField() else { throw malformed() }
        var values: (FixedPoint, FixedPoint, FixedPoint, FixedPoint, FixedPoint) = (.zero, .zero, .zero, .zero, .zero)
        var lowColumn = 0
        var highColumn = 0
        for index in 0..<5 {
            guard let field = nextField() else { throw malformed() }
            guard let value = Self.decimal(field) else {
                throw DataError(
                    .invalidNumber, file: path, line: line, column: field.startIndex - row.startIndex + 1,
                    "\(Self.valueNames[index]) \"\(Self.text(field))\" is not a decimal number in the fixed-point range")
            }
            switch index {
            case 0: values.0 = value
            case 1: values.1 = value; highColumn = field.startIndex - row.startIndex + 1
            case 2: values.2 = value; lowColumn = field.startIndex - row.startIndex + 1
            case 3: values.3 = value
            default: values.4 = value
            }
        }
        let seventhColumn = cursor - row.startIndex + 1
        guard nextField() == nil else { throw malformed(column: seventhColumn) }
        guard let seconds = Self.integer(timeField) else {
            throw DataError(
                .invalidNumber, file: path, line: line, column: 1, "timestamp \"\(Self.text(timeField))\" is not whole Unix seconds")
        }
        guard (0...Self.latestOpenTime).contains(seconds) else {
            let hint = seconds > 1_000_000_000_000 ? "; it looks like milliseconds, and the file must give seconds" : ""
            throw DataError(
                .invalidNumber, file: path, line: line, column: 1,
                "timestamp \(seconds) is outside Unix seconds 0 to \(Self.latestOpenTime) (1970 to 2261)\(hint)")
        }
        let (open, high, low, close, volume) = values
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

    /// The next line without its terminator (`\n` or `\r\n`); `nil` at the end of the file.
    private func nextLine() throws(DataError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n")) {
                line += 1
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                defer { start = newline + 1 }
                return buffer[start..<lineEnd]
            }
            if atEndOfFile {
                guard start < end else { return nil }
                line += 1
                defer { start = end }
                return buffer[start..<end]
            }
            try fill()
        }
    }

    /// Moves the unread bytes to the front and reads more after them, growing the buffer only for
    /// a line longer than it.
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

    /// The longest line read (1 MiB; a row is under 200 bytes): input without line ends, such as
    /// `/dev/zero` through a pipe, is an error instead of a buffer that grows without bound.
    static let maxLineLength = 1 << 20

    /// A whole number of ASCII digits, optionally negative.
    private static func integer(_ field: ArraySlice<UInt8>) -> Int64? {
        var digits = field[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// A non-negative decimal (`123`, `0.5`, `46319.0`) as fixed point, rounded half to even past
    /// eight decimal places; `nil` for anything else or a value out of range.
    static func decimal(_ field: ArraySlice<UInt8>) -> FixedPoint? {
        var raw: Int64 = 0
        var fractionDigits = -1  // -1 before the point
        var digitCount = 0
        var firstDropped: UInt8?  // the first digit past the eighth decimal
        var droppedNonZero = false  // any digit after that one
        for byte in field {
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
