import CCurl
import Foundation
import Synchronization

/// One request in flight: its libcurl easy handle, what has come back so far, and the
/// continuation its caller waits on.
///
/// `@unchecked Sendable`, audited: after ``CurlEventLoop/submit(_:)`` only the loop's thread
/// touches the handle, the buffers and the continuation (libcurl calls the callbacks on it); the
/// caller's thread sets only ``cancelRequested``, an atomic.
final class Transfer: @unchecked Sendable {
    let request: HTTPRequest
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorText: UnsafeMutablePointer<CChar>
    private let maxResponseBytes: Int
    private var body: [UInt8] = []
    private var headers: [(name: String, value: String)] = []
    private var tooLarge = false
    /// The caller's continuation, resumed once.
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    /// Set from the caller's thread when its task is cancelled.
    let cancelRequested = Atomic<Bool>(false)

    /// A transfer for `request` under `configuration`.
    ///
    /// - Throws: ``HTTPError`` `invalid_request` when libcurl refuses an option.
    init(_ request: HTTPRequest, configuration: HTTPClient.Configuration) throws(HTTPError) {
        guard let easy = curl_easy_init() else {
            throw HTTPError(.invalidRequest, message: "\(request.method) \(request.url): libcurl has no handle", requestWritten: false)
        }
        self.request = request
        self.easy = easy
        maxResponseBytes = configuration.maxResponseBytes
        errorText = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        if request.body != nil && !request.headers.contains(where: { $0.name.lowercased() == "expect" }) {
            headerList = curl_slist_append(headerList, "Expect:")  // no 100-continue round trip
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var status = CURLE_OK
        func set(_ result: CURLcode) { if status == CURLE_OK { status = result } }
        set(ccurl_easy_setopt_string(easy, CURLOPT_URL, request.url))
        set(ccurl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
        if request.method == "HEAD" { set(ccurl_easy_setopt_long(easy, CURLOPT_NOBODY, 1)) }
        if let body = request.body {
            set(ccurl_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // Copied by libcurl: the request's bytes need not outlive this call.
            var bytes = body
            bytes.append(0)  // an empty body still has an address
            bytes.withUnsafeMutableBytes { set(ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)) }
        }
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)))
        set(ccurl_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent))
        set(ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout)))
        set(ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.requestTimeout)))
        set(ccurl_easy_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedBytesPerSecond))
        set(ccurl_easy_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, Self.milliseconds(configuration.lowSpeedTime) / 1_000)))
        set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        set(ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile = configuration.caFile { set(ccurl_easy_setopt_string(easy, CURLOPT_CAINFO, caFile)) }
        set(ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(ccurl_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS))
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorText)))
        set(ccurl_easy_setopt_write_function(easy, CURLOPT_WRITEFUNCTION, Transfer.receiveBody))
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context))
        set(ccurl_easy_setopt_write_function(easy, CURLOPT_HEADERFUNCTION, Transfer.receiveHeader))
        set(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context))
        guard status == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(status))
            release()
            throw HTTPError(.invalidRequest, message: "\(request.method) \(request.url)", cause: reason, requestWritten: false)
        }
    }

    /// The response, or the error, once libcurl finished the transfer with `code`.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        var requestSize = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &requestSize)
        let written = requestSize > 0
        let what = "\(request.method) \(request.url)"
        let cause = errorText.pointee == 0 ? String(cString: curl_easy_strerror(code)) : String(cString: errorText)
        if code == CURLE_OK {
            var status = 0
            _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            return .success(HTTPResponse(status: status, headers: headers, body: body))
        }
        if tooLarge {
            return .failure(
                HTTPError(.responseTooLarge, message: "\(what): the response passed \(maxResponseBytes) bytes", cause: cause, requestWritten: true))
        }
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_NOT_BUILT_IN, CURLE_BAD_FUNCTION_ARGUMENT:
            return .failure(HTTPError(.invalidRequest, message: what, cause: cause, requestWritten: false))
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR,
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
            return .failure(HTTPError(.notSent, message: "\(what): the request was not sent", cause: cause, requestWritten: false))
        default:
            // A timeout or a reset: before anything was written (a connect timeout) the server saw
            // nothing; after, it may have acted.
            return .failure(
                written
                    ? HTTPError(.outcomeUnknown, message: "\(what): no answer after the request was sent", cause: cause, requestWritten: true)
                    : HTTPError(.notSent, message: "\(what): the request was not sent", cause: cause, requestWritten: false))
        }
    }

    /// Whether any of the request was written (for a cancellation's error).
    var requestWritten: Bool {
        var requestSize = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_REQUEST_SIZE, &requestSize)
        return requestSize > 0
    }

    /// Frees the handle and what it holds; the transfer is not used after.
    func release() {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        headerList = nil
        errorText.deallocate()
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private static let receiveBody: curl_write_callback = { pointer, size, count, context in
        guard let pointer, let context else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard transfer.body.count + length <= transfer.maxResponseBytes else {
            transfer.tooLarge = true
            return 0  // libcurl stops with a write error
        }
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    private static let receiveHeader: curl_write_callback = { pointer, size, count, context in
        guard let pointer, let context else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            transfer.headers.removeAll()  // a new response (after a 100 Continue or a redirect)
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            transfer.headers.append((name, value))
        }
        return length
    }
}
