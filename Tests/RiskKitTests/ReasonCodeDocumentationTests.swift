import Foundation
import RiskKit
import Testing
import TraderTestKit

/// Reason codes are API: each is listed with its meaning in `RiskReasonCode`'s documentation, and
/// the strings never change.
@Suite struct ReasonCodeDocumentationTests {
    @Test func everyReasonCodeIsDocumentedWithItsMeaning() throws {
        let source = try String(
            contentsOfFile: SharedData.packageRoot + "/Packages/RiskKit/Evaluation/RiskReasonCode.swift", encoding: .utf8)
        let documentation = source.components(separatedBy: "public enum RiskReasonCode")[0]
        for code in RiskReasonCode.allCases {
            let pattern = "`\(code.rawValue)`"
            #expect(documentation.contains(pattern), "\(code.rawValue) is not documented")
        }
    }

    @Test func theCodesAreTheirPublishedStrings() {
        #expect(RiskReasonCode.allCases.map(\.rawValue) == [
            "kill_switch_engaged", "trading_halted", "reducing_only", "daily_loss_limit", "weekly_loss_limit", "max_drawdown",
            "api_error_rate", "rate_limit_hits", "crash_regime", "nav_unavailable", "exchange_status_halt",
            "product_entries_blocked", "product_not_tradable", "missing_product_rules", "missing_quote", "stale_quote",
            "crossed_quote", "spread_too_wide", "missing_book", "insufficient_depth", "no_position", "symbol_cooldown_active",
            "global_trade_spacing", "max_trades_per_hour", "max_trades_per_day", "max_open_positions", "max_entries_per_position",
            "add_too_soon", "add_without_improvement", "asset_exposure_cap",
            "theme_exposure_cap", "total_exposure_cap", "tier_position_cap", "tier_allocation_cap", "max_size", "below_min_notional", "below_min_size",
            "option_contract_exceeds_cap", "options_not_enabled", "outside_trading_hours", "missing_option_quote", "option_quote_too_thin",
            "option_position_open",
        ])
    }
}
