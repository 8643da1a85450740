import TraderCore

/// The commissions the simulator charges, IBKR Pro's fixed rates for US stocks and options:
/// stocks USD 0.005 a share, at least USD 1.00 and at most 1 % of the trade's value; options
/// USD 0.65 a contract, at least USD 1.00; each rounded to the cent.
enum CommissionSchedule {
    /// The commission of one execution of `shares` at `price` of `contract`.
    static func commission(for contract: GatewayContract, shares: FixedPoint, price: FixedPoint) -> FixedPoint {
        let cent = FixedPoint.scale / 100
        let dollar = FixedPoint.scale
        let units = shares.doubleValue
        switch contract.securityType {
        case .stock:
            let perShare = Int64((units * 0.5).rounded(.up)) * cent
            let cap = Int64((units * price.doubleValue).rounded(.down)) * cent
            return FixedPoint(raw: max(dollar, min(perShare, max(cap, dollar))))
        case .option:
            return FixedPoint(raw: max(dollar, Int64((units * 65).rounded(.up)) * cent))
        }
    }
}
