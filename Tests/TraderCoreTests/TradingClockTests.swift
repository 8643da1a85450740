import Testing
import TraderCore

/// Sleeping on the clocks: a manual clock wakes its sleepers when moved to their deadline, in
/// deadline order, and a cancelled sleeper stops waiting.
@Suite struct TradingClockTests {
    private let start = Timestamp(secondsSinceEpoch: 1_000)

    /// Waits (without a wall-clock bound) until `count` tasks sleep on `clock`.
    private func waitForSleepers(_ count: Int, on clock: ManualClock) async {
        while clock.sleeperCount < count { await Task.yield() }
    }

    @Test func aSleeperWakesOnlyWhenTheClockReachesItsDeadline() async throws {
        let clock = ManualClock(start)
        let sleeper = Task { try await clock.sleep(until: start.advanced(bySeconds: 60)) }
        await waitForSleepers(1, on: clock)
        clock.advance(by: .seconds(59))
        #expect(clock.sleeperCount == 1)
        #expect(clock.nextDeadline == start.advanced(bySeconds: 60))
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func aDeadlineAlreadyPassedReturnsAtOnce() async throws {
        let clock = ManualClock(start)
        try await clock.sleep(until: start)
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepersWakeInDeadlineOrderWhenTheClockJumpsPastThemAll() async throws {
        let clock = ManualClock(start)
        let woken = WakeLog()
        var tasks: [Task<Void, any Error>] = []
        for seconds in [30, 10, 20] as [Int64] {
            tasks.append(Task {
                try await clock.sleep(until: start.advanced(bySeconds: seconds))
                await woken.add(seconds)
            })
            await waitForSleepers(tasks.count, on: clock)
        }
        #expect(clock.nextDeadline == start.advanced(bySeconds: 10))
        clock.set(to: start.advanced(bySeconds: 25))
        try await tasks[1].value
        try await tasks[2].value
        #expect(clock.sleeperCount == 1)
        clock.set(to: start.advanced(bySeconds: 30))
        try await tasks[0].value
        #expect(Set(await woken.seconds) == [10, 20, 30])
    }

    @Test func aCancelledSleeperThrowsAndLeavesTheClock() async {
        let clock = ManualClock(start)
        let sleeper = Task { try await clock.sleep(until: start.advanced(bySeconds: 60)) }
        await waitForSleepers(1, on: clock)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func anAcceleratedClockStartsAtItsStartAndNeverRunsBackwards() async throws {
        let clock = AcceleratedClock(start: start, factor: 3_600)
        let first = clock.now()
        #expect(first >= start)
        try await clock.sleep(until: first.advanced(bySeconds: 36))  // 10 ms of real time
        #expect(clock.now() >= first.advanced(bySeconds: 36))
    }
}

private actor WakeLog {
    var seconds: [Int64] = []
    func add(_ value: Int64) { seconds.append(value) }
}
