import NIOCore

/// The adapter's inbound decoding on a recorded byte stream, without a socket: length-prefixed
/// frames split into fields, then the field tables of OPEN_ORDER, ORDER_STATUS, EXECUTION_DATA and
/// COMMISSION_REPORT, as the connection runs them. For the decode-throughput benchmark
/// (`Benchmarks/IBKRDecode`); not part of the adapter's API.
@_spi(Benchmarks) public enum TWSStreamDecoding {
    /// What one pass decoded, by message.
    public struct Counts: Hashable, Sendable {
        public var openOrders = 0
        public var orderStatuses = 0
        public var executions = 0
        public var commissionReports = 0
        /// Frames of other messages, and frames a table refused.
        public var others = 0

        /// Every frame read.
        public var total: Int { openOrders + orderStatuses + executions + commissionReports + others }
    }

    /// Decodes every frame of `stream` at `serverVersion`.
    public static func decode(_ stream: [UInt8], serverVersion: Int = TWSProtocol.serverVersion) -> Counts {
        var buffer = ByteBuffer(bytes: stream)
        var counts = Counts()
        while let length = buffer.readInteger(as: UInt32.self), let payload = buffer.readSlice(length: Int(length)) {
            let fields = TWSFraming.fields(of: payload.readableBytesView)
            switch fields.first {
            case "5" where (try? OpenOrder.decode(fields, serverVersion: serverVersion)) != nil: counts.openOrders += 1
            case "3" where (try? OrderStatus.decode(fields, serverVersion: serverVersion)) != nil: counts.orderStatuses += 1
            case "11" where (try? ExecutionData.decode(fields, serverVersion: serverVersion)) != nil: counts.executions += 1
            case "59" where (try? CommissionReport.decode(fields, serverVersion: serverVersion)) != nil: counts.commissionReports += 1
            default: counts.others += 1
            }
        }
        return counts
    }
}
