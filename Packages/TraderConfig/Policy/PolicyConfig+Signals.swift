import Signals
import YAMLConfig

extension PolicyConfig {
    /// The enabled signals as the registry takes them. The whale signal's debounce comes from
    /// `options.whale_debounce_days` unless its own parameters set `debounce_days`. Non-numeric
    /// parameters are left out here; config validation reports them.
    public var signalSpecs: [SignalSpec] {
        signals.map { signal in
            var parameters = signal.params.compactMapValues(\.doubleValue)
            if signal.name == WhaleSignal.name, parameters["debounce_days"] == nil {
                parameters["debounce_days"] = Double(options.whaleDebounceDays)
            }
            return SignalSpec(name: signal.name, parameters: parameters)
        }
    }
}
