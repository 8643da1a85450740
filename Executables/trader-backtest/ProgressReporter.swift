#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a run's progress on standard error: on a terminal one line redrawn in place, with a bar,
/// bars per second and the time left; otherwise a plain line at each tenth of the data.
struct ProgressReporter {
    private let isTerminal: Bool
    private let start = ProgressReporter.now()
    private var lastDraw = 0.0
    private var lastTenth = 0

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// Reports `fraction` of the data read and `bars` replayed; cheap to call on every bar.
    mutating func update(fraction: Double, bars: Int) {
        if isTerminal {
            let now = Self.now()
            guard now - lastDraw >= 0.1 else { return }
            lastDraw = now
            StandardError.write("\r" + line(fraction: fraction, bars: bars, elapsed: now - start) + "\u{1B}[K")
        } else {
            let tenth = Int(fraction * 10)
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            StandardError.write(line(fraction: fraction, bars: bars, elapsed: Self.now() - start) + "\n")
        }
    }

    /// Ends the progress display.
    mutating func finish(bars: Int) {
        let elapsed = Self.now() - start
        if isTerminal { StandardError.write("\r\u{1B}[K") }
        StandardError.write("replayed \(bars) bars in \(Self.format(elapsed, digits: 2)) s (\(Self.rate(bars, elapsed)) bars/s)\n")
    }

    private func line(fraction: Double, bars: Int, elapsed: Double) -> String {
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        return "[\(bar)] \(Int(fraction * 100))%  \(bars) bars  \(Self.rate(bars, elapsed)) bars/s  ETA \(Self.format(eta, digits: 0)) s"
    }

    private static func rate(_ bars: Int, _ seconds: Double) -> String {
        seconds > 0 ? String(Int(Double(bars) / seconds)) : "-"
    }

    private static func format(_ value: Double, digits: Int) -> String {
        let scale = Double([1, 10, 100, 1000][digits])
        let rounded = (value * scale).rounded() / scale
        return digits == 0 ? String(Int(rounded)) : String(rounded)
    }

    private static func now() -> Double {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    }
}
