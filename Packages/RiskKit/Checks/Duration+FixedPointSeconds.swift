import TraderCore

extension Duration {
    /// The duration in seconds, to 10⁻⁸ s (truncated), saturating at the fixed-point range.
    var fixedPointSeconds: FixedPoint {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: FixedPoint.scale)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (raw, carry) = whole.addingReportingOverflow(attoseconds / 10_000_000_000)
        return carry ? (seconds < 0 ? .min : .max) : FixedPoint(raw: raw)
    }
}
