import Foundation
import RiskKit
import Testing
import TraderConfig
import TradingEngine
import TraderCore
import YAMLConfig

@Suite struct ConfigLoaderTests {
    private func load(_ folder: String = TestPaths.config, environment: [String: String] = [:]) -> ConfigLoadResult {
        TraderConfigLoader(environment: environment).load(.directory(folder))
    }

    @Test func theShippedConfigurationLoadsWithoutFindings() throws {
        let result = load()
        #expect(result.findings.isEmpty)
        let configuration = try #require(result.configuration)
        #expect(configuration.app.mode == .paper)
        #expect(configuration.policy.risk.assetCaps == ["BTC": 30])
        #expect(configuration.universe.tiers.map(\.name) == ["core", "growth", "speculative"])
        #expect(configuration.universe.theme(of: Symbol(base: "SOL", quote: "USD")) == "smart_contracts")
        #expect(configuration.policy.options.regularTradingHours.open.description == "09:30")
    }

    @Test func theIBKRExamplePassesAsShipped() {
        #expect(load(TestPaths.config + "/examples/ibkr").findings.isEmpty)
    }

    @Test func theCoinbaseExamplePassesTheProductionGateWithItsSecretsSet() {
        let environment = [
            "TRADER_COINBASE_API_KEY_NAME": "organizations/test-organization/apiKeys/test-api-key",
            "TRADER_COINBASE_API_PRIVATE_KEY": "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----",
            "TRADER_ALERT_WEBHOOK_ONCALL": "https://alerts.example.invalid/oncall?token=abc",
            "TRADER_ALERT_WEBHOOK_TEAM": "https://alerts.example.invalid/team?token=def",
        ]
        let result = load(TestPaths.config + "/examples/coinbase", environment: environment)
        #expect(result.findings.isEmpty)
        #expect(result.secrets.coinbaseAPIKeyName?.reveal() == "organizations/test-organization/apiKeys/test-api-key")
    }

