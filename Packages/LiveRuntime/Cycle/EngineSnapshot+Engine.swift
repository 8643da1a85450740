import Persistence
import TradingEngine
import TraderCore

extension EngineSnapshot {
    /// `engine`'s state after its last cycle, saved at `time` (``EngineState/encodedJSON()``).
    ///
    /// - Throws: `EncodingError` (the engine's state always encodes).
    init(_ engine: TradingEngine, at time: Timestamp) throws {
        let state = engine.state
        self.init(cycle: engine.cycle, time: time, format: state.format, payload: try state.encodedJSON())
    }
}
