import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses YAML with the system libyaml into a ``YAMLNode`` tree that keeps file, line and column for
/// every key and value.
///
/// Anchors and aliases are resolved and merge keys (`<<`) applied. A file must hold one document.
/// ``YAMLLimits`` bound file size, nesting depth and node count (aliases counted as expanded), so a
/// hostile file fails fast.
public struct YAMLParser: Sendable {
    /// The bounds applied to every document.
    public var limits: YAMLLimits

    /// Creates a parser with the given bounds.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: ``YAMLDiagnostic`` with code `unreadable_file` when the file cannot be read,
    ///   `file_too_large` past ``YAMLLimits/maxFileBytes``, or any fatal code of ``parse(_:file:)``.
    public func parseFile(atPath path: String) throws(YAMLDiagnostic) -> YAMLDocument {
        let bytes = try FileReader.contents(ofFile: path, maxBytes: limits.maxFileBytes)
        return try parse(bytes: bytes, file: path)
    }

    /// Parses YAML text; `file` names it in diagnostics.
    ///
    /// - Throws: ``YAMLDiagnostic`` for a fatal problem: `syntax_error`, `multiple_documents`,
    ///   `unknown_alias`, `nesting_too_deep`, `too_many_nodes`, `alias_expansion_limit`,
    ///   `file_too_large`.
    public func parse(_ text: String, file: String) throws(YAMLDiagnostic) -> YAMLDocument {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses YAML bytes (UTF-8); `file` names them in diagnostics.
    ///
    /// - Throws: as ``parse(_:file:)``.
    public func parse(bytes: [UInt8], file: String) throws(YAMLDiagnostic) -> YAMLDocument {
        guard bytes.count <= limits.maxFileBytes else {
            throw YAMLDiagnostic(
                code: .fileTooLarge, origin: .file(SourceLocation(file: file, line: 1, column: 1)), path: "",
                message: "the file has \(bytes.count) bytes; the limit is \(limits.maxFileBytes)")
        }
        var builder = TreeBuilder(file: file, limits: limits)
        guard !bytes.isEmpty else { return builder.finish() }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw builder.diagnostic(.syntaxError, line: 1, column: 1, "libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLDiagnostic) -> YAMLDocument in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw Self.syntaxError(parser, builder: builder)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return builder.finish() }
                try builder.consume(event)
            }
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t, builder: TreeBuilder) -> YAMLDiagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { " " + String(cString: $0) } ?? ""
        let mark = parser.problem_mark
        return builder.diagnostic(.syntaxError, line: mark.line + 1, column: mark.column + 1, problem + context)
    }
}
