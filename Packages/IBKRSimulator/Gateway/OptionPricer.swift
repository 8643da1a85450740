import Foundation
import TraderCore

/// How the simulator prices listed options from the underlying: Black–Scholes with no rates and no
/// dividends at one documented volatility, and a quoted spread around it.
///
/// - Model price: `C = S·N(d1) − K·N(d2)`, `P = K·N(−d2) − S·N(−d1)`, with
///   `d1 = (ln(S/K) + σ²T/2) / (σ√T)`, `d2 = d1 − σ√T`, `T` in years of 365 days to 16:00 New York
///   time on the expiry date; at or after that, the intrinsic value.
/// - Quote: bid and ask `spread` apart around the model price, each on the 0.01 tick
///   (`spread = max(0.05, 4 % of the price)`, the bid at least 0.01 below the ask, never below 0).
struct OptionPricer: Sendable {
    /// The annualized volatility every option is priced at (0.20 by default: near SPY's long-run
    /// implied volatility).
    let volatility: Double

    /// The model value of `contract` with the underlying at `underlying`, `secondsToExpiry` before expiry.
    func value(right: String, strike: FixedPoint, underlying: FixedPoint, secondsToExpiry: Int64) -> Double {
        let spot = underlying.doubleValue
        let strikePrice = strike.doubleValue
        let isCall = right == "C"
        let intrinsic = max(0, isCall ? spot - strikePrice : strikePrice - spot)
        guard secondsToExpiry > 0, spot > 0, strikePrice > 0, volatility > 0 else { return intrinsic }
        let years = Double(secondsToExpiry) / (365 * 86_400)
        let deviation = volatility * years.squareRoot()
        let d1 = (log(spot / strikePrice) + deviation * deviation / 2) / deviation
        let d2 = d1 - deviation
        let value = isCall ? spot * Self.normal(d1) - strikePrice * Self.normal(d2) : strikePrice * Self.normal(-d2) - spot * Self.normal(-d1)
        return max(intrinsic, value)
    }

    /// The model's delta.
    func delta(right: String, strike: FixedPoint, underlying: FixedPoint, secondsToExpiry: Int64) -> Double {
        let spot = underlying.doubleValue
        let strikePrice = strike.doubleValue
        let isCall = right == "C"
        guard secondsToExpiry > 0, spot > 0, strikePrice > 0 else { return isCall ? (spot > strikePrice ? 1 : 0) : (spot < strikePrice ? -1 : 0) }
        let deviation = volatility * (Double(secondsToExpiry) / (365 * 86_400)).squareRoot()
        let d1 = (log(spot / strikePrice) + deviation * deviation / 2) / deviation
        return isCall ? Self.normal(d1) : Self.normal(d1) - 1
    }

    /// The model value on the 0.01 tick, as a price.
    func price(right: String, strike: FixedPoint, underlying: FixedPoint, secondsToExpiry: Int64) -> FixedPoint {
        Self.cents(value(right: right, strike: strike, underlying: underlying, secondsToExpiry: secondsToExpiry))
    }

    /// The quoted bid and ask around the model value (see the type's summary).
    func quote(right: String, strike: FixedPoint, underlying: FixedPoint, secondsToExpiry: Int64) -> (bid: FixedPoint, ask: FixedPoint) {
        let value = value(right: right, strike: strike, underlying: underlying, secondsToExpiry: secondsToExpiry)
        let halfSpread = max(0.05, value * 0.04) / 2
        let ask = Self.cents(value + halfSpread)
        let bid = Self.cents(max(0, value - halfSpread))
        let cent = FixedPoint.scale / 100
        return (FixedPoint(raw: min(bid.raw, max(0, ask.raw - cent))), ask)
    }

    /// The standard normal distribution function.
    static func normal(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// `value` rounded to the cent.
    static func cents(_ value: Double) -> FixedPoint {
        FixedPoint(raw: Int64((value * 100).rounded()) * (FixedPoint.scale / 100))
    }
}
