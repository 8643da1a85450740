import YAMLConfig

/// `app.yaml` `logging`: level, format and an optional rotated file.
public struct LoggingSettings: Hashable, Sendable, Codable {
    /// The least severe level written.
    public enum Level: String, CaseIterable, Hashable, Sendable, Codable {
        case trace, debug, info, notice, warning, error, critical
    }

    /// How log lines are written.
    public enum Format: String, CaseIterable, Hashable, Sendable, Codable {
        /// One JSON object a line, for collectors.
        case json
        /// Plain text, for people.
        case text
    }

    /// Rotation of the log file by size.
    public struct Rotation: Hashable, Sendable, Codable, YAMLFieldRules {
        /// Rotate when the file reaches this many MiB.
        public var maxSizeMb: Int
        /// How many rotated files to keep.
        public var maxFiles: Int

        public static let yamlFieldRules: [String: YAMLFieldRule] = [
            "max_size_mb": .range(1...10_240), "max_files": .range(1...1000),
        ]
    }

    /// The least severe level written.
    public var level: Level
    /// How lines are written.
    public var format: Format
    /// The log file; standard error when absent.
    public var file: String?
    /// Size-based rotation of ``file``.
    public var rotation: Rotation
}
