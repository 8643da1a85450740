import TraderConfig
import TraderCore
import TradingEngine

extension TraderConfiguration {
    /// The engine's configuration trading `products` on `venue`: the options bot's exits native
    /// where `options.brackets` asks for it and the venue places brackets, emulated otherwise.
    func engineConfiguration(products: [Symbol: ProductRules], on venue: VenueConnection) -> EngineConfiguration {
        var engine = engineConfiguration(products: products)
        if wantsNativeBrackets, venue.brackets != nil { engine.options?.nativeBrackets = true }
        return engine
    }
}
