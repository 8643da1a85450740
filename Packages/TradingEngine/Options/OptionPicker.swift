import TraderCore

/// Which contract the options bot buys: the earliest expiry from `minDaysToExpiry` to
/// `maxDaysToExpiry` calendar days after today (the weekly), and the strike nearest the
/// underlying's price (at the money; the lower of two as near), moved `strikeOffset` strikes out of
/// the money (up for a call, down for a put). A pure function of the chain, the price and the day:
/// the shell calls it to know which contracts to quote, and the engine calls it again to trade.
public struct OptionPicker: Hashable, Sendable {
    /// The fewest calendar days to expiry (1: never a contract that expires today).
    public var minDaysToExpiry: Int
    /// The most calendar days to expiry.
    public var maxDaysToExpiry: Int
    /// Strikes out of the money from the one at the money (0: at the money).
    public var strikeOffset: Int

    /// A picker.
    public init(minDaysToExpiry: Int = 1, maxDaysToExpiry: Int = 9, strikeOffset: Int = 0) {
        self.minDaysToExpiry = minDaysToExpiry
        self.maxDaysToExpiry = maxDaysToExpiry
        self.strikeOffset = strikeOffset
    }

    /// The contract of `right` to buy on `chain` at `underlyingPrice` on local date `today`
    /// (`YYYYMMDD`); `nil` when the chain lists no expiry in the window or no strike that far out.
    public func pick(_ chain: OptionChain, right: OptionContract.Right, underlyingPrice: Price, today: Int) -> OptionContract? {
        let day = Self.dayNumber(today)
        guard
            let expiry = chain.expiries.first(where: { expiry in
                guard let date = Int(expiry) else { return false }
                return (minDaysToExpiry...maxDaysToExpiry).contains(Self.dayNumber(date) - day)
            }),
            let nearest = chain.strikes.indices.min(by: {
                (distance(chain.strikes[$0], underlyingPrice), $0) < (distance(chain.strikes[$1], underlyingPrice), $1)
            })
        else { return nil }
        let index = right == .call ? nearest + strikeOffset : nearest - strikeOffset
        guard chain.strikes.indices.contains(index) else { return nil }
        return try? OptionContract(
            validatingUnderlying: chain.underlying, expiry: expiry, strike: chain.strikes[index], right: right, multiplier: chain.multiplier)
    }

    private func distance(_ strike: Price, _ price: Price) -> Int64 {
        let difference = strike.value.raw.subtractingReportingOverflow(price.value.raw)
        return difference.overflow ? .max : abs(difference.partialValue)
    }

    /// Days since 1970-01-01 of a date `YYYYMMDD`.
    static func dayNumber(_ date: Int) -> Int {
        Int(ISO8601Format.daysFromCivil(year: date / 10_000, month: date / 100 % 100, day: date % 100))
    }
}
