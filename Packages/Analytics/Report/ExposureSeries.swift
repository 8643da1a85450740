import TraderCore

/// Exposure over time by asset: at each instant, what each asset's positions and working buys
/// amount to, in % of NAV (a backtest's exposure.csv).
public struct ExposureSeries: Hashable, Sendable {
    /// One instant's exposures, in the order of ``ExposureSeries/assets``.
    public struct Point: Hashable, Sendable {
        /// The instant.
        public let time: Timestamp
        /// Each asset's exposure, % of NAV.
        public let percents: [Double]

        /// A point.
        public init(time: Timestamp, percents: [Double]) {
            self.time = time
            self.percents = percents
        }
    }

    /// The assets (base currencies), in column order.
    public let assets: [String]
    /// The points, in time order; each has one value per asset.
    public let points: [Point]

    /// A series of `points` over `assets`.
    public init(assets: [String], points: [Point]) {
        self.assets = assets
        self.points = points
    }

    /// The points in `window`.
    func within(_ window: ReportWindow) -> ExposureSeries {
        ExposureSeries(assets: assets, points: points.filter { window.contains($0.time) })
    }
}
