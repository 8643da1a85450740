/// The market regime that decides which signals may trade and how large.
public enum Regime: String, CaseIterable, Sendable, Codable {
    /// A persistent directional move: trend-following signals fit.
    case trend
    /// A range-bound, mean-reverting market: fading extremes fits.
    case chop
    /// A falling market: new risk is cut down.
    case bear
}
