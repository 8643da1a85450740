import TraderCore

/// A request waiting for its answer: the messages so far, and who waits.
struct PendingRequest {
    var messages: [[String]] = []
    let continuation: CheckedContinuation<[[String]], any Error>
    let collectsCommissions: Bool
}

extension IBKRAdapter {
    /// Keys of the requests that have no request id (one of each in flight at a time).
    enum RequestKey {
        static let openOrders = -5
        static let positions = -61
        static let currentTime = -49
    }

    /// Message ids whose request id is at index 1, and those at index 2.
    static let requestIDAtIndex1: Set<String> = ["10", "17", "75", "76", "21"]
    static let requestIDAtIndex2: Set<String> = ["52", "63", "64", "1", "2", "57", "58", "55"]
    /// Message ids that end a request.
    static let endsRequest: Set<String> = ["52", "17", "76", "64", "57", "55"]

    /// Sends `message` and collects the answer under `key` until its end message.
    ///
    /// - Throws: ``VenueError``: `not_sent` without a connection, `timeout` when no answer comes in
    ///   time, `unavailable` when the connection drops, or the gateway's refusal.
    func request(_ message: some TWSMessage, key: Int, collectsCommissions: Bool = false) async throws(VenueError) -> [[String]] {
        guard link != nil else { throw VenueError(.notSent, message: "not connected to the gateway") }
        if pending[key] != nil { throw VenueError(.notSent, message: "a \(type(of: message).table.name) request is already in flight") }
        let timeout = configuration.requestTimeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            await self?.fail(key, VenueError(.timeout, message: "no answer to \(type(of: message).table.name) within \(timeout)"))
        }
        defer { timer.cancel() }
        do {
            return try await withCheckedThrowingContinuation { continuation in
                pending[key] = PendingRequest(continuation: continuation, collectsCommissions: collectsCommissions)
                do throws(VenueError) {
                    try send(message)
                } catch {
                    fail(key, error)
                }
            }
        } catch let error as VenueError {
            throw error
        } catch {
            throw VenueError(.unavailable, message: "\(error)")
        }
    }

    func fail(_ key: Int, _ error: VenueError) {
        pending.removeValue(forKey: key)?.continuation.resume(throwing: error)
    }

    private func collect(_ key: Int, _ fields: [String], ends: Bool) {
        guard pending[key] != nil else { return }
        pending[key]?.messages.append(fields)
        if ends, let request = pending.removeValue(forKey: key) { request.continuation.resume(returning: request.messages) }
    }

    /// Routes one message from the gateway: a request's answer to its waiter, an order's news to
    /// the order and the event stream, a notice to the log. A message that does not decode is
    /// logged and dropped.
    func dispatch(_ fields: [String]) {
        guard let id = fields.first else { return }
        do {
            switch id {
            case "4": try handle(ErrorMessage.decode(fields, serverVersion: serverVersion))
            case "9": nextValidID = max(nextValidID, try NextValidID.decode(fields, serverVersion: serverVersion).orderID)
            case "5":
                apply(try OpenOrder.decode(fields, serverVersion: serverVersion))
                collect(RequestKey.openOrders, fields, ends: false)
            case "3":
                apply(try OrderStatus.decode(fields, serverVersion: serverVersion))
                collect(RequestKey.openOrders, fields, ends: false)
            case "53": collect(RequestKey.openOrders, fields, ends: true)
            case "11":
                let execution = try ExecutionData.decode(fields, serverVersion: serverVersion)
                apply(execution)
                if execution.requestID != -1 { collect(execution.requestID, fields, ends: false) }
            case "59":
                apply(try CommissionReport.decode(fields, serverVersion: serverVersion))
                for (key, request) in pending where request.collectsCommissions { collect(key, fields, ends: false) }
            case "61": collect(RequestKey.positions, fields, ends: false)
            case "62": collect(RequestKey.positions, fields, ends: true)
            case "49": collect(RequestKey.currentTime, fields, ends: true)
            case "15", "8", "6", "7", "54", "73", "74", "81", "45", "46": break
            default:
                let index = Self.requestIDAtIndex1.contains(id) ? 1 : (Self.requestIDAtIndex2.contains(id) ? 2 : nil)
                guard let index, index < fields.count, let key = Int(fields[index]) else {
                    logger.debug("ignored a message", metadata: ["id": "\(id)"])
                    return
                }
                collect(key, fields, ends: Self.endsRequest.contains(id))
            }
        } catch {
            logger.error("dropped a malformed message from the gateway", metadata: ["error": "\(error)"])
        }
    }

    /// ERR_MSG: a request's refusal ends it; an order's refusal ends the order; connectivity
    /// notices mark the link down (1100) or up again with a gap to resynchronize from (1101, 1102);
    /// the data-farm notices (2100–2199) and other warnings are only logged.
    private func handle(_ error: ErrorMessage) {
        switch error.code {
        case 1100:
            connectivityLost = true
            logger.warning("the gateway lost its connection to IB", metadata: ["code": "1100"])
            return
        case 1101, 1102:
            connectivityLost = false
            logger.info("the gateway's connection to IB is back", metadata: ["code": "\(error.code)"])
            updates.yield(.gap(since: lastExecutionTime, reason: "IB connectivity restored (\(error.code))"))
            return
        case 2100...2199, 399, 10167:
            logger.debug("gateway notice", metadata: ["code": "\(error.code)", "text": "\(error.text)"])
            return
        default: break
        }
        if pending[error.requestID] != nil {
            let code: VenueError.Code = error.code == 200 ? .notFound : .rejected
            fail(error.requestID, VenueError(code, venueReason: String(error.code), message: error.text))
        } else if orders[error.requestID] != nil {
            orderError(error)
        } else {
            logger.warning("gateway error", metadata: ["id": "\(error.requestID)", "code": "\(error.code)", "text": "\(error.text)"])
        }
    }
}
