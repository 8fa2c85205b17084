#!/usr/bin/env python3
"""The figures of one bench/run.sh run: parses wrk and pgbench output into records (one JSON object a line, each
with a name and a repeat number), and turns the records into the printed table and results.json.

  results.py record  <records> <name> <repeat> key=value...       (a number where the value is one)
  results.py wrk     <records> <name> <repeat> <wrk output>
  results.py pgbench <records> <name> <repeat> <pgbench output> <log prefix>
  results.py report  <records> <results.json>
"""
import glob
import json
import math
import os
import re
import statistics
import sys


def append(records, record):
    with open(records, "a") as out:
        out.write(json.dumps(record) + "\n")


def number(text):
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return float(text) if re.fullmatch(r"-?\d+\.\d*", text) else text


def record(records, name, repeat, *pairs):
    fields = dict(pair.split("=", 1) for pair in pairs)
    append(records, dict(name=name, repeat=int(repeat), **{k: number(v) for k, v in fields.items()}))


def wrk(records, name, repeat, output):
    text = open(output).read()

    def ms(label):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else None

    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not rate:
        sys.exit("bench: no rate in the wrk output:\n" + text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    r = dict(name=name, repeat=int(repeat), rate=float(rate.group(1)), p50Ms=ms("50"), p99Ms=ms("99"),
             non2xx=int(non2xx.group(1)) if non2xx else 0, socketErrors=sum(map(int, socket.groups())) if socket else 0)
    if r["non2xx"]:
        print(f"bench: {name} #{repeat}: wrk got {r['non2xx']} non-2xx responses", file=sys.stderr)
    append(records, r)
    print(f"    {name} #{repeat}: {r['rate']:.1f} req/s, p50 {fmt(r['p50Ms'])} ms, p99 {fmt(r['p99Ms'])} ms")


def pgbench(records, name, repeat, output, log_prefix):
    """pgbench -l writes one log per thread: <prefix>.<pid> for the first, <prefix>.<pid>.<n> for the others."""
    text = open(output).read()
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", text).group(1))
    average = float(re.search(r"latency average = ([\d.]+) ms", text).group(1))
    processed = int(re.search(r"number of transactions actually processed: (\d+)", text).group(1))
    files = glob.glob(glob.escape(log_prefix) + ".*")
    micros = []
    for path in files:
        with open(path) as log:
            # client_id transaction_no time script_no time_epoch time_us ...; time in microseconds, or a word
            # ("skipped", "failed") for a transaction that did not run to its end.
            micros.extend(int(fields[2]) for fields in map(str.split, log)
                          if len(fields) > 2 and fields[2].isdigit())
        os.remove(path)
    micros.sort()
    if len(micros) != processed:
        print(f"bench: {name} #{repeat}: {len(micros)} transactions in {len(files)} pgbench logs, "
              f"{processed} processed", file=sys.stderr)
    r = dict(name=name, repeat=int(repeat), tps=tps, avgMs=average, p50Ms=percentile(micros, 50),
             p99Ms=percentile(micros, 99), transactions=processed, logFiles=len(files), loggedTransactions=len(micros))
    append(records, r)
    print(f"    {name} #{repeat}: {tps:.1f} tps, p50 {fmt(r['p50Ms'])} ms, p99 {fmt(r['p99Ms'])} ms")


def percentile(sorted_micros, p):
    """Nearest rank, in milliseconds."""
    if not sorted_micros:
        return None
    return sorted_micros[max(0, math.ceil(p / 100 * len(sorted_micros)) - 1)] / 1000


def fmt(value, spec=".1f"):
    return "—" if value is None else format(value, spec)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def medians(runs):
    fields = {k for r in runs for k, v in r.items() if k != "repeat" and isinstance(v, (int, float))}
    return {field: median(r.get(field) for r in runs) for field in sorted(fields)}


# figure, (record name, field, scale), baseline, (record name, field, scale) or a fixed number
FIGURES = [
    ("/actuator/info with token (req/s)", ("actuatorInfoToken", "rate"), "/actuator/info", ("actuatorInfo", "rate")),
    ("customer GET rate (req/s)", ("customerGet", "rate"), "/actuator/info", ("actuatorInfo", "rate")),
    ("customer GET rate (req/s)", ("customerGet", "rate"), "/actuator/info with token",
     ("actuatorInfoToken", "rate")),
    ("customer GET p99 (ms)", ("customerGet", "p99Ms"), "/actuator/info p99", ("actuatorInfo", "p99Ms")),
    ("customer GET rate (req/s)", ("customerGet", "rate"), "pgbench same SELECT", ("pgbenchGet", "tps")),
    ("customer GET p99 (ms)", ("customerGet", "p99Ms"), "pgbench same SELECT p99", ("pgbenchGet", "p99Ms")),
    ("customer GET, hot set (req/s)", ("customerGetHot", "rate"), "/actuator/info",
     ("actuatorInfo", "rate")),
    ("customer GET, hot set (req/s)", ("customerGetHot", "rate"), "/actuator/info with token",
     ("actuatorInfoToken", "rate")),
    ("customer GET p99, hot set (ms)", ("customerGetHot", "p99Ms"), "/actuator/info p99", ("actuatorInfo", "p99Ms")),
    ("customer create (req/s)", ("customerCreate", "rate"), "pgbench same transaction", ("pgbenchCreate", "tps")),
    ("batch ingestion (interactions/s)", ("batch", "rate", 1000),
     "pgbench multi-row INSERT", ("pgbenchBatch", "tps", 1000)),
    ("batch ingestion (interactions/s)", ("batch", "rate", 1000), "COPY of the same rows", ("copyBatch", "rate")),
    ("ID validation (req/s)", ("idValidation", "rate"), "/actuator/info", ("actuatorInfoAgain", "rate")),
    ("customer GET, rate limits on (req/s)", ("customerGetLimitsOn", "rate"), "rate limits off",
     ("customerGetLimitsOff", "rate")),
    ("customer GET p99, limits on (ms)", ("customerGetLimitsOn", "p99Ms"), "rate limits off p99",
     ("customerGetLimitsOff", "p99Ms")),
    ("customer GET, audit on (req/s)", ("customerGetAuditOn", "rate"), "audit off", ("customerGetAuditOff", "rate")),
    ("customer GET p99, audit on (ms)", ("customerGetAuditOn", "p99Ms"), "audit off p99",
     ("customerGetAuditOff", "p99Ms")),
    ("customer create, audit on (req/s)", ("customerCreateAuditOn", "rate"), "audit off",
     ("customerCreateAuditOff", "rate")),
    ("timeline page 500 (ms)", ("timeline", "page500Ms"), "page 1", ("timeline", "page1Ms")),
    ("summary, {heavy} interactions (ms)", ("timeline", "summaryMs"), "target", 20.0),
    ("start-up with {cache} (ms)", ("startup", "serviceCacheMs"), "service without cache", ("startup", "serviceMs")),
    ("start-up, {cache} + Spring AOT (ms)", ("startup", "serviceSpringAotMs"),
     "service without cache", ("startup", "serviceMs")),
    ("start-up, {cache} + Spring AOT (ms)", ("startup", "serviceSpringAotMs"),
     "minimal app without cache", ("startup", "minimalMs")),
]


def report(records, results):
    by_name = {}
    for line in open(records):
        r = json.loads(line)
        by_name.setdefault(r["name"], []).append(r)
    for runs in by_name.values():
        runs.sort(key=lambda r: r["repeat"])
    run = {k: v for k, v in by_name.pop("run")[0].items() if k not in ("name", "repeat")}

    def series(spec):
        if not isinstance(spec, tuple):
            return {0: spec}
        name, field, scale = (spec + (1,))[:3]
        return {r["repeat"]: None if r.get(field) is None else r[field] * scale for r in by_name.get(name, [])}

    figures = []
    for figure, service_spec, baseline, baseline_spec in FIGURES:
        service, base = series(service_spec), series(baseline_spec)
        if not isinstance(baseline_spec, tuple):
            base = {repeat: baseline_spec for repeat in service}
        ratios = [service[k] / base[k] if service[k] is not None and base.get(k) else None for k in service]
        figures.append(dict(figure=figure.format(heavy=run.get("heavyInteractions"), cache=run["cacheName"]),
                            service=median(service.values()), baseline=baseline, baselineValue=median(base.values()),
                            ratio=median(ratios), ratios=ratios))

    repeats = run["repeats"]
    print(f"medians of {repeats} repeats (start-up: of {run['starts']} starts); ratio: the median of the per-repeat "
          f"ratios, range: their lowest and highest")
    print(f"{'figure':<36}{'service':>11}  {'baseline':<26}{'value':>11}{'ratio':>7}  range")
    for f in figures:
        known = [r for r in f["ratios"] if r is not None]
        spread = f"{min(known):.2f}–{max(known):.2f}" if len(known) > 1 else ""
        print(f"{f['figure']:<36}{fmt(f['service']):>11}  {f['baseline']:<26}{fmt(f['baselineValue']):>11}"
              f"{fmt(f['ratio'], '.2f'):>7}  {spread}".rstrip())
    memory = by_name["memory"][0]["residentMb"]
    print(f"{'resident memory after the run (MB)':<36}{memory:>11.0f}")
    print(f"seed: {run['customers']} customers, {run['interactions']} interactions; hot set: {run['hotCustomers']} "
          f"customers")
    print(f"JDK {run['javaVersion']} ({run['javaVendor']}), start-up cache: {run['cacheName']} ({run['cacheUse']}), "
          f"JVM warnings about it: {run['cacheTrainingWarnings']} in training, {run['cacheUseWarnings']} in use")
    print(f"Spring AOT mode start: {run.get('springAotUse', 'not measured')}")
    for name, runs in sorted(by_name.items()):
        for r in runs:
            problems = [f"{r[k]} {what}" for k, what in
                        (("non2xx", "non-2xx responses"), ("socketErrors", "socket errors")) if r.get(k)]
            if problems:
                print(f"warning: {name} #{r['repeat']}: wrk counted " + ", ".join(problems))

    json.dump(dict(run=run, figures=figures,
                   medians={name: medians(runs) for name, runs in by_name.items()},
                   measurements={name: [{k: v for k, v in r.items() if k != "name"} for r in runs]
                            for name, runs in by_name.items()}),
              open(results, "w"), indent=2)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    dict(record=record, wrk=wrk, pgbench=pgbench, report=report)[command](*arguments)
