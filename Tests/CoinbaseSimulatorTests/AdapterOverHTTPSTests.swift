import CoinbaseAdapter
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// ``CoinbaseAdapter`` against the built exchange-sim run as a subprocess with `--https`: the
/// certificate it generates is the only one trusted, the key is the one it wrote, and every kind of
/// call (clock, products, quotes, book, candles, balances, place, look up, list, cancel, fills)
/// works over TLS. An adapter trusting only the system's certificates refuses the connection.
@Suite struct AdapterOverHTTPSTests {
    /// exchange-sim serving HTTPS in step mode, until `body` returns.
    func withExchangeSim(_ body: (_ baseURL: String, _ folder: String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exchange-sim-https-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ExchangeSimCommandTests.binary)
        process.arguments = [
            "--data", "BTC-USD=\(try SharedData.path("data/coinbase_btcusd_1h.csv"))", "--step", "--https", "--keys", folder + "/key.json",
            "--cert-out", folder + "/cert.pem", "--warmup", "300",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // Ready once it prints its listening line, however long that takes.
        var printed = ""
        while !printed.contains(" listening on "), case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(printed.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("https://127.0.0.1:") })
        try await body(String(address), folder)
    }

    @Test(.timeLimit(.minutes(2)))
    func everyKindOfCallWorksOverTLSTrustingTheGeneratedCertificate() async throws {
        try await withExchangeSim { baseURL, folder in
            let credentials = try CoinbaseCredentials(keyFileJSON: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/key.json"))))
            let adapter = CoinbaseAdapter(
                configuration: CoinbaseConfiguration(baseURL: baseURL, credentials: credentials, caFile: folder + "/cert.pem"))
            let btc = Symbol(base: "BTC", quote: "USD")
            try await adapter.checkClock(maxSkew: .seconds(5))
            #expect(try await adapter.rules(for: btc).status == .online)
            #expect(try await adapter.allProducts().map(\.symbol) == [btc])
            let quote = try #require(try await adapter.quotes(for: [btc])[btc])
            let book = try await adapter.book(for: btc, depth: 5)
            #expect(book.bids.first?.price == quote.bid)
            let now = try await adapter.serverTime()
            let candles = try await adapter.candles(for: btc, interval: .seconds(3_600), in: now.advanced(bySeconds: -48 * 3_600)..<now)
            #expect(candles.count >= 47)
            #expect(try await adapter.balances().first { $0.currency == .usd }?.available == FixedPoint(100_000))

            let price = try Price(quote.bid.value.multiplied(by: FixedPoint("0.5")!, rounding: .down)).rounded(toTick: Price("0.01")!, .down)
            let order = Order(
                clientOrderID: ClientOrderID("https-1"), symbol: btc, side: .buy, kind: .limit(price: price, postOnly: true),
                quantity: Quantity("0.01")!)
            guard case .accepted(let venueID) = try await adapter.place(order) else {
                Issue.record("the placement was not accepted")
                return
            }
            #expect(try await adapter.order(OrderReference(order.clientOrderID))?.venueOrderID == venueID)
            #expect(try await adapter.openOrders().map(\.clientOrderID) == [order.clientOrderID])
            try await adapter.cancel(OrderReference(order.clientOrderID, venueOrderID: venueID))
            #expect(try await adapter.order(OrderReference(order.clientOrderID, venueOrderID: venueID))?.status == .cancelled)
            #expect(try await adapter.fills(since: now.advanced(bySeconds: -3_600)).isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func anAdapterThatDoesNotTrustTheCertificateIsNeverConnected() async throws {
        try await withExchangeSim { baseURL, folder in
            let credentials = try CoinbaseCredentials(keyFileJSON: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/key.json"))))
            let adapter = CoinbaseAdapter(
                configuration: CoinbaseConfiguration(baseURL: baseURL, credentials: credentials, maxAttempts: 1))
            let error = await #expect(throws: VenueError.self) { _ = try await adapter.balances() }
            #expect(error?.code == .notSent)
        }
    }
}
