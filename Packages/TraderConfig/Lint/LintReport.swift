import YAMLConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of linting: the findings, the configuration hash when valid, and the exit code.
public struct LintReport: Sendable {
    /// How a report is printed.
    public enum Format: String, CaseIterable, Sendable {
        /// Compiler-style lines, `file:line:col: error: code: path: message`, then a summary.
        case text
        /// A JSON array of findings `{code, severity, file, line, column, path, message}`.
        case json
    }

    /// Every finding, in file order.
    public var findings: [YAMLDiagnostic]
    /// The configuration hash, when no finding is an error.
    public var hash: ConfigHash?
    /// Whether warnings fail the lint.
    public var strict: Bool

    /// Creates a report.
    public init(findings: [YAMLDiagnostic], hash: ConfigHash?, strict: Bool) {
        self.findings = findings
        self.hash = hash
        self.strict = strict
    }

    /// The number of errors.
    public var errorCount: Int { findings.count { $0.severity == .error } }
    /// The number of warnings.
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// 0 when valid; 1 for an error (or, under ``strict``, a warning); 2 when a file could not be
    /// read at all.
    public var exitCode: Int32 {
        if findings.contains(where: { $0.code == .unreadableFile }) { return 2 }
        if errorCount > 0 || (strict && warningCount > 0) { return 1 }
        return 0
    }

    /// Whether the configuration passed.
    public var passed: Bool { exitCode == 0 }

    /// The report for standard output.
    public func rendered(as format: Format) -> String {
        switch format {
        case .text: renderedText()
        case .json: renderedJSON()
        }
    }

    private func renderedText() -> String {
        var lines = findings.map(\.description)
        var summary = "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
        if strict, warningCount > 0, errorCount == 0 { summary += " (warnings fail under --strict)" }
        lines.append(summary)
        if passed, let hash { lines.append("config hash: \(hash)") }
        return lines.joined(separator: "\n")
    }

    private func renderedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Findings hold only strings and integers; encoding cannot fail.
        let data = try! encoder.encode(findings.map(JSONFinding.init))
        return String(decoding: data, as: UTF8.self)
    }
}

/// One finding as config-lint prints it in JSON. Environment findings have no file position and
/// name the variable instead.
private struct JSONFinding: Encodable {
    let code: String
    let severity: String
    let file: String?
    let line: Int?
    let column: Int?
    let variable: String?
    let path: String
    let message: String

    init(_ finding: YAMLDiagnostic) {
        code = finding.code.rawValue
        severity = finding.severity.rawValue
        file = finding.origin.location?.file
        line = finding.origin.location?.line
        column = finding.origin.location?.column
        variable = finding.origin.variable
        path = finding.path
        message = finding.message
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encodeIfPresent(variable, forKey: .variable)
        try container.encode(path, forKey: .path)
        try container.encode(message, forKey: .message)
    }

    enum CodingKeys: String, CodingKey { case code, severity, file, line, column, variable, path, message }
}
