"""ib_async (IB's asyncio Python client, from PyPI) against exchange-sim --venue ibkr: it must work
unchanged. Connects, reads the account and positions, qualifies SPY and an option on it, reads
historical bars and an option chain, and places a bracket whose parent and take-profit fill at
once (both marketable), so the stop is cancelled one-cancels-other. Exits 1 naming the first
check that failed.
   ib_async_check.py PORT"""
import math
import sys

from ib_async import IB, Option, Stock


def check(condition, what):
    if not condition:
        print(f"ib_async check failed: {what}", file=sys.stderr)
        sys.exit(1)


ib = IB()
ib.connect("127.0.0.1", int(sys.argv[1]), clientId=7, timeout=30)
check(ib.managedAccounts() == ["DU1234567"], f"managed accounts {ib.managedAccounts()}")
check(ib.positions() == [], f"positions at start {ib.positions()}")
values = {(v.tag, v.currency): v.value for v in ib.accountValues()}
check(values.get(("NetLiquidation", "USD")) == "100000", f"NetLiquidation {values.get(('NetLiquidation', 'USD'))}")

spy = Stock("SPY", "SMART", "USD")
check(len(ib.qualifyContracts(spy)) == 1 and spy.conId > 0, f"qualified {spy}")
bars = ib.reqHistoricalData(spy, endDateTime="", durationStr="1 D", barSizeSetting="1 min", whatToShow="TRADES", useRTH=True)
check(len(bars) >= 30, f"{len(bars)} minute bars")
first = bars[0]
check((first.date.hour, first.date.minute, first.open, first.close) == (9, 30, 167.74, 167.77), f"first bar {first}")

chains = ib.reqSecDefOptParams("SPY", "", "STK", spy.conId)
check(len(chains) == 1 and chains[0].multiplier == "100" and len(chains[0].expirations) == 8, f"option chain {chains}")
option = Option("SPY", sorted(chains[0].expirations)[1], 168, "C", "SMART")
check(len(ib.qualifyContracts(option)) == 1 and option.conId > 0, f"qualified {option}")
[option_ticker] = ib.reqTickers(option)
check(0 < option_ticker.bid < option_ticker.ask and option_ticker.modelGreeks is not None, f"option quote {option_ticker}")

[ticker] = ib.reqTickers(spy)
check(not math.isnan(ticker.bid) and ticker.bid < ticker.ask, f"quote {ticker}")
bracket = ib.bracketOrder("BUY", 10, limitPrice=round(ticker.ask + 0.5, 2), takeProfitPrice=round(ticker.bid - 0.5, 2), stopLossPrice=round(ticker.bid - 5, 2))
trades = [ib.placeOrder(spy, order) for order in bracket]
for _ in range(100):
    if all(trade.isDone() for trade in trades):
        break
    ib.sleep(0.1)
statuses = [trade.orderStatus.status for trade in trades]
check(statuses == ["Filled", "Filled", "Cancelled"], f"bracket statuses {statuses}")
parent, take_profit, _ = trades
check(len(parent.fills) == 1 and parent.fills[0].execution.shares == 10, f"parent fills {parent.fills}")
check(all(fill.commissionReport.commission == 1.0 for fill in parent.fills + take_profit.fills), "commission reports")
ib.sleep(0.2)
check(ib.positions() == [], f"positions after the bracket {ib.positions()}")
print(f"ib_async {ib.client.serverVersion()}: account, positions, {len(bars)} bars, chain, bracket {statuses}, "
      f"bought {parent.fills[0].execution.price}, sold {take_profit.fills[0].execution.price}")
ib.disconnect()
