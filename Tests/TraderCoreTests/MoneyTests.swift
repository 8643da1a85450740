import Testing
import TraderCore

@Suite struct MoneyTests {
    @Test func priceRoundsToTheTickByTheRule() throws {
        let tick = Price("0.01")!
        #expect(try Price("65432.127")!.rounded(toTick: tick, .down) == Price("65432.12"))
        #expect(try Price("65432.121")!.rounded(toTick: tick, .up) == Price("65432.13"))
    }

    @Test func notionalIsPriceTimesQuantityRoundedByTheRule() throws {
        let notional = try Price("65432.1")!.notional(of: Quantity("0.00012345")!, rounding: .up)
        #expect(notional.description == "8.07759275")
    }

    @Test func quantitiesAreNeverNegative() {
        #expect(Quantity("-1") == nil)
        #expect(Quantity("0.5")!.subtracting(Quantity("0.6")!) == nil)
        #expect(Quantity("0.5")!.subtracting(Quantity("0.2")!) == Quantity("0.3"))
    }

    @Test func quantityRoundsDownToTheBaseIncrement() throws {
        #expect(try Quantity("0.12345678")!.rounded(toIncrement: Quantity("0.0001")!, .down) == Quantity("0.1234"))
    }

    @Test func moneyOfOneCurrencyAddsExactly() throws {
        let cash = Money(FixedPoint("100000")!, .usd)
        let fee = Money(FixedPoint("0.6")!, .usd)
        #expect(try cash.subtracting(fee).description == "99999.4 USD")
        #expect(try fee.isLess(than: cash))
    }

    @Test func moneyOfDifferentCurrenciesNeverMixes() {
        let dollars = Money(FixedPoint(1), .usd)
        let coins = Money(FixedPoint(1), Currency("BTC")!)
        do {
            _ = try dollars.adding(coins)
            Issue.record("expected a currency mismatch")
        } catch {
            #expect(error.code == .currencyMismatch)
            #expect(error.description == "currency_mismatch: 1 USD + 1 BTC")
        }
        #expect(throws: ArithmeticError.self) { try dollars.isLess(than: coins) }
    }

    @Test func feeIsTheAmountTimesTheRate() throws {
        let notional = Money(FixedPoint("685.13")!, .usd)
        #expect(try notional.multiplied(by: FixedPoint("0.006")!, rounding: .up).description == "4.11078 USD")
    }

    @Test func currencyCodesAreValidated() {
        #expect(Currency("usd") == nil)
        #expect(Currency("USDC")?.code == "USDC")
    }
}
