import Foundation
import Hummingbird
import TraderCore

extension CoinbaseSimulator {
    /// The control endpoints, under `/_sim` (no token; the simulator listens on loopback only):
    /// - `POST /_sim/faults` a fault object (see ``Fault``); `DELETE /_sim/faults` removes them all.
    /// - `POST /_sim/products/{product_id}` `{"status": "online|cancel_only|limit_only|post_only|disabled|offline"}`.
    /// - `POST /_sim/advance` `{"bars": N}`: in step mode, processes the next N bars.
    /// - `GET /_sim/clock`: `{"now": T, "speed": S}`, the market's time as shown to clients (between
    ///   bar closes too) and replayed seconds a wall second (0 in step mode), so that a client
    ///   under test can run its own clock in step with the replay.
    /// - `GET /_sim/state`: orders, fill count, balances, and requests served by endpoint, 429s,
    ///   401s and the peak requests a second of each class.
    func addControlRoutes(to router: Router<BasicRequestContext>) {
        let exchange = self.exchange
        let faults = self.faults
        let ledger = self.ledger
        let stepClock = self.stepClock
        router.post("/_sim/faults") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: Self.maxBodyBytes)
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                return Self.response(.invalidArgument("a fault is a JSON object"))
            }
            do throws(SimulatorError) {
                var fields = object.mapValues { "\($0)" }
                if let flag = object["after_arrival"] as? Bool { fields["after_arrival"] = flag ? "true" : "false" }
                faults.add(try Fault(fields: fields))
            } catch {
                return Self.response(.invalidArgument(error.message))
            }
            return Self.response(.json(["added": true]))
        }
        router.delete("/_sim/faults") { _, _ in
            faults.clear()
            return Self.response(.json(["cleared": true]))
        }
        router.post("/_sim/products/{product_id}") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: Self.maxBodyBytes)
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            guard let text = object?["status"] as? String, let status = ProductRules.Status(rawValue: text) else {
                return Self.response(.invalidArgument("status must be one of \(ProductRules.Status.allCases.map(\.rawValue))"))
            }
            guard let symbol = Symbol(canonical: context.parameters.get("product_id") ?? ""), (try? await exchange.venue.rules(for: symbol)) != nil else {
                return Self.response(.error(404, "NOT_FOUND", "product \(context.parameters.get("product_id") ?? "") is not listed"))
            }
            await exchange.setStatus(status, of: symbol)
            return Self.response(.json(["product_id": symbol.description, "status": status.rawValue]))
        }
        router.post("/_sim/advance") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: Self.maxBodyBytes)
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            guard let stepClock else { return Self.response(.invalidArgument("the replay runs on its own clock; start with --step")) }
            let bars = (object?["bars"] as? Int) ?? 1
            guard bars > 0 else { return Self.response(.invalidArgument("bars must be above zero")) }
            let processed = try await exchange.advance(bars: bars, clock: stepClock)
            return Self.response(.json(["processed": processed, "time": exchange.timeline.wall(stepClock.now()).description]))
        }
        router.get("/_sim/clock") { _, _ in
            if let stepClock {
                return Self.response(.json(["now": exchange.timeline.wall(stepClock.now()).description, "speed": 0]))
            }
            let now = pace.map { $0.replayTime(atWall: wallClock.now()) } ?? wallClock.now()
            return Self.response(.json(["now": exchange.timeline.wall(now).description, "speed": pace?.speed ?? 1]))
        }
        router.get("/_sim/state") { _, _ in
            Self.response(await exchange.state(requests: ledger.summary()))
        }
    }
}
