import TraderCore

/// Sizing for the options bot: `floor(equity × max_risk_pct / (premium × multiplier × stop_loss_pct))`
/// contracts, so that a stop at `stop_loss_pct` of the premium loses at most `max_risk_pct` of
/// equity; at least one contract, and refused when even one breaks a cap.
public struct OptionContractSizer: Hashable, Sendable {
    /// Equity risked per trade, %.
    public let maxRiskPct: FixedPoint
    /// The share of the premium the stop gives up, %.
    public let stopLossPct: FixedPoint

    /// A sizer risking `maxRiskPct` % of equity with a stop at `stopLossPct` % of the premium.
    ///
    /// - Precondition: `stopLossPct` is above zero.
    public init(maxRiskPct: FixedPoint, stopLossPct: FixedPoint) {
        precondition(stopLossPct.raw > 0, "the stop loss must be above zero")
        self.maxRiskPct = maxRiskPct
        self.stopLossPct = stopLossPct
    }

    /// The number of contracts to buy.
    ///
    /// - Parameters:
    ///   - equity: the account's equity (NAV).
    ///   - premium: the option's price per share.
    ///   - multiplier: shares per contract (100 for US equity options).
    ///   - room: what the exposure caps leave for this position (its asset, theme and total room,
    ///     the smallest), as a premium outlay.
    /// - Returns: the contract count, at least 1; or the finding `option_contract_exceeds_cap` when
    ///   one contract's premium is above `room`.
    public func contracts(equity: FixedPoint, premium: Price, multiplier: Int, room: FixedPoint) -> Result<Int, RiskFinding> {
        guard let perContract = try? premium.value.multiplied(by: FixedPoint(multiplier), rounding: .up),
            perContract.raw > 0,
            let budget = try? equity.multiplied(by: maxRiskPct, dividedBy: FixedPoint(100), rounding: .down),
            let riskPerContract = try? perContract.multiplied(by: stopLossPct, dividedBy: FixedPoint(100), rounding: .up),
            riskPerContract.raw > 0
        else {
            return .failure(RiskFinding(.optionContractExceedsCap, detail: "premium \(premium) cannot be sized"))
        }
        let byRisk = Int(budget.raw / riskPerContract.raw)
        let byRoom = Int(Swift.max(room.raw, 0) / perContract.raw)
        guard byRoom >= 1 else {
            return .failure(
                RiskFinding(
                    .optionContractExceedsCap, limit: room, value: perContract, unit: .quote,
                    detail: "one contract at \(premium) × \(multiplier) is above the room under the caps"))
        }
        return .success(Swift.min(Swift.max(byRisk, 1), byRoom))
    }
}
