import Foundation
import Testing
import TraderConfig
import YAMLConfig

/// One fixture of the bad-config corpus: a copy of a shipped file with exactly one mistake, and the
/// exact finding it must produce.
struct BadConfig: CustomTestStringConvertible, Sendable {
    let name: String
    let role: ConfigFileSet.Role
    let code: String
    let line: Int
    let column: Int
    var severity: YAMLDiagnostic.Severity = .error

    var path: String { "\(TestPaths.badConfigs)/\(name)/\(role.fileName)" }
    var testDescription: String { name }

    static let corpus: [BadConfig] = [
        BadConfig(name: "syntax_error", role: .policy, code: "syntax_error", line: 13, column: 21),
        BadConfig(name: "type_mismatch", role: .policy, code: "type_mismatch", line: 7, column: 27),
        BadConfig(name: "out_of_range", role: .policy, code: "out_of_range", line: 13, column: 23),
        BadConfig(name: "invalid_enum", role: .policy, code: "invalid_enum", line: 56, column: 23),
        BadConfig(name: "unknown_key", role: .policy, code: "unknown_key", line: 13, column: 3),
        BadConfig(name: "duplicate_key", role: .policy, code: "duplicate_key", line: 15, column: 3),
        BadConfig(name: "missing_key", role: .policy, code: "missing_key", line: 20, column: 3),
        BadConfig(name: "multiple_documents", role: .app, code: "multiple_documents", line: 44, column: 1),
        BadConfig(name: "non_string_key", role: .policy, code: "non_string_key", line: 13, column: 3),
        BadConfig(name: "alias_bomb", role: .policy, code: "alias_expansion_limit", line: 7, column: 8),
        BadConfig(name: "nesting_too_deep", role: .universe, code: "nesting_too_deep", line: 1, column: 71),
        BadConfig(name: "unknown_alias", role: .policy, code: "unknown_alias", line: 43, column: 17),
        BadConfig(name: "unsupported_tag", role: .policy, code: "unsupported_tag", line: 44, column: 17),
        BadConfig(name: "invalid_merge", role: .policy, code: "invalid_merge", line: 46, column: 9),
        BadConfig(name: "empty_required_list", role: .app, code: "invalid_value", line: 41, column: 19),
        BadConfig(name: "theme_cap_above_total_cap", role: .policy, code: "theme_cap_above_total_cap", line: 6, column: 27),
        BadConfig(name: "asset_cap_above_theme_cap", role: .policy, code: "asset_cap_above_theme_cap", line: 9, column: 10),
        BadConfig(name: "tier_allocation_over_100", role: .universe, code: "tier_allocation_over_100", line: 4, column: 1),
        BadConfig(name: "weekly_loss_below_daily", role: .policy, code: "weekly_loss_below_daily", line: 14, column: 24),
        BadConfig(
            name: "loss_cooldown_shorter_than_win", role: .policy, code: "loss_cooldown_shorter_than_win", line: 24,
            column: 32),
        BadConfig(name: "post_only_ttl_not_positive", role: .policy, code: "post_only_ttl_not_positive", line: 59, column: 26),
        BadConfig(name: "market_orders_not_allowed", role: .policy, code: "market_orders_not_allowed", line: 56, column: 23),
        BadConfig(
            name: "tier_position_above_allocation", role: .universe, code: "tier_position_above_allocation", line: 7, column: 23),
        BadConfig(name: "exposure_check_omitted", role: .policy, code: "exposure_check_omitted", line: 13, column: 11, severity: .warning),
        BadConfig(name: "implausible_fee_bps", role: .policy, code: "implausible_fee_bps", line: 62, column: 18),
        BadConfig(name: "symbol_in_two_tiers", role: .universe, code: "symbol_in_two_tiers", line: 12, column: 44),
        BadConfig(name: "symbol_in_two_themes", role: .universe, code: "symbol_in_two_themes", line: 43, column: 23),
        BadConfig(name: "invalid_symbol", role: .universe, code: "invalid_symbol", line: 16, column: 25),
        BadConfig(name: "symbol_normalized", role: .universe, code: "symbol_normalized", line: 8, column: 24, severity: .warning),
        BadConfig(name: "secret_webhook_url", role: .app, code: "secret_in_yaml", line: 15, column: 9),
        BadConfig(name: "secret_private_key", role: .policy, code: "secret_in_yaml", line: 17, column: 21),
        BadConfig(name: "live_in_staging", role: .app, code: "live_in_staging", line: 8, column: 7),
        BadConfig(name: "regime_unknown_signal", role: .policy, code: "regime_unknown_signal", line: 87, column: 23),
        BadConfig(name: "duplicate_signal", role: .policy, code: "duplicate_signal", line: 80, column: 11),
        BadConfig(name: "duplicate_risk_check", role: .policy, code: "duplicate_risk_check", line: 18, column: 63),
        BadConfig(name: "unknown_risk_check", role: .policy, code: "invalid_enum", line: 18, column: 28),
        BadConfig(name: "unknown_time_zone", role: .policy, code: "unknown_time_zone", line: 16, column: 23),
        BadConfig(name: "invalid_time_of_day", role: .policy, code: "invalid_time_of_day", line: 101, column: 11),
        BadConfig(name: "invalid_trading_hours", role: .policy, code: "invalid_trading_hours", line: 102, column: 12),
        BadConfig(name: "options_without_option_venue", role: .policy, code: "options_without_option_venue", line: 97, column: 12),
        BadConfig(name: "invalid_timestamp", role: .universe, code: "invalid_timestamp", line: 39, column: 61),
        BadConfig(name: "port_conflict", role: .app, code: "port_conflict", line: 29, column: 9),
        BadConfig(name: "invalid_route_name", role: .app, code: "invalid_route_name", line: 40, column: 13),
        BadConfig(name: "unknown_tier", role: .universe, code: "unknown_tier", line: 25, column: 9),
        BadConfig(name: "hourly_trades_above_daily", role: .policy, code: "hourly_trades_above_daily", line: 20, column: 24),
        BadConfig(name: "base_size_above_max_size", role: .policy, code: "base_size_above_max_size", line: 42, column: 18),
        BadConfig(name: "invalid_asset", role: .policy, code: "invalid_asset", line: 9, column: 5),
        BadConfig(name: "unknown_theme", role: .policy, code: "unknown_theme", line: 12, column: 5, severity: .warning),
        BadConfig(name: "unknown_signal", role: .policy, code: "unknown_signal", line: 76, column: 11),
        BadConfig(name: "unknown_signal_parameter", role: .policy, code: "unknown_signal_parameter", line: 84, column: 7),
        BadConfig(name: "invalid_signal_parameter", role: .policy, code: "invalid_signal_parameter", line: 78, column: 22),
    ]
}

