import TradingEngine
import TraderCore

extension Alert {
    /// The venue refusals in one cycle from which they are a burst.
    public static let refusalBurst = 3

    /// The warning that `report`'s differences were adopted from the venue, `when` (at start-up,
    /// in a cycle): how many, of which kinds.
    static func reconcileMismatch(_ report: ReconciliationReport, when: String, at time: Timestamp) -> Alert {
        let kinds = Set(report.differences.map(\.kind.rawValue)).sorted().joined(separator: ", ")
        return Alert(.reconcileMismatch, .warning, "\(when) adopted \(report.differences.count) differences from the venue (\(kinds))", at: time)
    }

    /// What a cycle tells operators, from what it refused and why: the kill switch, a daily or
    /// weekly loss stop hit, the drawdown halt, a breaker tripped (venue errors, rate limits, an
    /// exchange halt, a crash regime), and a burst of orders the venue refused. The dispatcher
    /// deduplicates them, so a condition that lasts is told once a window.
    ///
    /// - Parameters:
    ///   - rejections: proposals refused and halts, by risk reason code (``LiveCycleReport/rejections``).
    ///   - venueRefusals: orders the venue refused in the cycle.
    public static func raised(
        byRejections rejections: [String: Int], venueRefusals: Int, killSwitchEngaged: Bool, at time: Timestamp
    ) -> [Alert] {
        var alerts: [Alert] = []
        if killSwitchEngaged { alerts.append(Alert(.killSwitch, .critical, "the kill switch is engaged: no new orders", at: time)) }
        if rejections["daily_loss_limit"] != nil {
            alerts.append(Alert(.dailyStop, .critical, "the daily loss stop is hit: no new entries until the next day", at: time))
        }
        if rejections["weekly_loss_limit"] != nil {
            alerts.append(Alert(.weeklyStop, .critical, "the weekly loss stop is hit: no new entries until the next week", at: time))
        }
        if rejections["max_drawdown"] != nil {
            alerts.append(Alert(.breakerTripped, .critical, "the drawdown halt tripped: trading halted", at: time))
        }
        for code in ["api_error_rate", "rate_limit_hits", "exchange_status_halt", "crash_regime"] where rejections[code] != nil {
            alerts.append(Alert(.breakerTripped, .error, "a breaker tripped (\(code)): no new risk while it holds", at: time))
        }
        if venueRefusals >= refusalBurst {
            alerts.append(Alert(.rejectionBurst, .warning, "the venue refused \(venueRefusals) orders in one cycle", at: time))
        }
        return alerts
    }
}
