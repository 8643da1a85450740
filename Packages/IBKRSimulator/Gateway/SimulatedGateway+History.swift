import TraderCore

extension SimulatedGateway {
    /// REQ_HISTORICAL_DATA: the closed bars of the replay in the requested window, aggregated to
    /// the requested size (a multiple of the replay's, up to a day), an option's from the model
    /// at the underlying's prices (volume 0). Bars never reach past the replay's present.
    /// `keepUpToDate` is not served: the answer is the one HISTORICAL_DATA message.
    func requestHistoricalData(_ request: inout RequestFields, connection: Int) async throws(TWSWireError) {
        let requestID = try request.requiredInt("reqId")
        let named = try ContractRequest(reading: &request)
        request.skip(1)  // includeExpired
        let endText = request.string("endDateTime")
        let barSize = request.string("barSizeSetting")
        let duration = request.string("durationStr")
        request.skip(2)  // useRTH (the replay holds the regular session only), whatToShow
        let formatDate = try request.int("formatDate") ?? 1
        func refuse(_ why: String) {
            send(ServerMessage.error(requestID, code: 162, "Historical Market Data Service error message:\(why)"), to: connection)
        }
        guard let contract = resolve(named) else {
            return send(ServerMessage.error(requestID, code: 200, "No security definition has been found for the request"), to: connection)
        }
        guard let size = Self.barSeconds(barSize) else { return refuse("invalid bar size \(barSize)") }
        let replaySeconds = venue.interval.seconds
        guard size == 86_400 || (size >= replaySeconds && size % replaySeconds == 0) else {
            return refuse("bar size \(barSize) is not served: the replay holds \(replaySeconds)-second bars")
        }
        guard let span = Self.durationSeconds(duration) else { return refuse("invalid duration \(duration)") }
        let end = endText.isEmpty ? now : min(now, eastern.requestTime(endText) ?? now)
        guard endText.isEmpty || eastern.requestTime(endText) != nil else { return refuse("invalid end date/time \(endText)") }
        let start = end.advanced(bySeconds: -span)
        let source = (try? await venue.candles(for: Self.venueSymbol(contract.symbol), interval: .seconds(replaySeconds), in: start..<end)) ?? []
        let bars = aggregate(source.filter { $0.time.advanced(bySeconds: replaySeconds) <= end }, seconds: size).map { bar in
            (label(bar.time, daily: size == 86_400, epoch: formatDate == 2), contract.securityType == .option ? optionBar(contract, bar) : bar)
        }
        send(ServerMessage.historicalData(requestID, start: eastern.dateTime(start), end: eastern.dateTime(end), bars: bars), to: connection)
    }

    /// Bars of `seconds` from the replay's: grouped by New York day for daily bars, by the clock
    /// for intraday ones; each labelled by its first source bar (so the 09:30 bar of an hourly
    /// series is 30 minutes long, as IB's is).
    private func aggregate(_ bars: [Candle], seconds: Int64) -> [Candle] {
        var result: [Candle] = []
        var currentKey: String?
        for bar in bars {
            let key = seconds == 86_400 ? eastern.parts(bar.time).date : String(bar.time.secondsSinceEpoch / seconds)
            guard key == currentKey, let last = result.last else {
                result.append(bar)
                currentKey = key
                continue
            }
            result[result.count - 1] = Candle(
                time: last.time, open: last.open, high: max(last.high, bar.high), low: min(last.low, bar.low), close: bar.close,
                volume: Quantity(FixedPoint(raw: last.volume.value.raw + bar.volume.value.raw)))
        }
        return result
    }

    /// An option's bar from the underlying's, by the model (a put's high at the underlying's low).
    private func optionBar(_ contract: GatewayContract, _ bar: Candle) -> Candle {
        guard let expiryClose = eastern.timestamp(date: contract.expiry, time: "16:00:00") else { return bar }
        func model(_ price: Price, at time: Timestamp) -> Price {
            Price(pricer.price(right: contract.right, strike: contract.strike, underlying: price.value, secondsToExpiry: expiryClose.secondsSinceEpoch - time.secondsSinceEpoch))
        }
        let time = bar.time
        let (atHigh, atLow) = (model(bar.high, at: time), model(bar.low, at: time))
        return Candle(time: time, open: model(bar.open, at: time), high: max(atHigh, atLow), low: min(atHigh, atLow), close: model(bar.close, at: time), volume: .zero)
    }

    private func label(_ time: Timestamp, daily: Bool, epoch: Bool) -> String {
        if daily { return eastern.parts(time).date }
        return epoch ? String(time.secondsSinceEpoch) : eastern.dateTime(time)
    }

    /// The seconds of a bar size setting (`1 min`, `5 mins`, `1 hour`, `1 day`); `nil` for another.
    static func barSeconds(_ setting: String) -> Int64? {
        let parts = setting.split(separator: " ")
        guard parts.count == 2, let count = Int64(parts[0]), count > 0 else { return nil }
        switch parts[1] {
        case "sec", "secs": return count
        case "min", "mins": return count * 60
        case "hour", "hours": return count * 3600
        case "day": return count == 1 ? 86_400 : nil
        default: return nil
        }
    }

    /// The seconds of a duration (`3600 S`, `2 D`, `1 W`, `1 M` as 31 days, `1 Y` as 366); `nil` for another.
    static func durationSeconds(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let count = Int64(parts[0]), count > 0 else { return nil }
        switch parts[1] {
        case "S": return count
        case "D": return count * 86_400
        case "W": return count * 7 * 86_400
        case "M": return count * 31 * 86_400
        case "Y": return count * 366 * 86_400
        default: return nil
        }
    }
}
