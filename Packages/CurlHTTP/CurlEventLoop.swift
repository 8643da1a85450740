import CCurl
import Foundation
import Synchronization

/// One libcurl multi handle driven by one thread of its own: transfers are handed to it, it runs
/// them all at once (reusing connections), and resumes each caller when its transfer ends. No
/// request ever blocks a thread of Swift's concurrency pool.
///
/// `@unchecked Sendable`, audited: the multi handle and ``active`` are used on the loop's thread
/// only; other threads reach it through ``inbox`` (behind a mutex) and `curl_multi_wakeup`, which
/// libcurl documents as callable from any thread.
final class CurlEventLoop: @unchecked Sendable {
    private struct Inbox {
        var added: [Transfer] = []
        var cancelled: [ObjectIdentifier] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    private let stopped = DispatchSemaphore(value: 0)
    /// The transfers running, by their easy handle.
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Starts the loop's thread, keeping up to `maxIdleConnections` connections for reuse.
    init(maxIdleConnections: Int) {
        _ = Self.globalInit
        multi = curl_multi_init()
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxIdleConnections)
        let thread = Thread { [self] in run() }
        thread.name = "trader.curl"
        thread.start()
    }

    /// Hands `transfer` to the loop.
    func submit(_ transfer: Transfer) {
        inbox.withLock { $0.added.append(transfer) }
        curl_multi_wakeup(multi)
    }

    /// Asks the loop to end `transfer` with a cancellation, if it is still running.
    func cancel(_ transfer: Transfer) {
        transfer.cancelRequested.store(true, ordering: .sequentiallyConsistent)
        inbox.withLock { $0.cancelled.append(ObjectIdentifier(transfer)) }
        curl_multi_wakeup(multi)
    }

    /// Ends every transfer with a cancellation and stops the thread; waits for it.
    func shutdown() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
        stopped.wait()
        curl_multi_cleanup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let mail = inbox.withLock { inbox in
                defer { (inbox.added, inbox.cancelled) = ([], []) }
                return inbox
            }
            for transfer in mail.added {
                if transfer.cancelRequested.load(ordering: .sequentiallyConsistent) {
                    finish(transfer, .failure(cancellation(of: transfer)))
                } else if curl_multi_add_handle(multi, transfer.easy) == CURLM_OK {
                    active[transfer.easy] = transfer
                } else {
                    let error = HTTPError(
                        .invalidRequest, message: "\(transfer.request.method) \(transfer.request.url): libcurl refused the transfer",
                        requestWritten: false)
                    finish(transfer, .failure(error))
                }
            }
            for id in mail.cancelled {
                guard let (easy, transfer) = active.first(where: { ObjectIdentifier($0.value) == id }) else { continue }
                curl_multi_remove_handle(multi, easy)
                active[easy] = nil
                finish(transfer, .failure(cancellation(of: transfer)))
            }
            if mail.stopping {
                for (easy, transfer) in active {
                    curl_multi_remove_handle(multi, easy)
                    finish(transfer, .failure(cancellation(of: transfer)))
                }
                active = [:]
                stopped.signal()
                return
            }
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: easy)
                else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, easy)
                finish(transfer, transfer.outcome(code))
            }
            curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
    }

    private func cancellation(of transfer: Transfer) -> HTTPError {
        HTTPError(
            .cancelled, message: "\(transfer.request.method) \(transfer.request.url): cancelled", requestWritten: transfer.requestWritten)
    }

    private func finish(_ transfer: Transfer, _ outcome: Result<HTTPResponse, HTTPError>) {
        let continuation = transfer.continuation
        transfer.continuation = nil
        transfer.release()
        continuation?.resume(with: outcome.mapError { $0 as any Error })
    }
}
