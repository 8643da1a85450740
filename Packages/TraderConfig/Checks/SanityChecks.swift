import Signals
import TraderCore
import YAMLConfig

/// Cross-field sanity checks: values that are each valid alone but wrong together. Each check has
/// its own code (see ``YAMLDiagnostic/Code``) and points at the value to change.
struct SanityChecks {
    let app: AppConfig?
    let policy: PolicyConfig?
    let universe: UniverseConfig?
    let locate: ConfigLocator

    /// The plausible ranges of fees and slippage, in basis points.
    static let plausibleMakerFeeBps = -10.0...100.0
    static let plausibleTakerFeeBps = 0.0...200.0
    static let plausibleSlippageBps = 0.0...500.0

    func findings() -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if let app { findings += appChecks(app) }
        if let policy {
            findings += riskChecks(policy.risk)
            findings += pacingChecks(policy.pacing)
            findings += executionChecks(policy.execution)
            findings += signalChecks(policy)
            findings += sizingAndOptionsChecks(policy)
        }
        if let universe { findings += universeChecks(universe) }
        if let policy, let universe { findings += capChecks(policy.risk, universe) }
        if let app, let policy, policy.options.isEnabled, app.venue != .ibkr {
            findings.append(
                finding(
                    .optionsWithoutOptionVenue, locate.valueOrigin(.policy, "options", "enabled"), "options.enabled",
                    "the options bot needs a venue that lists options (ibkr); venue \(app.venue.rawValue) lists none"))
        }
        return findings
    }

    private func finding(_ code: YAMLDiagnostic.Code, _ origin: YAMLOrigin, _ path: String, _ message: String,
        severity: YAMLDiagnostic.Severity = .error) -> YAMLDiagnostic {
        YAMLDiagnostic(code: code, severity: severity, origin: origin, path: path, message: message)
    }

    private func format(_ value: Double) -> String { YAMLFieldRuleFormat.number(value) }

    // MARK: - app.yaml

    private func appChecks(_ app: AppConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if app.health.bindAddress == app.metrics.bindAddress, app.health.port == app.metrics.port, app.health.port != 0 {
            findings.append(
                finding(
                    .portConflict, locate.valueOrigin(.app, "metrics", "port"), "metrics.port",
                    "metrics and health both bind \(app.metrics.bindAddress):\(app.metrics.port)"))
        }
        var seen: Set<String> = []
        for (index, route) in app.alerts.routes.enumerated() {
            let origin = locate.valueOrigin(.app, "alerts", "routes", .index(index), "name")
            let path = "alerts.routes[\(index)].name"
            if !Self.isRouteName(route.name) {
                findings.append(
                    finding(
                        .invalidRouteName, origin, path,
                        "route names are lower-case letters, digits and single underscores (its webhook is read from TRADER_ALERT_WEBHOOK_<NAME>), got \(Quoted.text(route.name))"
                    ))
            }
            if !seen.insert(route.name).inserted {
                findings.append(finding(.duplicateRoute, origin, path, "a second route named \(Quoted.text(route.name))"))
            }
        }
        findings += venueChecks(app)
        return findings
    }

    private func venueChecks(_ app: AppConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        let venueOrigin = locate.valueOrigin(.app, "venue")
        switch app.venue {
        case .sim where app.sim == nil:
            findings.append(finding(.missingVenueSettings, venueOrigin, "venue", "venue sim needs a sim: section (its candle files and cash)"))
        case .coinbase where app.coinbase == nil:
            findings.append(finding(.missingVenueSettings, venueOrigin, "venue", "venue coinbase needs a coinbase: section (its base_url)"))
        case .ibkr where app.ibkr == nil:
            findings.append(finding(.missingVenueSettings, venueOrigin, "venue", "venue ibkr needs an ibkr: section (the gateway's port and the client id)"))
        default: break
        }
        if app.venue == .sim, app.mode == .live {
            findings.append(
                finding(.liveOnSimulator, locate.valueOrigin(.app, "mode"), "mode", "mode LIVE trades real money; venue sim is the paper venue"))
        }
        var symbols: Set<String> = []
        for (index, candles) in (app.sim?.candles ?? []).enumerated() where !symbols.insert(candles.symbol).inserted {
            findings.append(
                finding(
                    .duplicateCandleSymbol, locate.valueOrigin(.app, "sim", "candles", .index(index), "symbol"), "sim.candles[\(index)].symbol",
                    "a second candle file for \(candles.symbol)"))
        }
        return findings
    }

    static func isRouteName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("__") && !name.hasPrefix("_") && !name.hasSuffix("_")
            && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    // MARK: - policy.yaml

    private func riskChecks(_ risk: RiskPolicy) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if risk.maxWeeklyLossPct < risk.maxDailyLossPct {
            findings.append(
                finding(
                    .weeklyLossBelowDaily, locate.valueOrigin(.policy, "risk", "max_weekly_loss_pct"),
                    "risk.max_weekly_loss_pct",
                    "the weekly loss stop (\(format(risk.maxWeeklyLossPct))%) is below the daily one (\(format(risk.maxDailyLossPct))%)"
                ))
        }
        if risk.maxThemeExposurePct > risk.maxTotalExposurePct {
            findings.append(
                finding(
                    .themeCapAboveTotalCap, locate.valueOrigin(.policy, "risk", "max_theme_exposure_pct"),
                    "risk.max_theme_exposure_pct",
                    "the theme cap (\(format(risk.maxThemeExposurePct))%) is above the total cap (\(format(risk.maxTotalExposurePct))%)"
                ))
        }
        for (theme, cap) in risk.themeCaps.sorted(by: { $0.key < $1.key }) where cap > risk.maxTotalExposurePct {
            findings.append(
                finding(
                    .themeCapAboveTotalCap, locate.valueOrigin(.policy, "risk", "theme_caps", .key(theme)),
                    "risk.theme_caps.\(theme)",
                    "the cap of theme \(theme) (\(format(cap))%) is above the total cap (\(format(risk.maxTotalExposurePct))%)"))
        }
        for (index, check) in (risk.checks ?? []).enumerated() where risk.checks![..<index].contains(check) {
            findings.append(
                finding(
                    .duplicateRiskCheck, locate.valueOrigin(.policy, "risk", "checks", .index(index)), "risk.checks[\(index)]",
                    "check \"\(check.rawValue)\" is listed twice"))
        }
        if let checks = risk.checks, !checks.contains(.exposure) {
            findings.append(
                finding(
                    .exposureCheckOmitted, locate.valueOrigin(.policy, "risk", "checks"), "risk.checks",
                    "the list leaves out exposure: no total, theme, asset or tier cap is enforced", severity: .warning))
        }
        for asset in risk.assetCaps.keys.sorted() where !Symbol.isAssetCode(asset) {
            findings.append(
                finding(
                    .invalidAsset, locate(.policy, "risk", "asset_caps", .key(asset)), "risk.asset_caps.\(asset)",
                    "\(Quoted.text(asset)) is not an asset code (1 to 12 upper-case letters or digits, such as BTC)"))
        }
        return findings
    }

    private func pacingChecks(_ pacing: PacingPolicy) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if pacing.cooldownAfterLossMinutes < pacing.cooldownAfterWinMinutes {
            findings.append(
                finding(
                    .lossCooldownShorterThanWin, locate.valueOrigin(.policy, "pacing", "cooldown_after_loss_minutes"),
                    "pacing.cooldown_after_loss_minutes",
                    "the cooldown after a loss (\(pacing.cooldownAfterLossMinutes) min) is shorter than after a win (\(pacing.cooldownAfterWinMinutes) min)"
                ))
        }
        if pacing.maxTradesPerHour > pacing.maxTradesPerDay {
            findings.append(
                finding(
                    .hourlyTradesAboveDaily, locate.valueOrigin(.policy, "pacing", "max_trades_per_hour"),
                    "pacing.max_trades_per_hour",
                    "more trades per hour (\(pacing.maxTradesPerHour)) than per day (\(pacing.maxTradesPerDay))"))
        }
        return findings
    }

    private func executionChecks(_ execution: ExecutionPolicy) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if execution.defaultOrderType == .limitPostOnly, execution.postOnlyTtlSeconds <= 0 {
            findings.append(
                finding(
                    .postOnlyTTLNotPositive, locate.valueOrigin(.policy, "execution", "post_only_ttl_seconds"),
                    "execution.post_only_ttl_seconds",
                    "post-only orders need a time-to-live above 0 seconds, got \(execution.postOnlyTtlSeconds)"))
        }
        if execution.defaultOrderType == .market, !execution.allowMarketOrders {
            findings.append(
                finding(
                    .marketOrdersNotAllowed, locate.valueOrigin(.policy, "execution", "default_order_type"),
                    "execution.default_order_type",
                    "the default order type is market, but allow_market_orders is false; choose limit_post_only or limit, "
                        + "or allow market orders"))
        }
        let fees: [(String, Double, ClosedRange<Double>)] = [
            ("maker_fee_bps", execution.makerFeeBps, Self.plausibleMakerFeeBps),
            ("taker_fee_bps", execution.takerFeeBps, Self.plausibleTakerFeeBps),
            ("slippage_bps", execution.slippageBps, Self.plausibleSlippageBps),
        ]
        for (key, value, plausible) in fees where !plausible.contains(value) {
            findings.append(
                finding(
                    .implausibleFeeBps, locate.valueOrigin(.policy, "execution", .key(key)), "execution.\(key)",
                    "\(format(value)) bps is outside the plausible \(format(plausible.lowerBound)) to \(format(plausible.upperBound)) bps (1 bps = 0.01%)"
                ))
        }
        return findings
    }

    private func signalChecks(_ policy: PolicyConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        var enabled: [String] = []
        for (index, (signal, spec)) in zip(policy.signals, policy.signalSpecs).enumerated() {
            for (key, value) in signal.params.sorted(by: { $0.key < $1.key }) where value.doubleValue == nil {
                findings.append(
                    finding(
                        .invalidSignalParameter, locate.valueOrigin(.policy, "signals", .index(index), "params", .key(key)),
                        "signals[\(index)].params.\(key)", "\(signal.name).\(key) must be a number"))
            }
            for problem in SignalRegistry.problems(with: spec) {
                let path: [YAMLPathComponent] =
                    problem.parameter.map { ["signals", .index(index), "params", .key($0)] } ?? ["signals", .index(index), "name"]
                let origin =
                    problem.code == "unknown_signal_parameter"
                    ? locate.origin(.policy, path) : locate.valueOrigin(.policy, path)
                findings.append(
                    finding(YAMLDiagnostic.Code(rawValue: problem.code), origin, YAMLPathComponent.render(path), problem.message))
            }
            if enabled.contains(signal.name) {
                findings.append(
                    finding(
                        .duplicateSignal, locate.valueOrigin(.policy, "signals", .index(index), "name"),
                        "signals[\(index)].name", "signal \(Quoted.text(signal.name)) is enabled twice"))
            }
            enabled.append(signal.name)
        }
        for regime in Regime.allCases {
            for (index, name) in policy.regimes[regime].allowedSignals.enumerated() where !enabled.contains(name) {
                var message = "regime \(regime.rawValue) allows \(Quoted.text(name)), which is not in signals"
                // Only a name the registry knows: an enabled typo is its own unknown_signal finding.
                let known = enabled.filter(SignalRegistry.names.contains)
                if let suggestion = Suggestion.closest(to: name, among: known) { message += "; did you mean \"\(suggestion)\"?" }
                findings.append(
                    finding(
                        .regimeUnknownSignal,
                        locate.valueOrigin(.policy, "regimes", .key(regime.rawValue), "allowed_signals", .index(index)),
                        "regimes.\(regime.rawValue).allowed_signals[\(index)]", message))
            }
        }
        return findings
    }

    private func sizingAndOptionsChecks(_ policy: PolicyConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        if policy.sizing.baseSizePct > policy.sizing.maxSizePct {
            findings.append(
                finding(
                    .baseSizeAboveMaxSize, locate.valueOrigin(.policy, "sizing", "base_size_pct"), "sizing.base_size_pct",
                    "the base size (\(format(policy.sizing.baseSizePct))%) is above the maximum size (\(format(policy.sizing.maxSizePct))%)"
                ))
        }
        let hours = policy.options.regularTradingHours
        if hours.open >= hours.close {
            findings.append(
                finding(
                    .invalidTradingHours,
                    locate.valueOrigin(.policy, "options", "regular_trading_hours", "close"),
                    "options.regular_trading_hours.close", "the session closes (\(hours.close)) before it opens (\(hours.open))"))
        }
        return findings
    }

    // MARK: - universe.yaml

    private func universeChecks(_ universe: UniverseConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        var tierNames: Set<String> = []
        var tierOf: [Symbol: String] = [:]
        for (tierIndex, tier) in universe.tiers.enumerated() {
            if !tierNames.insert(tier.name).inserted {
                findings.append(
                    finding(
                        .duplicateTier, locate.valueOrigin(.universe, "tiers", .index(tierIndex), "name"),
                        "tiers[\(tierIndex)].name", "a second tier named \(Quoted.text(tier.name))"))
            }
            if tier.maxPositionPct > tier.maxAllocationPct {
                findings.append(
                    finding(
                        .tierPositionAboveAllocation, locate.valueOrigin(.universe, "tiers", .index(tierIndex), "max_position_pct"),
                        "tiers[\(tierIndex)].max_position_pct",
                        "a position (\(format(tier.maxPositionPct))%) may not exceed the whole tier's allocation "
                            + "(\(format(tier.maxAllocationPct))%)"))
            }
            for (index, symbol) in tier.symbols.enumerated() {
                let origin = locate.valueOrigin(.universe, "tiers", .index(tierIndex), "symbols", .index(index))
                let path = "tiers[\(tierIndex)].symbols[\(index)]"
                if let other = tierOf[symbol] {
                    findings.append(
                        finding(.symbolInTwoTiers, origin, path, "\(symbol) is already in tier \(Quoted.text(other))"))
                } else {
                    tierOf[symbol] = tier.name
                }
                if universe.exclusions.contains(symbol) {
                    findings.append(
                        finding(
                            .excludedSymbolInTier, origin, path, "\(symbol) is excluded; the exclusion wins",
                            severity: .warning))
                }
            }
        }
        let total = universe.tiers.reduce(0) { $0 + $1.maxAllocationPct }
        if total > 100 {
            findings.append(
                finding(
                    .tierAllocationOver100, locate(.universe, "tiers"), "tiers",
                    "tier allocations add up to \(format(total))% of NAV; at most 100"))
        }
        if !tierNames.contains(universe.discovery.tier) {
            var message = "discovery.tier names \(Quoted.text(universe.discovery.tier)), which is not a tier"
            if let suggestion = Suggestion.closest(to: universe.discovery.tier, among: tierNames.sorted()) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            findings.append(finding(.unknownTier, locate.valueOrigin(.universe, "discovery", "tier"), "discovery.tier", message))
        }
        var themeOf: [Symbol: String] = [:]
        let themesInFileOrder = locate.keys(.universe, "themes") ?? universe.themes.keys.sorted()
        for theme in themesInFileOrder {
            for (index, symbol) in (universe.themes[theme] ?? []).enumerated() {
                if let other = themeOf[symbol] {
                    findings.append(
                        finding(
                            .symbolInTwoThemes, locate.valueOrigin(.universe, "themes", .key(theme), .index(index)),
                            "themes.\(theme)[\(index)]", "\(symbol) is already in theme \(Quoted.text(other))"))
                } else {
                    themeOf[symbol] = theme
                }
            }
        }
        return findings
    }

    // MARK: - policy.yaml with universe.yaml

    /// Each asset's cap against its theme's cap, and theme caps against the themes that exist.
    private func capChecks(_ risk: RiskPolicy, _ universe: UniverseConfig) -> [YAMLDiagnostic] {
        var findings: [YAMLDiagnostic] = []
        for theme in risk.themeCaps.keys.sorted() where universe.themes[theme] == nil {
            var message = "no theme \(Quoted.text(theme)) in universe.yaml"
            if let suggestion = Suggestion.closest(to: theme, among: universe.themes.keys.sorted()) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            findings.append(
                finding(
                    .unknownTheme, locate(.policy, "risk", "theme_caps", .key(theme)), "risk.theme_caps.\(theme)", message,
                    severity: .warning))
        }
        var reported: Set<String> = []
        for theme in universe.themes.keys.sorted() {
            let themeCap = risk.themeCaps[theme] ?? risk.maxThemeExposurePct
            let assets = Set((universe.themes[theme] ?? []).map(\.base)).sorted()
            for asset in assets {
                let assetCap = risk.assetCaps[asset] ?? risk.maxAssetExposurePct
                guard assetCap > themeCap else { continue }
                let (origin, path) =
                    risk.assetCaps[asset] != nil
                    ? (locate.valueOrigin(.policy, "risk", "asset_caps", .key(asset)), "risk.asset_caps.\(asset)")
                    : (locate.valueOrigin(.policy, "risk", "max_asset_exposure_pct"), "risk.max_asset_exposure_pct")
                guard reported.insert(path + theme).inserted else { continue }
                findings.append(
                    finding(
                        .assetCapAboveThemeCap, origin, path,
                        "the cap of \(asset) (\(format(assetCap))%) is above the cap of its theme \(theme) (\(format(themeCap))%)"))
            }
        }
        return findings
    }
}
