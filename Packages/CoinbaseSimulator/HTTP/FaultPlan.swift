import Synchronization

/// The faults waiting to hit requests, first added first; each is used up after `count` requests.
/// A lock, not an actor: every request asks it, and most find nothing.
final class FaultPlan: Sendable {
    private let faults = Mutex<[Fault]>([])

    /// Adds a fault.
    func add(_ fault: Fault) { faults.withLock { $0.append(fault) } }

    /// Removes every fault.
    func clear() { faults.withLock { $0.removeAll() } }

    /// The fault that hits this request, if any, counting it down.
    func take(method: String, path: String) -> Fault? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let fault = faults[index]
            faults[index].count -= 1
            if faults[index].count <= 0 { faults.remove(at: index) }
            return fault
        }
    }
}
