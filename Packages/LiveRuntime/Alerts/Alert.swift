import Foundation
import TraderConfig
import TraderCore

/// Something an operator must hear about, with how serious it is.
public struct Alert: Hashable, Sendable {
    /// What happened; the raw values are stable codes.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case dailyStop = "daily_stop"
        case weeklyStop = "weekly_stop"
        case reconcileMismatch = "reconcile_mismatch"
        case apiFailureBurst = "api_failure_burst"
        case emptyUniverse = "empty_universe"
        case rejectionBurst = "rejection_burst"
        case exceptionBurst = "exception_burst"
        case killSwitch = "kill_switch"
        case breakerTripped = "breaker_tripped"
        case lockConflict = "lock_conflict"
        case cycleOverrun = "cycle_overrun"
    }

    /// What happened.
    public let kind: Kind
    /// How serious it is; routes receive the severities they name.
    public let severity: AlertSettings.Severity
    /// What to tell people (never a secret).
    public let message: String
    /// When it happened.
    public let time: Timestamp

    /// Creates an alert.
    public init(_ kind: Kind, _ severity: AlertSettings.Severity, _ message: String, at time: Timestamp) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.time = time
    }

    /// The Slack-compatible webhook body: `{"text": "[CRITICAL] kill_switch: ..."}`.
    var webhookBody: [UInt8] {
        let text = "[\(severity.rawValue.uppercased())] \(kind.rawValue): \(message)"
        // A dictionary of one string always encodes.
        return (try? JSONEncoder().encode(["text": text])).map(Array.init) ?? []
    }
}
