"""Coinbase's official Python SDK (coinbase-advanced-py) against exchange-sim, unchanged.

Run by scripts/test-sdk: exchange-sim serves HTTPS with its generated certificate (trusted
through REQUESTS_CA_BUNDLE) and a key file the SDK reads. Every step asserts what the SDK got;
any failure exits non-zero with the step named.
"""
import json
import sys
import uuid

from coinbase.rest import RESTClient


def check(condition, message):
    if not condition:
        print(f"coinbase-sdk-check: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main(base_url, key_file):
    client = RESTClient(key_file=key_file, base_url=base_url)

    accounts = client.get_accounts().to_dict()["accounts"]
    usd = next(a for a in accounts if a["currency"] == "USD")
    check(usd["available_balance"]["value"] == "100000", f"USD available {usd['available_balance']}")

    products = client.get_products().to_dict()["products"]
    check([p["product_id"] for p in products] == ["BTC-USD"], f"products {[p['product_id'] for p in products]}")

    book = client.get_best_bid_ask(product_ids=["BTC-USD"]).to_dict()["pricebooks"][0]
    bid = float(book["bids"][0]["price"])
    check(bid > 0 and float(book["asks"][0]["price"]) > bid, f"best bid/ask {book}")

    client_order_id = str(uuid.uuid4())
    limit = f"{bid * 0.5:.2f}"
    placed = client.limit_order_gtc_buy(client_order_id, "BTC-USD", "0.01", limit, post_only=True).to_dict()
    check(placed["success"] is True, f"place: {json.dumps(placed)}")
    order_id = placed["success_response"]["order_id"]

    again = client.limit_order_gtc_buy(client_order_id, "BTC-USD", "0.01", limit, post_only=True).to_dict()
    check(again["success_response"]["order_id"] == order_id, "placing the same client order id made a second order")

    order = client.get_order(order_id).to_dict()["order"]
    check(order["status"] == "OPEN" and order["client_order_id"] == client_order_id, f"order read back as {order['status']}")
    check(order["order_configuration"]["limit_limit_gtc"]["limit_price"] == limit, f"order configuration {order['order_configuration']}")

    listed = client.list_orders(order_status=["OPEN"]).to_dict()["orders"]
    check([o["order_id"] for o in listed] == [order_id], f"open orders {[o['order_id'] for o in listed]}")

    cancelled = client.cancel_orders([order_id]).to_dict()["results"][0]
    check(cancelled["success"] is True, f"cancel: {cancelled}")
    check(client.get_order(order_id).to_dict()["order"]["status"] == "CANCELLED", "the order is not cancelled")

    crossing = client.limit_order_gtc_buy(str(uuid.uuid4()), "BTC-USD", "0.01", f"{bid * 1.5:.2f}", post_only=True).to_dict()
    check(crossing["success"] is False, "a crossing post-only order was accepted")
    check(crossing["error_response"]["new_order_failure_reason"] == "INVALID_LIMIT_PRICE_POST_ONLY", f"crossing refused as {crossing['error_response']}")

    fills = client.get_fills(order_ids=[order_id]).to_dict()
    check(fills.get("fills", []) == [], f"fills of a cancelled resting order: {fills}")

    print(f"coinbase-sdk-check: OK (accounts {len(accounts)}, order {order_id} placed, read, cancelled; post-only cross refused)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
