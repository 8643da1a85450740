import Foundation
import TraderCore

/// What `/health` says of a live node: when its last cycle ran and how long it took, what it
/// holds and has working, how stale its view is, whether its last cycle failed closed, the
/// breakers active, its mode, and from all that whether it is healthy (HTTP 200) or not (503; an
/// active breaker is the node working as it should).
public struct HealthReport: Hashable, Sendable, Codable {
    /// DRY_RUN, PAPER or LIVE.
    public let mode: String
    /// When the last cycle ran; `nil` before the first.
    public let lastCycle: Timestamp?
    /// How long it took, in milliseconds.
    public let lastCycleMilliseconds: Double?
    /// Seconds since the last cycle (since the start before the first).
    public let stalenessSeconds: Double
    /// Positions held.
    public let openPositions: Int
    /// Orders working or in flight.
    public let pendingOrders: Int
    /// Cycles run.
    public let cycles: Int
    /// Whether the last cycle attempted failed closed (the venue could not be read).
    public let lastCycleFailed: Bool
    /// Risk's halts and breakers active in the last cycle, by reason code (`daily_loss_limit`,
    /// `api_error_rate`, `kill_switch_engaged`, ...): the node is working, and refusing new risk.
    public let breakersActive: [String]
    /// Why the node is not healthy; empty when it is.
    public let problems: [String]

    /// Whether the node is healthy.
    public var isHealthy: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case mode, cycles, problems
        case lastCycle = "last_cycle", lastCycleMilliseconds = "last_cycle_ms", stalenessSeconds = "staleness_seconds"
        case openPositions = "open_positions", pendingOrders = "pending_orders", lastCycleFailed = "last_cycle_failed"
        case breakersActive = "breakers_active"
    }

    /// The health of a node whose summary is `summary` at `now`, unhealthy when no cycle has run
    /// for longer than `maxStaleness` or its last one failed closed.
    public init(summary: TradingNode.Summary, mode: TradingMode, now: Timestamp, startedAt: Timestamp, maxStaleness: Duration) {
        self.mode = mode.rawValue
        lastCycle = summary.lastCycle?.time
        lastCycleMilliseconds = summary.lastCycleDuration.map { Double($0.components.seconds) * 1e3 + Double($0.components.attoseconds) / 1e15 }
        let since = summary.lastCycle?.time ?? startedAt
        stalenessSeconds = Double(since.duration(to: now).components.seconds)
        openPositions = summary.openPositions
        pendingOrders = summary.pendingOrders
        cycles = summary.cycles
        lastCycleFailed = summary.lastCycleFailed
        breakersActive = summary.lastCycle?.haltsActive ?? []
        var problems: [String] = []
        if since.duration(to: now) > maxStaleness { problems.append("no cycle for \(Int(stalenessSeconds)) s (at most \(maxStaleness))") }
        if summary.lastCycleFailed { problems.append("the last cycle failed closed: the venue could not be read") }
        self.problems = problems
    }
}