@Suite struct BadConfigCorpusTests {
    @Test func theCorpusCoversEveryFixtureFolder() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestPaths.badConfigs).sorted()
        #expect(folders == BadConfig.corpus.map(\.name).sorted())
        #expect(folders.count >= 30)
    }

    @Test(arguments: BadConfig.corpus)
    func eachFixtureProducesExactlyItsOneLocatedFinding(fixture: BadConfig) {
        let result = TraderConfigLoader(environment: [:])
            .load(TestPaths.shippedConfig(replacing: fixture.role, with: fixture.path))
        #expect(result.findings.count == 1, "\(result.findings.map(\.description))")
        let finding = result.findings.first
        #expect(finding?.code.rawValue == fixture.code)
        #expect(finding?.severity == fixture.severity)
        #expect(finding?.origin.location?.file == fixture.path)
        #expect(finding?.origin.location?.line == fixture.line)
        #expect(finding?.origin.location?.column == fixture.column)
    }

    @Test(arguments: BadConfig.corpus)
    func eachErrorFixtureFailsTheLintAndEachWarningOnlyUnderStrict(fixture: BadConfig) throws {
        let files = ConfigFileSet.Role.allCases.map { role in
            role == fixture.role ? fixture.path : "\(TestPaths.config)/\(role.fileName)"
        }
        let report = try ConfigLinter(environment: [:]).lint(paths: files)
        let strictReport = try ConfigLinter(environment: [:]).lint(paths: files, strict: true)
        #expect(report.exitCode == (fixture.severity == .error ? 1 : 0))
        #expect(strictReport.exitCode == 1)
    }
}
