import NIOCore

/// The TWS socket protocol's inbound framing, as a gateway reads it: the raw banner `API\0`, then
/// messages of a 4-byte big-endian length and that many bytes of fields, each ended by `\0`.
///
/// Each message is handed on as its fields (the trailing empty element dropped), so the first
/// message after the banner, the version range `v157..178` sent without a terminator, is one field.
/// A wrong banner or a length above ``maxMessageLength`` is a ``TWSWireError``: the connection is
/// closed, never read past.
struct TWSFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [String]

    /// The largest payload the protocol allows (IB's `MAX_MSG_LEN`).
    static let maxMessageLength = 0xFF_FFFF
    /// The four bytes a client opens with.
    static let banner: [UInt8] = Array("API\0".utf8)

    private var bannerRead = false

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if !bannerRead {
            guard let bytes = buffer.readBytes(length: Self.banner.count) else { return .needMoreData }
            guard bytes == Self.banner else { throw TWSWireError("the connection did not open with API\\0 (got \(bytes))") }
            bannerRead = true
        }
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length <= Self.maxMessageLength else { throw TWSWireError("a message of \(length) bytes is above the protocol's limit") }
        guard buffer.readableBytes >= 4 + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let payload = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(wrapInboundOut(Self.fields(of: payload)))
        return .continue
    }

    /// The fields of a payload: split on `\0`, the empty element after the last terminator dropped.
    static func fields(of payload: ByteBuffer) -> [String] {
        var fields = payload.readableBytesView.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if fields.last == "" { fields.removeLast() }
        return fields
    }
}

/// Writes each outbound message's fields as one frame: the length, then every field and its `\0`.
struct TWSFrameEncoder: MessageToByteEncoder {
    typealias OutboundIn = [String]

    func encode(data fields: [String], out: inout ByteBuffer) throws {
        let lengthIndex = out.writerIndex
        out.writeInteger(UInt32(0))
        for field in fields {
            out.writeString(field)
            out.writeInteger(UInt8(0))
        }
        out.setInteger(UInt32(out.writerIndex - lengthIndex - 4), at: lengthIndex)
    }
}

/// A connection that breaks the protocol: its first bytes, a frame's length, or a request's fields.
struct TWSWireError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
