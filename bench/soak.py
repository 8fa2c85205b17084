#!/usr/bin/env python3
"""Mixed traffic at a fixed rate for bench/soak.sh: reads, registrations (with and without an Idempotency-Key),
patches, interactions one by one and in batches, resolves. Open loop: request i is due at start + i / RATE and its
latency is counted from then, so a stalled service shows as latency instead of a slower load (no coordinated
omission). Every interval it samples the service's heap after a full GC (jcmd) and its database connections.

  soak.py URL SECONDS RATE INTERVAL RESULTS_JSON

Environment: WARMUP (seconds of the same traffic first, reported but not judged: a cold JVM), TOKEN (every scope), JAVA_PID (the service), PSQL (psql of the service's database), DB (its name).
Prints one line per interval and a summary; exits 1 when any request failed.
"""
import http.client
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

MIX = [("read", 35), ("register", 10), ("register-keyed", 5), ("patch", 10), ("interaction", 20),
       ("batch", 5), ("resolve", 15)]
BATCH = 50
WORKERS = 64

local = threading.local()


def connection(url):
    if getattr(local, "connection", None) is None:
        parsed = urllib.parse.urlparse(url)
        local.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    return local.connection


def send(url, method, path, body=None, headers=None):
    all_headers = {"Authorization": "Bearer " + os.environ["TOKEN"]}
    if body is not None:
        all_headers["Content-Type"] = "application/json"
    all_headers.update(headers or {})
    try:
        c = connection(url)
        c.request(method, path, None if body is None else json.dumps(body), all_headers)
        response = c.getresponse()
        text = response.read().decode()
        return response.status, text, response.getheader("ETag")
    except (OSError, http.client.HTTPException) as error:
        if getattr(local, "connection", None) is not None:
            local.connection.close()
        local.connection = None
        return 0, type(error).__name__, None


