import TraderCore
import YAMLConfig

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The gate in front of real money. `staging` refuses `LIVE`; `production` with `LIVE` requires the
/// venue's credentials, alerting with at least one route whose webhook is set, a kill-switch file
/// and a writable state path.
struct ProductionGate {
    let app: AppConfig
    let policy: PolicyConfig?
    let secrets: TraderSecrets
    let locate: ConfigLocator

    func findings() -> [YAMLDiagnostic] {
        guard app.mode == .live else { return [] }
        let modeOrigin = locate.valueOrigin(.app, "mode")
        guard app.environment == .production else {
            return [
                YAMLDiagnostic(
                    code: .liveInStaging, origin: modeOrigin, path: "mode",
                    message: "staging refuses mode LIVE; use DRY_RUN or PAPER, or deploy to production")
            ]
        }
        var findings: [YAMLDiagnostic] = []
        let missing = secrets.missingCredentials(for: app.venue)
        if !missing.isEmpty {
            findings.append(
                YAMLDiagnostic(
                    code: .missingCredentials, origin: locate.valueOrigin(.app, "venue"), path: "venue",
                    message: "LIVE on \(app.venue.rawValue) needs \(missing.joined(separator: " and ")) "
                        + "(in the environment or the secrets file)"))
        }
        if !app.alerts.enabled || app.alerts.routes.isEmpty {
            findings.append(
                YAMLDiagnostic(
                    code: .alertingRequired, origin: locate.valueOrigin(.app, "alerts", "enabled"), path: "alerts.enabled",
                    message: "LIVE in production needs alerts enabled with at least one route"))
        } else {
            for (index, route) in app.alerts.routes.enumerated() where secrets.alertWebhooks[route.name] == nil {
                findings.append(
                    YAMLDiagnostic(
                        code: .missingAlertWebhook, origin: locate.valueOrigin(.app, "alerts", "routes", .index(index), "name"),
                        path: "alerts.routes[\(index)].name",
                        message: "route \(Quoted.text(route.name)) has no webhook; set \(route.webhookVariable)"))
            }
        }
        if let policy, (policy.risk.killSwitchFile ?? "").isEmpty {
            findings.append(
                YAMLDiagnostic(
                    code: .missingKillSwitch, origin: locate(.policy, "risk"), path: "risk.kill_switch_file",
                    message: "LIVE in production needs a kill-switch file path"))
        }
        if let problem = Self.writeProblem(statePath: app.state.path) {
            findings.append(
                YAMLDiagnostic(
                    code: .stateNotWritable, origin: locate.valueOrigin(.app, "state", "path"), path: "state.path",
                    message: problem))
        }
        return findings
    }

    /// Why the state file cannot be written, or `nil` when it can: the file is writable, or it does
    /// not exist yet and the nearest existing folder above it is writable (the runtime creates the
    /// missing folders).
    static func writeProblem(statePath path: String) -> String? {
        if access(path, F_OK) == 0 {
            return access(path, W_OK) == 0 ? nil : "the state file \(path) is not writable"
        }
        var folder = path
        repeat {
            folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? "."
            if folder.isEmpty { folder = "/" }
        } while access(folder, F_OK) != 0 && folder != "." && folder != "/"
        var status = stat()
        guard stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            return "\(folder), which would hold \(path), is not a folder"
        }
        return access(folder, W_OK) == 0 ? nil : "the folder \(folder) that would hold \(path) is not writable"
    }
}
