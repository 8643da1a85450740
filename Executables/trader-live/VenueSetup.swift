import Backtest
import CoinbaseAdapter
import CostModel
import CurlHTTP
import Foundation
import IBKRAdapter
import LiveRuntime
import TraderConfig
import TraderCore

/// The venue `app.yaml` names, and the clock the node runs on there.
struct VenueSetup {
    let connection: VenueConnection
    let clock: any TradingClock
    /// What must run beside the node for the venue to answer (IB's connection), if anything.
    var background: (@Sendable () async throws -> Void)?
    /// Where the venue reserves order ids once the node's store is open, if it does.
    var orderIDs: StoreOrderIDs?

    /// Why the venue could not be set up, for the operator.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// `venue: sim`: the paper venue replaying `candles` (the `sim` section's, or `--data`'s),
    /// its first `warmUpBars` bars closed before the node starts, on a ``SteppedReplayClock``.
    static func sim(
        _ settings: SimVenueSettings, candles: [(symbol: Symbol, path: String)], configuration: TraderConfiguration, warmUpBars: Int
    ) async throws -> VenueSetup {
        let feed = try HistoricalFeed(sources: candles.map { HistoricalFeed.Source(symbol: $0.symbol, path: $0.path) })
        let increment = Price(FixedPoint(nearest: settings.priceIncrement) ?? .zero)
        guard increment.value.raw > 0 else {
            throw Problem(description: "sim.price_increment \(settings.priceIncrement) is not a positive price")
        }
        let products = candles.map {
            ProductRules(
                symbol: $0.symbol, baseIncrement: Quantity(FixedPoint(raw: 1)), priceIncrement: increment, minSize: Quantity(FixedPoint(raw: 1)),
                maxSize: Quantity(FixedPoint(1_000_000)), minNotional: .zero, status: .online)
        }
        let execution = configuration.policy.execution
        let fillModel = FillModel(
            fees: FeeRates(makerBps: FixedPoint(nearest: execution.makerFeeBps) ?? .max, takerBps: FixedPoint(nearest: execution.takerFeeBps) ?? .max),
            slippageBps: FixedPoint(nearest: execution.slippageBps) ?? .zero, limitRule: .tradeThrough, participationRate: FixedPoint(nearest: 0.1),
            latencyBars: 0)
        let quoteCurrency = Currency(code: candles.first?.symbol.quote ?? "USD")
        let manual = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let venue = try PaperVenue(
            feed: feed, products: products, fillModel: fillModel,
            balances: [quoteCurrency: FixedPoint(nearest: settings.startingCash) ?? .zero], clock: manual)
        // The first bar's close, then as many more as the signals warm up on.
        guard let first = await venue.nextBarClose else { throw Problem(description: "the sim candle files hold no bar") }
        let start = first.advanced(by: .seconds(Int64(configuration.app.schedule.intervalSeconds)) * max(0, warmUpBars - 1))
        manual.set(to: start)
        try await venue.advance(to: start)
        return VenueSetup(connection: VenueConnection(venue), clock: SteppedReplayClock(clock: manual, venue: venue))
    }

    /// `venue: coinbase`: Coinbase Advanced Trade at `settings.base_url`, signing with the
    /// secrets' key, on the wall clock.
    static func coinbase(_ settings: CoinbaseSettings, secrets: TraderSecrets, baseDirectory: String) async throws -> VenueSetup {
        var credentials: CoinbaseCredentials?
        if let name = secrets.coinbaseAPIKeyName, let key = secrets.coinbaseAPIPrivateKey {
            do {
                credentials = try CoinbaseCredentials(keyName: name.reveal(), pem: key.reveal())
            } catch {
                throw Problem(description: "the Coinbase credentials cannot be used: \(error)")
            }
        }
        let caFile = settings.caFile.map { $0.hasPrefix("/") ? $0 : baseDirectory + "/" + $0 }
        let rate = settings.privateRequestsPerSecond ?? 10
        let adapter = CoinbaseAdapter(
            configuration: CoinbaseConfiguration(
                baseURL: settings.baseUrl, credentials: credentials, privateRate: (rate, rate * 3), publicRate: (rate / 2, rate), caFile: caFile))
        let clock: any TradingClock =
            settings.followSimulatorClock == true ? try await simulatorClock(settings.baseUrl, caFile: caFile) : SystemClock()
        return VenueSetup(connection: VenueConnection(adapter), clock: clock)
    }

    /// `venue: ibkr`: TWS or IB Gateway at `settings`' port, trading `products`, on the wall clock
    /// (or the gateway's, with `follow_gateway_clock`); order ids reserved in the state store. The
    /// adapter's connection starts here and is the setup's background work; this waits up to
    /// `connectTimeout` for its first handshake.
    static func ibkr(_ settings: IBKRSettings, secrets: TraderSecrets, products: [Symbol], connectTimeout: Duration = .seconds(30)) async throws -> VenueSetup {
        let orderIDs = StoreOrderIDs()
        let gatewayClock = settings.followGatewayClock == true ? GatewayClock(start: SystemClock().now()) : nil
        let adapter = IBKRAdapter(
            configuration: IBKRConfiguration(
                host: settings.host ?? "127.0.0.1", port: settings.port, clientID: settings.clientId, account: secrets.ibkrAccountID?.reveal(),
                products: products, orderIDs: orderIDs, messagesPerSecond: settings.messagesPerSecond ?? 45, clock: gatewayClock ?? SystemClock()))
        let connection = Task { try await adapter.run() }
        guard await adapter.waitUntilConnected(timeout: connectTimeout) else {
            connection.cancel()
            throw Problem(description: "venue ibkr: no API connection to \(settings.host ?? "127.0.0.1"):\(settings.port) within \(connectTimeout)")
        }
        if let gatewayClock { try await gatewayClock.attach(adapter) }
        // The connection keeps running; the node's run owns it from here (cancelling it stops it).
        let background: @Sendable () async throws -> Void = {
            try await withTaskCancellationHandler { try await connection.value } onCancel: { connection.cancel() }
        }
        return VenueSetup(connection: VenueConnection(adapter), clock: gatewayClock ?? SystemClock(), background: background, orderIDs: orderIDs)
    }

    /// A clock in step with exchange-sim's replay at `baseURL` (its `GET /_sim/clock`).
    static func simulatorClock(_ baseURL: String, caFile: String?) async throws -> AcceleratedClock {
        let client = HTTPClient(configuration: .init(caFile: caFile))
        let response = try await client.send(HTTPRequest(url: baseURL + "/_sim/clock"))
        let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard response.status == 200, let text = object?["now"] as? String, let now = Timestamp(text),
            let speed = object?["speed"] as? Int, speed >= 1
        else {
            throw Problem(description: "coinbase.follow_simulator_clock: \(baseURL)/_sim/clock gave no running replay clock (status \(response.status))")
        }
        return AcceleratedClock(start: now, factor: speed)
    }
}