class Customers:
    """Customers the load knows: for reads and resolves any, for a patch one at a time (so patches never race)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.all = []
        self.idle = queue.Queue()

    def add(self, customer_id, email, version):
        with self.lock:
            self.all.append((customer_id, email))
        self.idle.put((customer_id, version))

    def any(self):
        with self.lock:
            return random.choice(self.all)


def register(url, customers, keyed):
    email = f"soak.{uuid.uuid4().hex[:12]}@example.org"
    headers = {"Idempotency-Key": str(uuid.uuid4())} if keyed else {}
    status, text, etag = send(url, "POST", "/api/v1/customers",
                              {"givenName": "Soak", "familyName": "Load", "email": email}, headers)
    if status == 201:
        customers.add(json.loads(text)["id"], email, etag)
    return status, status == 201


def operation(url, customers, kind):
    """Sends one request of the kind; (status, success)."""
    if kind in ("register", "register-keyed"):
        return register(url, customers, kind == "register-keyed")
    if kind == "read":
        status, _, _ = send(url, "GET", "/api/v1/customers/" + customers.any()[0])
        return status, status == 200
    if kind == "resolve":
        status, text, _ = send(url, "POST", "/api/v1/resolve", {"email": customers.any()[1]})
        return status, status == 200 and '"customerId"' in text
    if kind == "patch":
        customer, version = customers.idle.get()
        status, _, etag = send(url, "PATCH", "/api/v1/customers/" + customer,
                               {"familyName": "Patched " + uuid.uuid4().hex[:6]},
                               {"If-Match": version, "Content-Type": "application/merge-patch+json"})
        customers.idle.put((customer, etag if status == 200 else version))
        return status, status == 200
    visit = {"type": "WEB_VISIT", "channel": "WEB", "source": "soak"}
    if kind == "interaction":
        customer = customers.any()[0]
        status, _, _ = send(url, "POST", f"/api/v1/customers/{customer}/interactions",
                            dict(visit, externalId=str(uuid.uuid4())))
        return status, status == 201
    items = [dict(visit, externalId=str(uuid.uuid4()), customerId=customers.any()[0]) for _ in range(BATCH)]
    status, text, _ = send(url, "POST", "/api/v1/interactions/batch", {"items": items})
    ok = status == 200 and all(r["status"] == "CREATED" for r in json.loads(text)["results"])
    return status, ok


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def heap_after_gc_mb():
    pid = os.environ["JAVA_PID"]
    subprocess.run(["jcmd", pid, "GC.run"], capture_output=True, check=False)
    out = subprocess.run(["jcmd", pid, "GC.heap_info"], capture_output=True, text=True, check=False).stdout
    for line in out.splitlines():
        if "used" in line and ("heap" in line.lower()):
            words = line.replace(",", " ").split()
            for i, word in enumerate(words):
                if word == "used":
                    return round(int(words[i + 1].rstrip("K")) / 1024, 1)
    return -1.0


def database_connections():
    sql = f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{os.environ['DB']}'"
    out = subprocess.run(os.environ["PSQL"].split() + ["-At", "-c", sql], capture_output=True, text=True)
    return int(out.stdout.strip() or -1)


def main(url, seconds, rate, interval, results_path, warmup):
    customers = Customers()
    for _ in range(50):
        status, ok = register(url, customers, False)
        if not ok:
            sys.exit(f"soak: could not seed a customer ({status})")
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    if warmup > 0:
        warm = []
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            begin = time.time()
            for i in range(int(warmup * rate)):
                time.sleep(max(0.0, begin + i / rate - time.time()))
                pool.submit(lambda kind: warm.append(operation(url, customers, kind)[1]), random.choice(kinds))
        print(f"soak: warm-up of {warmup:.0f} s: {len(warm)} requests, {warm.count(False)} errors (not judged)")
    samples = []  # (interval index, kind, status, ok, latency)
    samples_lock = threading.Lock()
    start = time.time()
    intervals = max(1, int(round(seconds / interval)))
    end = start + seconds

    def task(due, kind):
        status, ok = operation(url, customers, kind)
        done = time.time()
        with samples_lock:
            samples.append((min(intervals - 1, int((due - start) / interval)), kind, status, ok, done - due))

    resources = []

    def sample_resources():
        for i in range(intervals):
            time.sleep(max(0.0, start + (i + 1) * interval - time.time()))
            resources.append((heap_after_gc_mb(), database_connections()))

    sampler = threading.Thread(target=sample_resources)
    sampler.start()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        i = 0
        while True:
            due = start + i / rate
            if due >= end:
                break
            time.sleep(max(0.0, due - time.time()))
            pool.submit(task, due, random.choice(kinds))
            i += 1
    sampler.join()

    report = {"rate": rate, "seconds": seconds, "interval": interval, "intervals": []}
    print(f"{'interval':>8} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'max ms':>7} "
          f"{'heap MB':>8} {'db conns':>8}")
    for n in range(intervals):
        mine = [s for s in samples if s[0] == n]
        latencies = [s[4] * 1000 for s in mine]
        heap, conns = resources[n] if n < len(resources) else (-1, -1)
        row = {"interval": n + 1, "requests": len(mine), "errors": sum(1 for s in mine if not s[3]),
               "p50_ms": round(percentile(latencies, 0.5), 1), "p90_ms": round(percentile(latencies, 0.9), 1),
               "p99_ms": round(percentile(latencies, 0.99), 1), "max_ms": round(max(latencies, default=0), 1),
               "heap_after_gc_mb": heap, "db_connections": conns}
        report["intervals"].append(row)
        print(f"{row['interval']:>8} {row['requests']:>8} {row['errors']:>6} {row['p50_ms']:>7} {row['p90_ms']:>7} "
              f"{row['p99_ms']:>7} {row['max_ms']:>7} {heap:>8} {conns:>8}")
    by_kind = {}
    for _, kind, status, ok, latency in samples:
        entry = by_kind.setdefault(kind, {"requests": 0, "errors": 0, "statuses": {}, "latencies": []})
        entry["requests"] += 1
        entry["errors"] += 0 if ok else 1
        entry["statuses"][str(status)] = entry["statuses"].get(str(status), 0) + 1
        entry["latencies"].append(latency * 1000)
    for kind, entry in sorted(by_kind.items()):
        entry["p99_ms"] = round(percentile(entry.pop("latencies"), 0.99), 1)
        print(f"soak: {kind:>15}: {entry['requests']} requests, {entry['errors']} errors, statuses {entry['statuses']}, "
              f"p99 {entry['p99_ms']} ms")
    report["kinds"] = by_kind
    errors = sum(1 for s in samples if not s[3])
    report["errors"] = errors
    report["achieved_rate"] = round(len(samples) / seconds, 1)
    with open(results_path, "w") as out:
        json.dump(report, out, indent=2)
    print(f"soak: {len(samples)} requests at {report['achieved_rate']}/s (asked {rate}/s), {errors} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5],
         float(os.environ.get("WARMUP", "0")))
