import Testing
import TraderCore
import TraderTestKit

/// ``IBKRAdapter`` against the simulator over real loopback TCP passes the venue conformance checks
/// ``PaperVenue`` and CoinbaseAdapter pass, every one.
@Suite struct IBKRAdapterConformanceTests {
    @Test(.timeLimit(.minutes(1)), arguments: VenueConformance.Check.allCases)
    func adapterOverSimulatorPasses(_ check: VenueConformance.Check) async throws {
        try await AdapterHarness.with(participationRate: FixedPoint(raw: 10_000), requestTimeout: .seconds(2)) { harness in
            try await VenueConformance.verify(check, on: IBKRVenueUnderTest(harness: harness))
        }
    }
}
