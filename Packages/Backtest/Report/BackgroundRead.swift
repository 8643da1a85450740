import Foundation
import Synchronization

/// A read run on a thread of its own from the moment it is made; ``value()`` waits for it.
final class BackgroundRead<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, DataError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `read` on a new thread.
    init(_ read: @escaping @Sendable () throws(DataError) -> Value) {
        Thread { [self] in
            let outcome = Result { () throws(DataError) in try read() }
            result.withLock { $0 = outcome }
            done.signal()
        }.start()
    }

    /// What the read returned, once it has.
    ///
    /// - Throws: what the read threw.
    func value() throws(DataError) -> Value {
        done.wait()
        done.signal()  // a second call returns at once
        guard let outcome = result.withLock({ $0 }) else { throw DataError(.io, file: "", "the read ended without an answer") }
        return try outcome.get()
    }
}
