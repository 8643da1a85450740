import NIOCore

/// The protocol's framing on the client side: each message a 4-byte big-endian length and that
/// many bytes of fields, each ended by `\0`; the connection opens with the raw banner `API\0` and
/// the version range, framed but without a terminator.
public enum TWSFraming {
    /// The bytes a client opens a connection with: `API\0`, then the framed version range.
    public static func opening(versionRange: String = TWSProtocol.clientVersionRange) -> ByteBuffer {
        var buffer = ByteBuffer(bytes: Array("API\0".utf8))
        buffer.writeInteger(UInt32(versionRange.utf8.count))
        buffer.writeString(versionRange)
        return buffer
    }

    /// One message's frame.
    public static func frame(_ fields: [String]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(fields.reduce(4) { $0 + $1.utf8.count + 1 })
        buffer.writeInteger(UInt32(0))
        for field in fields {
            buffer.writeString(field)
            buffer.writeInteger(UInt8(0))
        }
        buffer.setInteger(UInt32(buffer.writerIndex - 4), at: 0)
        return buffer
    }

    /// The fields of one payload: split on `\0`, the empty element after the last terminator
    /// dropped; bytes that are not UTF-8 are read as Latin-1.
    public static func fields(of payload: ByteBufferView) -> [String] {
        var fields: [String] = []
        var start = payload.startIndex
        var index = start
        while index < payload.endIndex {
            if payload[index] == 0 {
                fields.append(text(payload[start..<index]))
                start = payload.index(after: index)
            }
            index = payload.index(after: index)
        }
        if start < payload.endIndex { fields.append(text(payload[start..<payload.endIndex])) }
        return fields
    }

    private static func text(_ bytes: ByteBufferView.SubSequence) -> String {
        String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}

/// Reads frames off a client's socket into their fields; a length above the protocol's limit is a
/// ``TWSDecodingError`` that closes the connection (the stream cannot be resynchronized).
struct TWSMessageDecoder: ByteToMessageDecoder {
    typealias InboundOut = [String]

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length <= TWSProtocol.maxMessageLength else {
            throw TWSDecodingError(message: "frame", field: "length", index: 0, text: String(length), problem: "is above the protocol's limit")
        }
        guard buffer.readableBytes >= 4 + Int(length), let payload = buffer.getSlice(at: buffer.readerIndex + 4, length: Int(length)) else {
            return .needMoreData
        }
        buffer.moveReaderIndex(forwardBy: 4 + Int(length))
        context.fireChannelRead(wrapInboundOut(TWSFraming.fields(of: payload.readableBytesView)))
        return .continue
    }
}
