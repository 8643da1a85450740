extension FixedPoint {
    /// The fixed-point value nearest to `value` (ties away from zero), for configuration numbers
    /// written as decimals (`2.5`, `0.1`); `nil` when `value` is not finite or out of range.
    ///
    /// A decimal with at most eight fraction digits and under 10⁷ in magnitude converts exactly:
    /// its nearest `Double` is within half a unit of 10⁻⁸ of it, so rounding finds it again.
    public init?(nearest value: Double) {
        let scaled = (value * Double(Self.scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, let raw = Int64(exactly: scaled), raw != .min else { return nil }
        self.init(raw: raw)
    }
}
