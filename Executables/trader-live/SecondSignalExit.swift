@preconcurrency import Dispatch
import Foundation

/// A second SIGTERM or SIGINT ends the process at once (status 130), wherever the graceful stop
/// the first one began has got to. Every store commit is one SQLite transaction, so the state
/// file is left as of the last commit, and the next start reconciles the rest with the venue.
final class SecondSignalExit: @unchecked Sendable {
    // Set once in init, cancelled in deinit.
    private let sources: [DispatchSourceSignal]

    init() {
        let queue = DispatchQueue(label: "trader-live.signals")
        let seen = Counter()
        sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if seen.increment() >= 2 {
                    FileHandle.standardError.write(Data("trader-live: second signal: exiting now\n".utf8))
                    _exit(130)
                }
            }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }

    /// Signals seen; touched only on the signal queue.
    private final class Counter: @unchecked Sendable {
        private var count = 0
        func increment() -> Int {
            count += 1
            return count
        }
    }
}
