/// Why the risk layer refused, resized or halted: stable snake_case strings that logs, the audit
/// trail, alerts and tests depend on. They are API; a code is never renamed or reused.
///
/// Halts and entry stops (set once per evaluation, reported on every proposal they refuse):
/// - `kill_switch_engaged`: the kill-switch file exists or its environment flag is set; the trading
///   state is HALTED and no order is approved.
/// - `trading_halted`: the operator set the trading state to HALTED.
/// - `reducing_only`: the operator set the trading state to REDUCING; only exits are approved.
/// - `daily_loss_limit`: today's realized loss (calendar day in the loss time zone) reached
///   `max_daily_loss_pct` of the day's opening NAV at some point today; entries stop until the
///   next day (a later profit does not lift it).
/// - `weekly_loss_limit`: the same for the calendar week (Monday to Sunday).
/// - `max_drawdown`: NAV fell `max_drawdown_pct` or more below its peak; trading halts.
/// - `api_error_rate`: failed venue requests in the window reached `api_error_rate_threshold_pct`
///   of requests; trading halts until the window clears.
/// - `rate_limit_hits`: rate-limit answers in the window reached `max_rate_limit_hits`; trading halts.
/// - `crash_regime`: the market is in a crash and `halt_on_crash_regime` is set; entries stop.
/// - `nav_unavailable`: NAV could not be computed (a held symbol has no mark) or is not positive;
///   entries stop, since no cap can be checked.
///
/// Per proposal:
/// - `exchange_status_halt`: a product's status maps to `halt` in `exchange_health`; trading halts.
/// - `product_entries_blocked`: the product's status maps to `block_entries`; exits stay allowed.
/// - `product_not_tradable`: the product is cancel-only, disabled or offline, so the venue would
///   refuse any new order whatever the policy allows.
/// - `missing_product_rules`: no increments or minimums are known for the product.
/// - `missing_quote`: no quote for the product; nothing is priced blind.
/// - `stale_quote`: the quote is older than `max_quote_staleness_seconds`.
/// - `crossed_quote`: the bid is at or above the ask.
/// - `spread_too_wide`: the spread exceeds `max_spread_bps` (entries only).
/// - `missing_book`: no book snapshot to measure depth on (entries only).
/// - `insufficient_depth`: either side holds less than `min_depth_within_20bps` within 20 bps of mid.
/// - `no_position`: a sell for a symbol with nothing held beyond working sell orders (spot cannot
///   short).
/// - `symbol_cooldown_active`: the symbol is resting after a round trip (longer after a loss).
/// - `global_trade_spacing`: less than `min_seconds_between_trades` since the last trade.
/// - `max_trades_per_hour`: the rolling hour already holds that many trades.
/// - `max_trades_per_day`: the calendar day already holds that many trades.
/// - `max_open_positions`: an entry into a new symbol while that many are open or pending.
/// - `max_entries_per_position`: an add to a position that has had that many entries (its opening
///   buy and adds; `risk.max_entries_per_position`).
/// - `add_too_soon`: an add sooner after the position's last entry than `risk.min_minutes_between_adds`.
/// - `add_without_improvement`: an add at a price not `risk.min_add_improvement_pct` below the last
///   entry's.
/// - `asset_exposure_cap`, `theme_exposure_cap`, `total_exposure_cap`: the cap (held, pending and
///   unreflected buys included) has no room left; as an adjustment, the entry was cut to the room.
/// - `tier_position_cap`: the symbol's own exposure would pass its universe tier's
///   `max_position_pct`; as an adjustment, the entry was cut to the room.
/// - `tier_allocation_cap`: the tier's exposure together would pass its `max_allocation_pct`; as an
///   adjustment, the entry was cut to the room.
/// - `max_size`: as an adjustment, the entry was cut to `max_size_pct` of NAV or the product's
///   maximum size.
/// - `below_min_notional`: the order's notional after taker fees is under `min_notional`, or under
///   the product's minimum notional.
/// - `below_min_size`: the size rounded down to the product's increment is under its minimum.
/// - `option_contract_exceeds_cap`: even one option contract breaks the risk budget's cap.
/// - `options_not_enabled`: an option proposal where the policy has no `options` section.
/// - `outside_trading_hours`: an option entry outside the exchange's regular session (its
///   holidays and early closes included).
/// - `missing_option_quote`: no contract to buy, or no quote for it, on the underlying now.
/// - `option_quote_too_thin`: the option's ask shows fewer contracts than `min_ask_size`.
/// - `option_position_open`: an option on the underlying is already held or being bought (one
///   position per underlying, which its bracket manages).
public enum RiskReasonCode: String, CaseIterable, Hashable, Sendable, Codable {
    case killSwitchEngaged = "kill_switch_engaged"
    case tradingHalted = "trading_halted"
    case reducingOnly = "reducing_only"
    case dailyLossLimit = "daily_loss_limit"
    case weeklyLossLimit = "weekly_loss_limit"
    case maxDrawdown = "max_drawdown"
    case apiErrorRate = "api_error_rate"
    case rateLimitHits = "rate_limit_hits"
    case crashRegime = "crash_regime"
    case navUnavailable = "nav_unavailable"
    case exchangeStatusHalt = "exchange_status_halt"
    case productEntriesBlocked = "product_entries_blocked"
    case productNotTradable = "product_not_tradable"
    case missingProductRules = "missing_product_rules"
    case missingQuote = "missing_quote"
    case staleQuote = "stale_quote"
    case crossedQuote = "crossed_quote"
    case spreadTooWide = "spread_too_wide"
    case missingBook = "missing_book"
    case insufficientDepth = "insufficient_depth"
    case noPosition = "no_position"
    case symbolCooldownActive = "symbol_cooldown_active"
    case globalTradeSpacing = "global_trade_spacing"
    case maxTradesPerHour = "max_trades_per_hour"
    case maxTradesPerDay = "max_trades_per_day"
    case maxOpenPositions = "max_open_positions"
    case maxEntriesPerPosition = "max_entries_per_position"
    case addTooSoon = "add_too_soon"
    case addWithoutImprovement = "add_without_improvement"
    case assetExposureCap = "asset_exposure_cap"
    case themeExposureCap = "theme_exposure_cap"
    case totalExposureCap = "total_exposure_cap"
    case tierPositionCap = "tier_position_cap"
    case tierAllocationCap = "tier_allocation_cap"
    case maxSize = "max_size"
    case belowMinNotional = "below_min_notional"
    case belowMinSize = "below_min_size"
    case optionContractExceedsCap = "option_contract_exceeds_cap"
    case optionsNotEnabled = "options_not_enabled"
    case outsideTradingHours = "outside_trading_hours"
    case missingOptionQuote = "missing_option_quote"
    case optionQuoteTooThin = "option_quote_too_thin"
    case optionPositionOpen = "option_position_open"
}