    @Test func theProductionGateListsEveryMissingRequirement() throws {
        let folder = try TestPaths.copyOfShippedConfig()
        let environment = [
            "TRADER_MODE": "LIVE", "TRADER_ENVIRONMENT": "production", "TRADER_VENUE": "coinbase",
            "TRADER_STATE__PATH": "\(folder)/app.yaml/state.sqlite",
        ]
        var policy = try String(contentsOfFile: "\(folder)/policy.yaml", encoding: .utf8)
        policy = policy.replacingOccurrences(of: "  kill_switch_file: var/KILL", with: "")
        try policy.write(toFile: "\(folder)/policy.yaml", atomically: true, encoding: .utf8)
        let result = load(folder, environment: environment)
        #expect(result.findings.map(\.code.rawValue) == [
            "missing_alert_webhook", "missing_alert_webhook", "missing_kill_switch", "state_not_writable",
            "missing_credentials",
        ])
        #expect(result.findings.suffix(2).map(\.origin.description) == ["env:TRADER_STATE__PATH", "env:TRADER_VENUE"])
    }

    @Test func stagingRefusesLiveAndTheEnvFlagLintsAsProduction() throws {
        let staging = TraderConfigLoader(environment: ["TRADER_MODE": "LIVE", "TRADER_VENUE": "coinbase"]).load(.directory(TestPaths.config))
        #expect(staging.findings.map(\.code) == [.liveInStaging])
        let production = TraderConfigLoader(environment: ["TRADER_MODE": "LIVE", "TRADER_VENUE": "coinbase"])
            .load(.directory(TestPaths.config), deployment: .production)
        #expect(!production.findings.map(\.code).contains(.liveInStaging))
        #expect(production.findings.map(\.code).contains(.missingAlertWebhook))
    }

    @Test func anOverrideChangesTheEffectiveValueAndTheHash() throws {
        let base = load()
        let overridden = load(environment: ["TRADER_RISK__MAX_DAILY_LOSS_PCT": "1.5"])
        #expect(overridden.findings.isEmpty)
        #expect(overridden.configuration?.policy.risk.maxDailyLossPct == 1.5)
        #expect(overridden.hash != base.hash)
    }

    @Test func anInvalidOverrideIsReportedAgainstItsVariable() {
        let result = load(environment: ["TRADER_RISK__MAX_DAILY_LOSS_PCT": "fifty", "TRADER_PACING__MAX_TRADES": "3"])
        #expect(result.findings.map(\.description) == [
            "env:TRADER_PACING__MAX_TRADES: error: unknown_key: pacing.max_trades: unknown key \"max_trades\"",
            "env:TRADER_RISK__MAX_DAILY_LOSS_PCT: error: type_mismatch: risk.max_daily_loss_pct: expected a number from 0 to 100, got \"fifty\"",
        ])
        #expect(result.configuration == nil)
    }

    @Test func theHashIgnoresKeyOrderAndComments() throws {
        let folder = try TestPaths.copyOfShippedConfig()
        let app = try String(contentsOfFile: "\(folder)/app.yaml", encoding: .utf8)
        var lines = app.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        let modeLine = try #require(lines.firstIndex { $0.hasPrefix("mode:") })
        let mode = lines.remove(at: modeLine)
        lines.append("# a new comment")
        lines.append(mode.split(separator: "#")[0] + "   # moved to the end")
        try lines.joined(separator: "\n").write(toFile: "\(folder)/app.yaml", atomically: true, encoding: .utf8)
        let reordered = load(folder)
        #expect(reordered.findings.isEmpty)
        #expect(reordered.hash == load().hash)
    }

    @Test func theHashIsTheSHA256OfTheCanonicalJSON() throws {
        let configuration = try #require(load().configuration)
        let json = String(decoding: configuration.canonicalJSON, as: UTF8.self)
        #expect(json.hasPrefix("{\"app\":{\"alerts\":{\"enabled\":true,"))
        #expect(configuration.hash.description.count == "sha256:".count + 64)
        #expect(configuration.hash == ConfigHash(canonicalJSON: configuration.canonicalJSON))
    }

    @Test func secretsComeFromAMode0600FileOutsideTheRepository() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder + "/secrets.yaml"
        try "ibkr_account_id: DU1234567\nalert_webhooks:\n  oncall: https://alerts.example.invalid/x?token=1\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let result = load(environment: ["TRADER_SECRETS_FILE": path, "TRADER_ALERT_WEBHOOK_TEAM": "https://t.invalid/y"])
        #expect(result.findings.isEmpty)
        #expect(result.secrets.ibkrAccountID?.reveal() == "DU1234567")
        #expect(result.secrets.alertWebhooks.keys.sorted() == ["oncall", "team"])
        #expect(result.secrets.description == "TraderSecrets(ibkr_account_id, alert_webhooks.oncall, alert_webhooks.team)")
    }

    @Test func aSecretsFileReadableByOthersIsRefused() throws {
        let path = try TestPaths.temporaryFolder() + "/secrets.yaml"
        try "ibkr_account_id: DU1234567\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let result = load(environment: ["TRADER_SECRETS_FILE": path])
        #expect(result.findings.map(\.code) == [.secretsFilePermissions])
        #expect(result.secrets.ibkrAccountID == nil)
    }

    @Test func aSecretsFileInsideAGitWorkTreeIsRefused() throws {
        // A work tree of its own, so the test means the same from a source archive as from a clone.
        let tree = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tree) }
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "--quiet", tree]
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)
        try FileManager.default.createDirectory(atPath: tree + "/secrets", withIntermediateDirectories: true)
        let path = tree + "/secrets/test-secrets.yaml"
        try "ibkr_account_id: DU1234567\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let result = load(environment: ["TRADER_SECRETS_FILE": path])
        #expect(result.findings.map(\.code) == [.secretsFileInRepository])
    }

    @Test func aSecretUsedAsAMappingKeyIsRedactedFromEveryFinding() throws {
        let secret = "organizations/o/apiKeys/k"
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["app.yaml", "policy.yaml", "universe.yaml"] {
            try FileManager.default.copyItem(atPath: TestPaths.config + "/" + name, toPath: folder + "/" + name)
        }
        let app = try String(contentsOfFile: folder + "/app.yaml", encoding: .utf8)
        try (app + "\"\(secret)\": 1\n").write(toFile: folder + "/app.yaml", atomically: true, encoding: .utf8)
        let written = load(folder)
        #expect(written.findings.map(\.code).contains(.secretInYAML))
        let throughOverride = load(environment: ["TRADER_RISK__ASSET_CAPS": "{\"\(secret)\": 30}"])
        #expect(throughOverride.findings.map(\.code).contains(.secretInYAML))
        for finding in written.findings + throughOverride.findings {
            #expect(!finding.description.contains("apiKeys"), "\(finding.description)")
        }
        // The secrets file does not echo an unknown key either.
        let secretsFile = folder + "/../secrets-\(UUID().uuidString).yaml"
        try "\"\(secret)\": x\n".write(toFile: secretsFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secretsFile) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretsFile)
        let fromFile = load(environment: ["TRADER_SECRETS_FILE": secretsFile])
        #expect(fromFile.findings.map(\.code) == [.secretsFileUnreadable])
        #expect(fromFile.findings.allSatisfy { !$0.description.contains("apiKeys") })
    }

    @Test func everyDurationTheSchemaAcceptsIsOneTheRuntimeCanHold() throws {
        let tooLong = load(environment: ["TRADER_CIRCUIT_BREAKERS__MAX_QUOTE_STALENESS_SECONDS": "1e10"])
        #expect(tooLong.findings.map(\.description) == [
            "env:TRADER_CIRCUIT_BREAKERS__MAX_QUOTE_STALENESS_SECONDS: error: out_of_range: circuit_breakers.max_quote_staleness_seconds: "
                + "expected a number greater than 0 and at most 86400, got 10000000000"
        ])
        let longest = load(environment: ["TRADER_CIRCUIT_BREAKERS__MAX_QUOTE_STALENESS_SECONDS": "86400"])
        let configuration = try #require(longest.configuration)
        #expect(configuration.policy.riskLimits.breakers.maxQuoteStaleness == .seconds(86_400))
    }

    @Test func theReportsDriftThresholdsAreReadAndANegativeOneIsRefusedByName() throws {
        let shipped = try #require(load().configuration?.policy.report)
        #expect(shipped.matchWindowSeconds == 3_600 && shipped.maxReturnGapPct == 1 && shipped.maxSlippageOverModelBps == 5)
        #expect(shipped.maxFeeGapBps == 1 && shipped.maxMissedTrades == 0)
        let negative = load(environment: ["TRADER_REPORT__MAX_FEE_GAP_BPS": "-1"])
        #expect(negative.findings.map(\.description) == [
            "env:TRADER_REPORT__MAX_FEE_GAP_BPS: error: out_of_range: report.max_fee_gap_bps: expected a number from 0 to 10000, got -1"
        ])
    }

    @Test func theExitsSectionBecomesTheEnginesExitRulesAndABadFractionIsNamedWhereItIs() throws {
        let folder = NSTemporaryDirectory() + "trader-exits-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["app.yaml", "policy.yaml", "universe.yaml"] {
            try FileManager.default.copyItem(atPath: TestPaths.config + "/" + name, toPath: folder + "/" + name)
        }
        let policy = try String(contentsOfFile: folder + "/policy.yaml", encoding: .utf8)
        let exits = """
            exits:
              stop_loss_pct: 3
              trailing_stop_pct: 2
              trailing_activation_pct: 1.5
              minimal_roi:
                - {after_minutes: 60, gain_pct: 4}
                - {after_minutes: 0, gain_pct: 8}
              max_hold_hours: 36
              exit_on_regime_change: true
              fraction: 0.5

            """
        try (policy + "\n" + exits).write(toFile: folder + "/policy.yaml", atomically: true, encoding: .utf8)
        let configuration = try #require(load(folder).configuration)
        #expect(configuration.exitRules == ExitRules(
            stopLossPct: 3, trailingStopPct: 2, trailingActivationPct: FixedPoint("1.5")!,
            minimalROI: [.init(after: .zero, gainPct: 8), .init(after: .seconds(3_600), gainPct: 4)], maxHold: .seconds(129_600),
            exitOnRegimeChange: true, fraction: FixedPoint("0.5")!))
        #expect(try #require(load().configuration).exitRules == nil)
        let line = policy.split(separator: "\n", omittingEmptySubsequences: false).count + 10
        try (policy + "\n" + exits.replacingOccurrences(of: "fraction: 0.5", with: "fraction: 2"))
            .write(toFile: folder + "/policy.yaml", atomically: true, encoding: .utf8)
        #expect(load(folder).findings.map(\.description) == [
            "\(folder)/policy.yaml:\(line):13: error: out_of_range: exits.fraction: expected a number greater than 0 and at most 1, got 2"
        ])
    }

    @Test func aValueOfAnySizeIsQuotedCutToABoundedLength() throws {
        let long = String(repeating: "q", count: 100_000)
        let result = load(environment: ["TRADER_MODE": long])
        let finding = try #require(result.findings.first)
        #expect(finding.code == .invalidEnum)
        #expect(finding.message.hasPrefix("expected one of DRY_RUN, PAPER, LIVE, got \"\(String(repeating: "q", count: 64))…\" (100000 bytes)"))
        #expect(finding.description.count < 300)
    }

    @Test func aHugeFileFailsFastWithALocatedFinding() throws {
        let path = try TestPaths.temporaryFolder() + "/policy.yaml"
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        try String(repeating: line, count: 5 * 1024).write(toFile: path, atomically: true, encoding: .utf8)
        let result = TraderConfigLoader(environment: [:]).load(TestPaths.shippedConfig(replacing: .policy, with: path))
        #expect(result.findings.map(\.description) == [
            "\(path):1:1: error: file_too_large: the file has 5242880 bytes; the limit is 4194304"
        ])
    }

    @Test func aPartialSetIsValidatedAndHashedOnItsOwn() throws {
        let report = try ConfigLinter(environment: [:]).lint(paths: [TestPaths.config + "/policy.yaml"])
        #expect(report.exitCode == 0)
        #expect(report.hash != nil)
    }

    @Test func filesOfUnknownRoleAreAUsageError() {
        #expect(throws: ConfigUsageError.self) { try ConfigLinter(environment: [:]).lint(paths: [TestPaths.root + "/Package.swift"]) }
        #expect(throws: ConfigUsageError.self) {
            try ConfigLinter(environment: [:]).lint(paths: [TestPaths.config, TestPaths.config + "/app.yaml"])
        }
    }
}

