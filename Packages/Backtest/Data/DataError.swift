/// Historical data that cannot be used, said with the file and line it came from.
public struct DataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable code for what went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The snake_case name.
        public let rawValue: String
        /// The file cannot be opened or read.
        public static let io = Code(rawValue: "io")
        /// The first line is not `timestamp,open,high,low,close,volume`.
        public static let badHeader = Code(rawValue: "bad_header")
        /// A row without exactly six fields.
        public static let malformedRow = Code(rawValue: "malformed_row")
        /// A field that is not a number of the expected form.
        public static let invalidNumber = Code(rawValue: "invalid_number")
        /// Prices that do not make a candle (high below low, a non-positive price).
        public static let invalidCandle = Code(rawValue: "invalid_candle")
        /// A timestamp earlier than the row before it.
        public static let outOfOrder = Code(rawValue: "out_of_order")
        /// A timestamp seen before with different values.
        public static let duplicateTimestamp = Code(rawValue: "duplicate_timestamp")
        /// A resampling interval that the data's interval does not divide.
        public static let incompatibleInterval = Code(rawValue: "incompatible_interval")
        /// Two files claim the same symbol.
        public static let duplicateSymbol = Code(rawValue: "duplicate_symbol")
        /// A run's artifact (read back for a report) that is not what a backtest writes.
        public static let invalidArtifact = Code(rawValue: "invalid_artifact")
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The file.
    public let file: String
    /// The 1-based line (0 when the whole file is concerned).
    public let line: Int
    /// The 1-based column of the field at fault (0 when the whole row is concerned).
    public let column: Int
    /// Details for people.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, file: String, line: Int = 0, column: Int = 0, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: code: message`, the compilers' format.
    public var description: String {
        let place = line == 0 ? file : column == 0 ? "\(file):\(line)" : "\(file):\(line):\(column)"
        return "\(place): error: \(code): \(message)"
    }
}
