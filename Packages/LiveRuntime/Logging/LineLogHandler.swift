import Foundation
import Logging

/// A swift-log handler writing one line a message, as a JSON object (for collectors) or as text
/// (for people), to a ``RotatingLogFile`` or standard error. Each line carries the time, level,
/// label, message and metadata (`cycle_id`, `mode`, `symbol`, `client_order_id`, ...).
public struct LineLogHandler: LogHandler {
    /// How lines are written.
    public enum Format: Sendable {
        /// One JSON object a line.
        case json
        /// `time level label: message key=value ...`.
        case text
    }

    /// Where lines go.
    public enum Sink: Sendable {
        /// Standard error.
        case standardError
        /// A rotated file.
        case file(RotatingLogFile)
    }

    let label: String
    let format: Format
    let sink: Sink
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    /// A handler for `label` writing lines at `level` and above in `format` to `sink`.
    public init(label: String, level: Logger.Level, format: Format, sink: Sink) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = event.metadata.map { metadata.merging($0) { $1 } } ?? metadata
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        let line: String
        switch format {
        case .json:
            var object: [String: String] = ["time": time, "level": event.level.rawValue, "label": label, "message": event.message.description]
            for (key, value) in merged where object[key] == nil { object[key] = "\(value)" }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            line = ((try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        case .text:
            let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            line = "\(time) \(event.level.rawValue) \(label): \(event.message)\(fields)\n"
        }
        switch sink {
        case .standardError: FileHandle.standardError.write(Data(line.utf8))
        case .file(let file): file.write(line)
        }
    }
}