@Suite struct PolicyToSignalsTests {
    @Test func theShippedPolicyBecomesSignalSpecsAndRules() throws {
        let policy = try #require(TraderConfigLoader(environment: [:]).load(.directory(TestPaths.config)).configuration?.policy)
        #expect(policy.signalSpecs.map(\.name) == ["momentum", "price_move", "volume_spike", "mean_reversion"])
        #expect(policy.signalSpecs[3].parameters == ["lookback_bars": 50, "entry_zscore": 2.5])
        let rules = policy.rulesConfiguration(minConfidence: 0.3)
        #expect(rules.regimes[.trend]?.allowedSignals == ["momentum", "price_move", "volume_spike"])
        #expect(rules.regimes[.bear]?.sizingMultiplier == 0.25)
        #expect(rules.baseSizePct == 2 && rules.maxSizePct == 5 && rules.convictionMultipliers[.high] == 1.5)
    }

    @Test func theShippedPolicyBecomesExactRiskLimits() throws {
        let policy = try #require(TraderConfigLoader(environment: [:]).load(.directory(TestPaths.config)).configuration?.policy)
        let limits = policy.riskLimits
        #expect(limits.exposure.capPct(asset: "BTC") == 30 && limits.exposure.capPct(asset: "ETH") == 20)
        #expect(limits.exposure.maxTotalPct == 70 && limits.exposure.maxOpenPositions == 6)
        #expect(limits.pacing.minTimeBetweenTrades == .seconds(120) && limits.pacing.cooldownAfterLoss == .seconds(7200))
        #expect(limits.losses.maxDailyLossPct == 2 && limits.losses.timeZone == .utc)
        #expect(limits.breakers.maxQuoteStaleness == .seconds(10))
        #expect(limits.breakers.statusActions[.offline] == .halt && limits.breakers.statusActions[.cancelOnly] == .blockEntries)
        #expect(limits.liquidity.maxSpreadBps == 25 && limits.liquidity.minDepthWithin20Bps == 50_000)
        #expect(limits.sizing.fees.taker == FixedPoint("0.006") && limits.sizing.minNotional == 10)
        #expect(limits.checks == RiskCheckName.standardOrder)
        #expect(policy.killSwitch(baseDirectory: "/srv/trader/config").filePath == "/srv/trader/config/var/KILL")
    }

