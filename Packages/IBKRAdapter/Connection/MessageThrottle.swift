/// At most `limit` messages in any one second: before each send, waits until the oldest of the
/// last `limit` sends is a second old (ib_async's rule, under IB's 50 a second).
struct MessageThrottle {
    let limit: Int
    private var sent: [ContinuousClock.Instant] = []
    private var oldest = 0

    init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot and takes it.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    mutating func take(clock: ContinuousClock = ContinuousClock()) async throws {
        if sent.count == limit {
            let earliest = sent[oldest].advanced(by: .seconds(1))
            if earliest > clock.now { try await clock.sleep(until: earliest) }
            sent[oldest] = clock.now
            oldest = (oldest + 1) % limit
        } else {
            sent.append(clock.now)
        }
    }
}
