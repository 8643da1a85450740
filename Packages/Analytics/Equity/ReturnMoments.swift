/// The running count, mean, sum of squared deviations (Welford) and downside sum of a series of
/// per-period returns.
struct ReturnMoments: Sendable {
    private(set) var count = 0
    private(set) var mean = 0.0
    /// Σ (r − mean)², kept by Welford's update.
    private(set) var squaredDeviations = 0.0
    /// Σ (r − rf)² over the returns below the per-period risk-free rate.
    private(set) var downsideSquares = 0.0

    /// Adds one return (Welford's update).
    mutating func add(_ r: Double, riskFreePerPeriod: Double) {
        count += 1
        let delta = r - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (r - mean)
        // Without a branch: about half the returns fall short, unpredictably. A return that does
        // not fall short adds 0 × 0, which leaves the sum (never negative) as it is.
        let shortfall = min(r - riskFreePerPeriod, 0)
        downsideSquares += shortfall * shortfall
    }

    /// Adds `zeros` returns of exactly 0 as one block (Chan et al.'s pairwise merge of a block whose
    /// mean and squared deviations are 0): with n = count + k and δ = −mean,
    /// mean′ = mean + δ·k/n and M2′ = M2 + δ²·count·k/n.
    mutating func addZeros(_ zeros: Int, riskFreePerPeriod: Double) {
        guard zeros > 0 else { return }
        let merged = count + zeros
        let delta = -mean
        let share = Double(zeros) / Double(merged)
        mean += delta * share
        squaredDeviations += delta * delta * Double(count) * share
        count = merged
        if riskFreePerPeriod > 0 { downsideSquares += Double(zeros) * riskFreePerPeriod * riskFreePerPeriod }
    }
}
