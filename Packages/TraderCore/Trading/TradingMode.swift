/// How a trading node treats the orders it decides on. The engine never branches on the mode; the
/// shell around it does.
public enum TradingMode: String, CaseIterable, Sendable, Codable {
    /// Decide and log; send nothing anywhere.
    case dryRun = "DRY_RUN"
    /// Send orders to a simulated venue: the local simulator or the venue's sandbox.
    case paper = "PAPER"
    /// Send orders to the real venue, with real money.
    case live = "LIVE"
}
