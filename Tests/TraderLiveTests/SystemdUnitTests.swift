import Foundation
import Testing
import TraderTestKit

/// The shipped systemd unit (deploy/trader-live.service) passes `systemd-analyze verify`, with its
/// /opt/trader paths pointed at a folder holding the built binaries.
@Suite struct SystemdUnitTests {
    @Test func theShippedUnitPassesSystemdAnalyzeVerify() throws {
        let folder = NSTemporaryDirectory() + "trader-unit-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/opt/bin", withIntermediateDirectories: true)
        let binaries = URL(fileURLWithPath: TraderLiveProcess.binary).deletingLastPathComponent().path
        for name in ["trader-live", "config-lint"] {
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/opt/bin/\(name)", withDestinationPath: "\(binaries)/\(name)")
        }
        let unit = try String(contentsOfFile: SharedData.packageRoot + "/deploy/trader-live.service", encoding: .utf8)
        #expect(unit.contains("KillSignal=SIGTERM"))
        #expect(unit.contains("Restart=on-failure"))
        #expect(unit.contains("TimeoutStopSec=60"))
        try unit.replacingOccurrences(of: "/opt/trader", with: folder + "/opt")
            .write(toFile: folder + "/trader-live.service", atomically: true, encoding: .utf8)
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        verify.arguments = ["verify", "--man=no", folder + "/trader-live.service"]
        let output = Pipe()
        verify.standardOutput = output
        verify.standardError = output
        try verify.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        verify.waitUntilExit()
        #expect(verify.terminationStatus == 0, "\(said)")
        #expect(said == "")
    }
}
