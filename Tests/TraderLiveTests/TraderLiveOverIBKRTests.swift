import Foundation
import Persistence
import Testing
import TraderCore
import TraderTestKit

/// trader-live and trader-reconcile as subprocesses against `exchange-sim --venue ibkr` (IB's socket
/// protocol on 127.0.0.1), itself replaying real SPY hours of 1998: the shipped strategy on SPY,
/// the node on the gateway's clock.
@Suite(.serialized) struct TraderLiveOverIBKRTests {
    @Test func aPaperSessionAgainstTheGatewaySimulatorEndsInStepWithIt() async throws {
        let gateway = try IBKRGatewayProcess(speed: 7_200, warmup: 400)
        defer { gateway.stop() }
        let live = try TraderLiveProcess(ibkrPort: gateway.port)
        defer { live.remove() }
        #expect(try live.run(["--warm-up-bars", "300", "--max-cycles", "30", "--format", "json"]) == 0, "\(live.standardError)")
        let summary = try live.summary()
        #expect(summary["cycles"] as? Int == 30)
        #expect(summary["failed_cycles"] as? Int == 0)
        let store = try StateStore(readingOnly: live.statePath)
        #expect(try store.runEpochs().count == 1)
        let reconcile = TraderLiveProcess(folder: live.folder, program: "trader-reconcile")
        let status = try reconcile.run(["--format", "json"])
        #expect(status == 0, "\(reconcile.standardOutput + reconcile.standardError)")
        #expect(reconcile.standardOutput.contains("\"in_sync\" : true"))
    }
}
