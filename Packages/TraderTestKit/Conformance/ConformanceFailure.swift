/// A venue that broke a conformance check: which check, and what it expected and found.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// The check.
    public let check: VenueConformance.Check
    /// What was expected, and what happened instead.
    public let message: String

    public var description: String { "\(check.rawValue): \(message)" }
}
