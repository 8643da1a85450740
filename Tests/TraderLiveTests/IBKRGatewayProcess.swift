import Foundation
import TraderTestKit

/// The built exchange-sim serving IB's socket protocol (`--venue ibkr`) as a subprocess on a free
/// port of 127.0.0.1, replaying real SPY hourly bars (1998–2021) `speed` times faster than they
/// happened, nights skipped.
final class IBKRGatewayProcess: Sendable {
    let port: Int
    private let process: Process

    /// Starts it on the hourly bars of `symbols` (lower-case names of the shared `<name>_1h` files)
    /// with `warmup` bars closed and waits until it listens.
    init(speed: Int, warmup: Int, symbols: [String] = ["spy"]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: ExchangeSimProcess.binary)
        var data: [String] = []
        for symbol in symbols {
            data += ["--data", "\(symbol.uppercased())=\(try SharedData.path("data/us-equities/\(symbol)_1h_19980102-20210331.csv"))"]
        }
        process.arguments = ["--venue", "ibkr"] + data + ["--bar-seconds", "3600", "--speed", String(speed), "--warmup", String(warmup)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var printed = ""
        while !printed.contains(" listening on "), case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        guard let address = printed.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("tws://127.0.0.1:") }),
            let port = Int(address.split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "exchange-sim --venue ibkr did not start: \(printed)"])
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
