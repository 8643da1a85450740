import ArgumentParser
import TraderCore

/// `--from` and `--to`: the window a report covers.
struct ReportWindowOptions: ParsableArguments {
    @Option(help: "The window's start: 2021-01-01 or 2021-01-01T00:00:00Z.")
    var from: String?

    @Option(help: "The window's end (excluded).")
    var to: String?

    /// The start, if given.
    var start: Timestamp? { get throws { try from.map { try Self.instant($0, as: "--from") } } }
    /// The end, if given.
    var end: Timestamp? { get throws { try to.map { try Self.instant($0, as: "--to") } } }

    func validate() throws {
        if let start = try start, let end = try end, start >= end {
            throw ValidationError("--from \(from ?? "") is not before --to \(to ?? ""): the window is empty")
        }
    }

    private static func instant(_ text: String, as option: String) throws -> Timestamp {
        guard let time = ISO8601Format.parse(text.count == 10 ? text + "T00:00:00Z" : text) else {
            throw ValidationError("\(option): cannot read \"\(text)\" (2021-01-01 or 2021-01-01T00:00:00Z)")
        }
        return time
    }
}

/// Output formats.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
