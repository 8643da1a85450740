import TraderCore

/// Fee rates tiered by trailing 30-day volume, as venues publish them: the tier whose lower bound is
/// the highest one not above the volume applies.
public struct FeeSchedule: Hashable, Sendable {
    /// One tier.
    public struct Tier: Hashable, Sendable {
        /// The least 30-day volume (quote currency) for this tier.
        public let minimumVolume: FixedPoint
        /// The rates in this tier.
        public let rates: FeeRates

        /// Creates a tier.
        public init(minimumVolume: FixedPoint, rates: FeeRates) {
            self.minimumVolume = minimumVolume
            self.rates = rates
        }
    }

    /// The tiers, lowest volume first.
    public let tiers: [Tier]

    /// Creates a schedule.
    ///
    /// - Precondition: there is a tier starting at zero volume, and no two tiers start at the same
    ///   volume.
    public init(tiers: [Tier]) {
        let sorted = tiers.sorted { $0.minimumVolume < $1.minimumVolume }
        precondition(sorted.first?.minimumVolume == .zero, "a fee schedule needs a tier from zero volume")
        precondition(Set(sorted.map(\.minimumVolume)).count == sorted.count, "two fee tiers start at the same volume")
        self.tiers = sorted
    }

    /// One flat tier, as configured in `policy.yaml` or reported by the venue for the account.
    public init(flat rates: FeeRates) {
        self.init(tiers: [Tier(minimumVolume: .zero, rates: rates)])
    }

    /// The rates that apply at a 30-day volume.
    public func rates(forThirtyDayVolume volume: FixedPoint) -> FeeRates {
        tiers.last { $0.minimumVolume <= volume }!.rates
    }
}
