import Testing
import TraderCore
import TraderTestKit

/// ``IBKRAdapter`` against the simulator over real loopback TCP passes the venue conformance checks
/// ``PaperVenue`` and CoinbaseAdapter pass, every one.
@Suite struct IBKRAdapterConformanceTests {
    @Test(.timeLimit(.minutes(1)), arguments: VenueConformance.Check.allCases)
    func adapterOverSimulatorPasses(_ check: VenueConformance.Check) async throws {
        // The lost answer is waited out (twice): a short timeout keeps that check quick. Every
        // other check waits for answers that come, however slowly a loaded machine gives them.
        let timeout: Duration = check == .unknownOutcomeLookup ? .seconds(2) : .seconds(20)
        try await AdapterHarness.with(participationRate: FixedPoint(raw: 10_000), requestTimeout: timeout) { harness in
            try await VenueConformance.verify(check, on: IBKRVenueUnderTest(harness: harness))
        }
    }
}
