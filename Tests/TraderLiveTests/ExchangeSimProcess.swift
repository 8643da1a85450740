import Foundation
import Synchronization
import TraderTestKit

/// The built exchange-sim run as a subprocess on a free port of 127.0.0.1, replaying the real
/// Coinbase BTC-USD hours of ../shared/data `speed` times faster than the wall clock, with its key
/// file in `folder`.
final class ExchangeSimProcess: Sendable {
    static let binary: String = {
        URL(fileURLWithPath: TraderLiveProcess.binary).deletingLastPathComponent().appendingPathComponent("exchange-sim").path
    }()

    let folder: String
    let baseURL: String
    private let process: Process

    /// Starts it and waits until it listens.
    ///
    /// - Parameter faults: `--fault` values (exchange-sim's syntax).
    init(folder: String, speed: Int, faults: [String] = []) throws {
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--data", "BTC-USD=\(try SharedData.path("data/coinbase_btcusd_1h.csv"))", "--speed", String(speed), "--keys", folder + "/key.json",
            "--rate-limit", "none",
        ] + faults.flatMap { ["--fault", $0] }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var printed = ""
        while !printed.contains(" listening on "), case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        guard let address = printed.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("http://127.0.0.1:") }) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "exchange-sim did not start: \(printed)"])
        }
        baseURL = String(address)
    }

    /// The API key exchange-sim made: the environment trader-live reads it from.
    func credentialsEnvironment() throws -> [String: String] {
        let key = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/key.json"))) as? [String: Any]
        return [
            "TRADER_COINBASE_API_KEY_NAME": key?["name"] as? String ?? "", "TRADER_COINBASE_API_PRIVATE_KEY": key?["privateKey"] as? String ?? "",
        ]
    }

    /// `GET /_sim/state`: orders, fills, resubmissions, balances, requests served.
    func state() async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try await HTTPGet.text(baseURL + "/_sim/state").utf8)) as? [String: Any] ?? [:]
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
