import CostModel
import TraderCore

/// Turns a checked candidate into an exact order size: the notional divided by the price and
/// rounded down to the product's increment (never up: sizing may shrink, never grow), cut to the
/// product's maximum size, then held to the product's minimum size and notional and to
/// `min_notional` after taker fees.
struct OrderSizer {
    let limits: SizingLimits

    func size(_ candidate: RiskCandidate) -> Result<ApprovedTrade, RiskFinding> {
        let rules = candidate.rules
        let price = candidate.price
        var adjustments = candidate.adjustments
        var quantity: Quantity
        do {
            if candidate.isExit {
                quantity = try candidate.sellable.rounded(toIncrement: rules.baseIncrement, .down)
            } else {
                let units = try candidate.notional.divided(by: price.value, rounding: .down)
                quantity = try Quantity(units.isNegative ? .zero : units).rounded(toIncrement: rules.baseIncrement, .down)
                if let fixed = candidate.proposal.quantity, fixed < quantity {
                    quantity = try fixed.rounded(toIncrement: rules.baseIncrement, .down)
                }
            }
            if quantity > rules.maxSize {
                let largest = try rules.maxSize.rounded(toIncrement: rules.baseIncrement, .down)
                adjustments.append(
                    RiskFinding(
                        .maxSize, limit: largest.value, value: quantity.value, unit: .none,
                        detail: "cut to the product's maximum size \(largest)"))
                quantity = largest
            }
        } catch {
            return refuse(RiskFinding(.belowMinSize, detail: "\(candidate.symbol) size cannot be computed: \(error)"))
        }
        if quantity.isZero || quantity < rules.minSize {
            return refuse(RiskFinding(
                    .belowMinSize, limit: rules.minSize.value, value: quantity.value, unit: .none,
                    detail: "\(candidate.symbol) size \(quantity) is under the product's minimum \(rules.minSize)"))
        }
        guard let notional = try? price.notional(of: quantity, rounding: .down),
            let net = try? FeeAwareSizing(rates: limits.fees).netProceeds(ofGross: notional, liquidity: .taker)
        else {
            return refuse(RiskFinding(.belowMinNotional, detail: "\(candidate.symbol) notional cannot be computed"))
        }
        if notional < rules.minNotional {
            return refuse(RiskFinding(
                    .belowMinNotional, limit: rules.minNotional, value: notional, unit: .quote,
                    detail: "\(candidate.symbol) notional is under the product's minimum"))
        }
        if net < limits.minNotional {
            return refuse(RiskFinding(
                    .belowMinNotional, limit: limits.minNotional, value: net, unit: .quote,
                    detail: "\(candidate.symbol) notional after taker fees is under min_notional"))
        }
        return .success(
            ApprovedTrade(
                proposal: candidate.proposal, quantity: quantity, referencePrice: price, notional: notional,
                adjustments: adjustments))
    }

    private func refuse(_ finding: RiskFinding) -> Result<ApprovedTrade, RiskFinding> {
        .failure(finding)
    }
}
