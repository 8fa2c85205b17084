#!/usr/bin/env python3
"""Duplicate detection measured on a FEBRL dataset through the API (see bench/matching.sh and README "Duplicates").

    matching.py URL TOKEN CSV [MIN_SCORE]

Registers every record (8 at a time), then asks each customer's duplicates with minScore=0, one call at a time, and
prints precision, recall and F1 over the true pairs at MIN_SCORE (default 0.5), the best F1 over thresholds 0.01 to
0.99, and the duplicates call's latency (median, p99). The mapping is the one of src/test/.../support/Febrl.java.
"""
import csv
import datetime
import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

url, token, path = sys.argv[1], sys.argv[2], sys.argv[3]
min_score = Decimal(sys.argv[4]) if len(sys.argv) > 4 else Decimal("0.5")


def birth_date(text):
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        date = datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
    return date.isoformat() if 1900 <= date.year and date <= datetime.date.today() else None


def body(row):
    rec = {key.strip(): value.strip() for key, value in row.items()}
    person = {}
    for field, column in (("givenName", "given_name"), ("familyName", "surname")):
        if rec[column]:
            person[field] = rec[column]
    born = birth_date(rec["date_of_birth"])
    if born:
        person["birthDate"] = born
    line1 = (rec["street_number"] + " " + rec["address_1"]).strip()
    if line1:
        address = {"line1": line1, "country": "AU"}
        for field, column in (("line2", "address_2"), ("city", "suburb"), ("region", "state"), ("postalCode", "postcode")):
            if rec[column]:
                address[field] = rec[column]
        person["address"] = address
    return rec["rec_id"], int(rec["rec_id"].split("-")[1]), person


def call(method, path, payload=None):
    request = urllib.request.Request(
        url + path,
        method=method,
        data=None if payload is None else json.dumps(payload).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, None


with open(path, newline="", encoding="utf-8") as source:
    records = [body(row) for row in csv.DictReader(source, skipinitialspace=True)]


def register(record):
    status, answer = call("POST", "/api/v1/customers", record[2])
    return (answer["id"], record[1]) if status == 201 else None


started = time.monotonic()
with ThreadPoolExecutor(8) as pool:
    registered = [result for result in pool.map(register, records) if result]
person_of = dict(registered)
print(f"registered {len(person_of)} of {len(records)} records in {time.monotonic() - started:.1f} s"
      f" ({len(records) - len(person_of)} cannot be registered: no name)")

found, latencies = {}, []
for customer in person_of:
    begin = time.perf_counter()
    status, answer = call("GET", f"/api/v1/customers/{customer}/duplicates?minScore=0")
    latencies.append(time.perf_counter() - begin)
    assert status == 200, status
    for item in answer["items"]:
        other = item["customerId"]
        if other in person_of:
            pair = frozenset((customer, other))
            found[pair] = max(found.get(pair, Decimal(0)), Decimal(str(item["score"])))

groups = {}
for customer, person in person_of.items():
    groups.setdefault(person, []).append(customer)
truth = {frozenset((a, b)) for members in groups.values() for i, a in enumerate(members) for b in members[i + 1:]}


def measure(threshold):
    predicted = {pair for pair, score in found.items() if score >= threshold}
    correct = len(predicted & truth)
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


precision, recall, f1 = measure(min_score)
best = max((measure(Decimal(t) / 100)[2], Decimal(t) / 100) for t in range(1, 100))
latencies.sort()
median = latencies[len(latencies) // 2] * 1000
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
print(f"true pairs {len(truth)}; at min-score {min_score}: precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f};"
      f" best F1 {best[0]:.4f} at {best[1]}")
print(f"duplicates call ({len(latencies)} calls, one at a time): median {median:.1f} ms, p99 {p99:.1f} ms")
