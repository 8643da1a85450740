/// Faults the gateway is told to inject, each consumed when it happens.
struct GatewayFaults: Sendable {
    /// The next PLACE_ORDER is refused with error 201 and this reason.
    var rejectNextOrder: String?
    /// The next execution is not pushed to the client (it is still in REQ_EXECUTIONS' answer),
    /// as when a message is lost.
    var dropNextExecution = false
    /// Connectivity between the gateway and IB is lost (1100): nothing is pushed until it is restored.
    var connectivityLost = false
    /// The next PLACE_ORDER's answer is lost: the order works but is not acknowledged (`true`), or
    /// never arrives (`false`).
    var loseNextPlaceAnswer: Bool?
}

extension SimulatedGateway {
    /// Refuses the next order with error 201 and `reason`.
    public func rejectNextOrder(reason: String) { faults.rejectNextOrder = reason }

    /// Loses the answer to the next PLACE_ORDER: the order arrives and works, but its
    /// acknowledgement (OPEN_ORDER, ORDER_STATUS) is not sent (`afterArrival`), or the order never
    /// arrives.
    public func loseNextPlaceAnswer(afterArrival: Bool) { faults.loseNextPlaceAnswer = afterArrival }

    /// Loses the next execution's live messages (EXECUTION_DATA and COMMISSION_REPORT pushed to the
    /// client); REQ_EXECUTIONS still lists it, so a reconciliation finds it.
    public func dropNextExecution() { faults.dropNextExecution = true }

    /// Connectivity between the gateway and IB is lost: error 1100 to every client, and nothing is
    /// pushed (order status, executions, ticks) until ``restoreConnectivity(dataLost:)``; orders still
    /// fill meanwhile.
    public func loseConnectivity() {
        faults.connectivityLost = true
        for client in clients.values {
            client.output.yield(ServerMessage.error(-1, code: 1100, "Connectivity between IB and Trader Workstation has been lost."))
        }
    }

    /// Connectivity is back: error 1101 (data lost: the client must resubscribe and reconcile) or 1102
    /// (data maintained) to every client.
    public func restoreConnectivity(dataLost: Bool) {
        faults.connectivityLost = false
        for client in clients.values {
            client.output.yield(
                dataLost
                    ? ServerMessage.error(-1, code: 1101, "Connectivity between IB and Trader Workstation has been restored - data lost.")
                    : ServerMessage.error(-1, code: 1102, "Connectivity between IB and Trader Workstation has been restored - data maintained."))
        }
    }

    /// Restarts the gateway: every connection is closed, and the next valid id starts again at
    /// `nextValidID` (lower than ids already used, as after a gateway whose id state was lost).
    /// Orders, executions and the account survive: they live at IB.
    public func restart(nextValidID: Int) {
        for connection in clients.keys { disconnect(connection) }
        self.nextValidID = nextValidID
    }
}