    @Test func theShippedUniverseBecomesTheEnginesUniverse() throws {
        let universe = try #require(TraderConfigLoader(environment: [:]).load(.directory(TestPaths.config)).configuration?.universe)
        let engine = universe.engineUniverse
        #expect(engine.tiers.map(\.name) == ["core", "growth", "speculative"])
        #expect(engine.tiers[0].maxAllocationPct == 50 && engine.tiers[0].maxPositionPct == 25)
        #expect(engine.tiers[2].symbols == [Symbol(base: "DOGE", quote: "USD")])
        #expect(!engine.admitsUntieredProducts)
        #expect(engine.exclusions == [Symbol(base: "USDT", quote: "USD"), Symbol(base: "USDC", quote: "USD"), Symbol(base: "DAI", quote: "USD")])
        #expect(engine.banHours == ["recent_exploit": 168, "regulatory_action": 720, "delisting_rumors": 72, "team_rug": 8760])
        #expect(engine.redFlags.isEmpty)
        #expect(engine.discovery == nil)  // discovery.enabled is false
    }

    @Test func theWhaleDebounceComesFromTheOptionsPolicy() throws {
        let policy = try #require(
            TraderConfigLoader(environment: [:]).load(.directory(TestPaths.config + "/examples/ibkr")).configuration?.policy)
        #expect(policy.signalSpecs.first { $0.name == "whale" }?.parameters["debounce_days"] == 5)
    }
}
