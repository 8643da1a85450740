import YAMLConfig

/// The finding codes of trader configuration, beyond YAMLConfig's own. They are stable API: tools
/// and tests match on the strings. The README lists them all.
extension YAMLDiagnostic.Code {
    // Values
    /// A symbol that is not `BASE-QUOTE` in any recognised spelling.
    public static let invalidSymbol: Self = "invalid_symbol"
    /// A symbol spelled otherwise than `BASE-QUOTE` (`BTCUSD`, `btc-usd`), normalized (a warning).
    public static let symbolNormalized: Self = "symbol_normalized"
    /// A time zone the system's database does not know.
    public static let unknownTimeZone: Self = "unknown_time_zone"
    /// A time of day that is not `HH:MM`.
    public static let invalidTimeOfDay: Self = "invalid_time_of_day"
    /// A timestamp that is not ISO 8601 with an offset.
    public static let invalidTimestamp: Self = "invalid_timestamp"
    /// An asset code (an `asset_caps` key) that is not 1 to 12 upper-case letters or digits.
    public static let invalidAsset: Self = "invalid_asset"
    /// An alert route name that cannot name an environment variable.
    public static let invalidRouteName: Self = "invalid_route_name"

    // Cross-field sanity
    /// A theme cap above the total exposure cap.
    public static let themeCapAboveTotalCap: Self = "theme_cap_above_total_cap"
    /// An asset's cap above the cap of its theme.
    public static let assetCapAboveThemeCap: Self = "asset_cap_above_theme_cap"
    /// Tier allocations that add up to more than 100% of NAV.
    public static let tierAllocationOver100: Self = "tier_allocation_over_100"
    /// A weekly loss stop below the daily one.
    public static let weeklyLossBelowDaily: Self = "weekly_loss_below_daily"
    /// A cooldown after a loss shorter than the one after a win.
    public static let lossCooldownShorterThanWin: Self = "loss_cooldown_shorter_than_win"
    /// Post-only orders with a time-to-live of zero or less.
    public static let postOnlyTTLNotPositive: Self = "post_only_ttl_not_positive"
    /// A fee or slippage outside a plausible range of basis points.
    public static let implausibleFeeBps: Self = "implausible_fee_bps"
    /// A risk check listed twice in `risk.checks`.
    public static let duplicateRiskCheck: Self = "duplicate_risk_check"
    /// A symbol listed in two tiers.
    public static let symbolInTwoTiers: Self = "symbol_in_two_tiers"
    /// A symbol listed in two themes.
    public static let symbolInTwoThemes: Self = "symbol_in_two_themes"
    /// Two tiers with the same name.
    public static let duplicateTier: Self = "duplicate_tier"
    /// A tier name that no tier has.
    public static let unknownTier: Self = "unknown_tier"
    /// A symbol both excluded and listed in a tier (a warning: the exclusion wins).
    public static let excludedSymbolInTier: Self = "excluded_symbol_in_tier"
    /// A signal name the registry does not know (with a suggestion).
    public static let unknownSignal: Self = "unknown_signal"
    /// A parameter a signal does not take.
    public static let unknownSignalParameter: Self = "unknown_signal_parameter"
    /// A signal parameter that is not a number in its range.
    public static let invalidSignalParameter: Self = "invalid_signal_parameter"
    /// A signal enabled twice.
    public static let duplicateSignal: Self = "duplicate_signal"
    /// A regime allowing a signal that is not enabled.
    public static let regimeUnknownSignal: Self = "regime_unknown_signal"
    /// A theme cap for a theme the universe does not define (a warning).
    public static let unknownTheme: Self = "unknown_theme"
    /// A base size above the maximum size.
    public static let baseSizeAboveMaxSize: Self = "base_size_above_max_size"
    /// More trades allowed per hour than per day.
    public static let hourlyTradesAboveDaily: Self = "hourly_trades_above_daily"
    /// A trading-hours window whose open is not before its close.
    public static let invalidTradingHours: Self = "invalid_trading_hours"
    /// `options.enabled` with a venue that lists no options (coinbase, sim).
    public static let optionsWithoutOptionVenue: Self = "options_without_option_venue"
    /// `default_order_type: market` while `allow_market_orders` is false.
    public static let marketOrdersNotAllowed: Self = "market_orders_not_allowed"
    /// A tier whose per-position cap is above its whole allocation.
    public static let tierPositionAboveAllocation: Self = "tier_position_above_allocation"
    /// Warning: `risk.checks` leaves out the exposure check, so no cap is enforced.
    public static let exposureCheckOmitted: Self = "exposure_check_omitted"
    /// Two endpoints on the same address and port.
    public static let portConflict: Self = "port_conflict"
    /// Two alert routes with the same name.
    public static let duplicateRoute: Self = "duplicate_route"
    /// The venue chosen has no settings section (`sim:` for `venue: sim`, `coinbase:` for `venue: coinbase`).
    public static let missingVenueSettings: Self = "missing_venue_settings"
    /// A `sim` candle file's symbol given twice.
    public static let duplicateCandleSymbol: Self = "duplicate_candle_symbol"

    // Secrets
    /// A secret-looking value (key, private key, token, webhook URL) written in YAML.
    public static let secretInYAML: Self = "secret_in_yaml"
    /// The secrets file cannot be read or parsed.
    public static let secretsFileUnreadable: Self = "secrets_file_unreadable"
    /// The secrets file is readable by others than its owner (mode must be 0600).
    public static let secretsFilePermissions: Self = "secrets_file_permissions"
    /// The secrets file lies inside a git work tree.
    public static let secretsFileInRepository: Self = "secrets_file_in_repository"

    // Production gate
    /// `mode: LIVE` with `environment: staging`.
    public static let liveInStaging: Self = "live_in_staging"
    /// `mode: LIVE` on `venue: sim`: real money cannot be traded on the paper venue.
    public static let liveOnSimulator: Self = "live_on_simulator"
    /// LIVE in production without the venue's credentials.
    public static let missingCredentials: Self = "missing_credentials"
    /// LIVE in production with alerting disabled or without routes.
    public static let alertingRequired: Self = "alerting_required"
    /// LIVE in production with a route whose webhook URL is not set.
    public static let missingAlertWebhook: Self = "missing_alert_webhook"
    /// LIVE in production without a kill-switch file.
    public static let missingKillSwitch: Self = "missing_kill_switch"
    /// LIVE in production with a state path that cannot be written.
    public static let stateNotWritable: Self = "state_not_writable"
}
