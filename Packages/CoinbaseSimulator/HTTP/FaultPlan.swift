/// The faults waiting to hit requests, first added first; each is used up after `count` requests.
actor FaultPlan {
    private var faults: [Fault] = []

    /// Adds a fault.
    func add(_ fault: Fault) { faults.append(fault) }

    /// Removes every fault.
    func clear() { faults.removeAll() }

    /// The fault that hits this request, if any, counting it down.
    func take(method: String, path: String) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let fault = faults[index]
        faults[index].count -= 1
        if faults[index].count <= 0 { faults.remove(at: index) }
        return fault
    }
}
