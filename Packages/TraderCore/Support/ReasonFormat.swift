/// Two-decimal formatting for the numbers in reasons (the Signals package writes its details with it).
package enum ReasonFormat {
    package static func number(_ value: Double) -> String {
        let cents = (value * 100).rounded()
        guard abs(cents) < 1e15 else {
            let rounded = cents / 100
            return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
        }
        // Below 10¹³ the shortest text of cents / 100 is its two-decimal form: build it from the
        // integer (String(Double) costs several times more, and reasons are written on every trigger).
        let units = Int64(cents)
        let whole = units.magnitude / 100
        let fraction = units.magnitude % 100
        let sign = units < 0 ? "-" : ""
        switch fraction {
        case 0: return "\(sign)\(whole)"
        case let tenths where tenths % 10 == 0: return "\(sign)\(whole).\(tenths / 10)"
        case 1..<10: return "\(sign)\(whole).0\(fraction)"
        default: return "\(sign)\(whole).\(fraction)"
        }
    }
}
