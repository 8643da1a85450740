import TraderCore

extension SimulatedGateway {
    /// Answers one request of `connection` (the message ids of the reference's §10). A request
    /// that breaks its layout is answered with error 321 naming the problem; the connection stays
    /// open, as TWS keeps it.
    func handle(_ fields: [String], from connection: Int) async {
        guard let client = clients[connection] else { return }
        var request = RequestFields(fields)
        do {
            switch request.messageID {
            case 1: try await requestMarketData(&request, connection: connection)
            case 2: clients[connection]?.marketData[try request.firstValue("reqId")] = nil
            case 3: try placeOrder(PlaceOrderRequest(fields), clientID: client.clientID)
            case 4: try cancelOrder(request.firstValue("orderId"), clientID: client.clientID)
            case 5, 16: sendOpenOrders(to: connection, allClients: request.messageID == 16)
            case 6: try requestAccountUpdates(&request, connection: connection)
            case 7: try sendExecutions(&request, clientID: client.clientID, to: connection)
            case 8: send(ServerMessage.nextValidID(nextValidID), to: connection)
            case 9: try requestContractDetails(&request, connection: connection)
            case 17: send(ServerMessage.managedAccounts([account]), to: connection)
            case 20: try await requestHistoricalData(&request, connection: connection)
            case 49: send(ServerMessage.currentTime(now), to: connection)
            case 58: cancelAll()
            case 61:
                clients[connection]?.positionsSubscribed = true
                sendPositions(to: connection)
            case 62: try sendAccountSummary(request.firstValue("reqId"), to: connection)
            case 64: clients[connection]?.positionsSubscribed = false
            case 76: try sendAccountUpdatesMulti(request.firstValue("reqId"), to: connection)
            case 78: try requestOptionParameters(&request, connection: connection)
            case 99: send(ServerMessage.completedOrdersEnd, to: connection)
            // REQ_AUTO_OPEN_ORDERS, CANCEL_HISTORICAL_DATA, REQ_MARKET_DATA_TYPE, CANCEL_ACCOUNT_SUMMARY,
            // CANCEL_ACCOUNT_UPDATES_MULTI: nothing to answer.
            case 15, 25, 59, 63, 77: break
            default: logger.info("ignored a request the simulator does not serve", metadata: ["message": "\(fields.first ?? "")"])
            }
        } catch {
            let requestID = Int(fields.dropFirst(fields.first == "3" ? 1 : 2).first ?? "") ?? -1
            send(ServerMessage.error(requestID, code: 321, "Error validating request:-'\(error)'"), to: connection)
        }
    }

    /// The clock ACCT_UPDATE_TIME shows: `HH:MM` in New York.
    var accountUpdateClock: String { String(eastern.parts(now).time.prefix(5)) }
}

extension RequestFields {
    /// The integer after the message id and its version: most requests' `reqId` or `orderId`.
    func firstValue(_ name: String) throws(TWSWireError) -> Int {
        var fields = self
        fields.skip(1)
        return try fields.requiredInt(name)
    }
}
