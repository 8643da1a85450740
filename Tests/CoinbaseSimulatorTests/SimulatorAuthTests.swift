import CoinbaseAdapter
import Crypto
import Foundation
import Testing
import TraderCore

/// The simulator checks tokens as Coinbase does: each bad token gets a 401 and Coinbase's bare body.
@Suite struct SimulatorAuthTests {
    static let path = "/api/v3/brokerage/accounts"

    func token(_ harness: SimulatorHarness, credentials: CoinbaseCredentials? = nil, path: String = path, now: Timestamp = SystemClock().now()) -> String {
        CoinbaseJWT.token(for: credentials ?? harness.credentials, method: "GET", host: "127.0.0.1:\(harness.port)", path: path, now: now)
    }

    @Test func aTokenMintedAsTheAdapterDoesIsAccepted() async throws {
        try await SimulatorHarness.with { harness in
            let response = try await harness.send(Self.path)
            #expect(response.status == 200)
        }
    }

    @Test func badTokensAreRefusedWith401() async throws {
        try await SimulatorHarness.with { harness in
            let stranger = try CoinbaseCredentials(keyName: "organizations/x/apiKeys/unknown", pem: P256.Signing.PrivateKey().pemRepresentation)
            let good = token(harness)
            let parts = good.split(separator: ".")
            let raw = try #require(Data(base64Encoded: Self.padded(String(parts[2]))))
            let der = try P256.Signing.ECDSASignature(rawRepresentation: raw).derRepresentation
            let tokens = [
                "another path": token(harness, path: "/api/v3/brokerage/orders/historical/batch"),
                "expired": token(harness, now: SystemClock().now().advanced(bySeconds: -600)),
                "unknown key": token(harness, credentials: stranger),
                "DER signature": "\(parts[0]).\(parts[1]).\(CoinbaseJWT.base64URL(der))",
                "none": "",
            ]
            for (what, token) in tokens {
                let response = try await harness.send(Self.path, token: token)
                #expect(response.status == 401, "\(what)")
                #expect(response.text == "Unauthorized", "\(what)")
            }
            let served = try await harness.state()["served"] as? [String: Any]
            #expect(served?["unauthorized"] as? Int == tokens.count)
        }
    }

    static func padded(_ base64URL: String) -> String {
        let base64 = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)
    }
}
