import Foundation
import Testing
import TraderTestKit

/// The built exchange-sim as a subprocess: usage, data and key errors exit 2 and say what is wrong.
@Suite struct ExchangeSimCommandTests {
    static let binary: String = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent("exchange-sim").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : SharedData.packageRoot + "/.build/debug/exchange-sim"
    }()

    /// Runs exchange-sim with `arguments` to its exit; its status and standard error.
    func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func withoutDataItExits2() throws {
        let outcome = try run([])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--data"))
    }

    @Test func aMissingDataFileExits2NamingIt() throws {
        let outcome = try run(["--data", "BTC-USD=/nonexistent/candles.csv", "--step"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("/nonexistent/candles.csv"))
    }

    @Test func aKeyFileThatIsNotAKeyExits2NamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exchange-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = folder.appendingPathComponent("key.json").path
        try Data(#"{"name": "organizations/x/apiKeys/y", "privateKey": "not a key"}"#.utf8).write(to: URL(fileURLWithPath: keys))
        let outcome = try run(["--data", "BTC-USD=\(try SharedData.path("data/coinbase_btcusd_1h.csv"))", "--step", "--keys", keys, "--warmup", "2"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("invalid_key: key organizations/x/apiKeys/y: the private key is not an EC P-256 PEM"))
    }
}
