#!/usr/bin/env python3
"""A steady write load against the service, every answer journalled, and the checks of that journal against the
database, for scripts/crash-recovery.sh.

  write_load.py run URL SECONDS JOURNAL      clients write until SECONDS have passed (or until the file STOP exists)
  write_load.py verify URL JOURNAL           after a crash and restart: acknowledged writes stored, keyed retries
                                             answer the acknowledged customer and create no duplicate, failed
                                             interactions retried and stored once
  write_load.py stored JOURNAL               every acknowledged write is stored (the service need not run)
  write_load.py in-flight JOURNAL T          after a SIGTERM at T (epoch seconds): every request sent before T got
                                             an answer and a 2xx; later ones were refused or answered, never 5xx

Environment: KEYED_TOKEN and UNKEYED_TOKEN (bearer tokens of two subjects, so that keyed registrations can be counted
by SQL), CUSTOMERS (comma list of customer IDs for interactions), RUN (a tag that makes every key and external ID of
this run unique), KEYED_SUBJECT (the subject of KEYED_TOKEN), PSQL (the psql command line of the service's database, words separated by spaces), CLIENTS.
"""
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse

BATCH = 500


def psql(sql, stdin=None):
    command = os.environ["PSQL"].split() + ["-At", "-v", "ON_ERROR_STOP=1", "-c", sql]
    return subprocess.run(command, input=stdin, text=True, capture_output=True, check=True).stdout


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = None

    def post(self, path, token, body, key=None):
        headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
        if key:
            headers["Idempotency-Key"] = key
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            self.connection.request("POST", path, json.dumps(body), headers)
            response = self.connection.getresponse()
            text = response.read().decode()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, text
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return 0, type(error).__name__

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def operation(run, client, n, customers):
    """The n-th request of a client: a keyed or an unkeyed registration, an interaction, or a batch of them."""
    tag = f"{run}-{client}-{n}"
    customer = customers[n % len(customers)]
    kind = ("keyed", "unkeyed", "interaction", "keyed", "unkeyed", "interaction", "batch")[n % 7]
    if kind in ("keyed", "unkeyed"):
        return {"kind": kind, "key": tag if kind == "keyed" else None,
                "body": {"givenName": "Crash", "familyName": tag}, "path": "/api/v1/customers"}
    visit = {"type": "WEB_VISIT", "channel": "WEB", "source": f"crash-{run}"}
    if kind == "interaction":
        return {"kind": kind, "externalIds": [tag], "body": dict(visit, externalId=tag),
                "path": f"/api/v1/customers/{customer}/interactions"}
    ids = [f"{tag}-{i}" for i in range(BATCH)]
    return {"kind": kind, "externalIds": ids, "path": "/api/v1/interactions/batch",
            "body": {"items": [dict(visit, externalId=i, customerId=customer) for i in ids]}}


def token_for(kind):
    return os.environ["KEYED_TOKEN" if kind == "keyed" else "UNKEYED_TOKEN"]


def run(url, seconds, journal_path):
    customers = os.environ["CUSTOMERS"].split(",")
    tag = os.environ["RUN"]
    end = time.time() + seconds
    stop = journal_path + ".stop"
    lock = threading.Lock()
    with open(journal_path, "a") as journal:
        def work(client_number):
            client = Client(url)
            n = 0
            while time.time() < end and not os.path.exists(stop):
                op = operation(tag, client_number, n, customers)
                n += 1
                sent = time.time()
                status, text = client.post(op["path"], token_for(op["kind"]), op["body"], op.get("key"))
                entry = {"kind": op["kind"], "sent": sent, "answered": time.time(), "status": status,
                         "key": op.get("key"), "body": op["body"], "externalIds": op.get("externalIds"),
                         "path": op["path"]}
                if status == 201 and op["kind"] in ("keyed", "unkeyed"):
                    entry["id"] = json.loads(text)["id"]
                if status == 200 and op["kind"] == "batch":
                    entry["stored"] = [r["status"] in ("CREATED", "DUPLICATE") for r in json.loads(text)["results"]]
                with lock:
                    journal.write(json.dumps(entry) + "\n")
                if status == 0:
                    time.sleep(0.05)  # refused: the service is down; do not spin
            client.close()

        threads = [threading.Thread(target=work, args=(c,)) for c in range(int(os.environ.get("CLIENTS", "16")))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def entries(journal_path):
    with open(journal_path) as journal:
        return [json.loads(line) for line in journal]


def fail(message):
    print("write_load: FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def stored_customer_ids(ids):
    if not ids:
        return set()
    rows = psql("CREATE TEMP TABLE expected (id varchar(13)); COPY expected FROM STDIN; "
                "SELECT c.id FROM customers c JOIN expected e ON e.id = c.id "
                "JOIN customer_versions v ON v.customer_id = c.id AND v.version = 1 "
                "JOIN customer_data_keys k ON k.key_id = v.data_key_id", "\n".join(ids) + "\n")
    return set(rows.split())


def stored_external_ids(source):
    return psql(f"SELECT external_id FROM interactions WHERE source = '{source}'").split()


def check_acknowledged(journal):
    """Every write that was answered 2xx is stored (a registration whole: customer, version 1, data key)."""
    acknowledged = [e["id"] for e in journal if "id" in e]
    missing = set(acknowledged) - stored_customer_ids(acknowledged)
    if missing:
        fail(f"{len(missing)} acknowledged registrations are not stored whole, e.g. {sorted(missing)[:3]}")
    source = f"crash-{os.environ['RUN']}"
    stored = stored_external_ids(source)
    if len(stored) != len(set(stored)):
        fail("an interaction is stored twice")
    stored = set(stored)
    acked_interactions = set()
    for e in journal:
        if e["kind"] == "interaction" and e["status"] in (200, 201):
            acked_interactions.update(e["externalIds"])
        if e["kind"] == "batch" and "stored" in e:
            acked_interactions.update(i for i, ok in zip(e["externalIds"], e["stored"]) if ok)
    if acked_interactions - stored:
        fail(f"{len(acked_interactions - stored)} acknowledged interactions are not stored")
    return acknowledged, acked_interactions


def verify(url, journal_path):
    journal = entries(journal_path)
    acknowledged, acked_interactions = check_acknowledged(journal)
    source = f"crash-{os.environ['RUN']}"
    client = Client(url)
    keyed = {}
    for e in journal:
        if e["kind"] == "keyed":
            keyed.setdefault(e["key"], e)
            if "id" in e:
                keyed[e["key"]] = e
    for key, e in keyed.items():
        status, text = client.post("/api/v1/customers", os.environ["KEYED_TOKEN"], e["body"], key)
        if status != 201:
            fail(f"retry of key {key} answered {status}: {text}")
        if "id" in e and json.loads(text)["id"] != e["id"]:
            fail(f"retry of key {key} answered another customer than the acknowledged {e['id']}")
    keyed_customers = int(psql("SELECT count(*) FROM customer_versions WHERE version = 1 AND recorded_by = "
                               f"'{os.environ['KEYED_SUBJECT']}'"))
    if keyed_customers != len(keyed):
        fail(f"{len(keyed)} keys made {keyed_customers} customers: a keyed retry duplicated one")
    retried = 0
    for e in journal:
        if e["kind"] in ("interaction", "batch") and e["status"] not in (200, 201):
            status, text = client.post(e["path"], os.environ["UNKEYED_TOKEN"], e["body"], None)
            if status not in (200, 201):
                fail(f"retry of {e['path']} answered {status}: {text}")
            retried += 1
    counts = psql(f"SELECT count(*), count(DISTINCT external_id) FROM interactions WHERE source = '{source}'").strip().split("|")
    if counts[0] != counts[1]:
        fail("a retried interaction is stored twice")
    unknown = sum(1 for e in journal if e["kind"] == "unkeyed" and e["status"] == 0)
    print(f"write_load: {len(acknowledged)} acknowledged registrations stored whole, {len(keyed)} keys retried into "
          f"{keyed_customers} customers, {len(acked_interactions)} acknowledged interactions stored, {retried} failed "
          f"interaction requests retried and stored once; {unknown} unkeyed registrations had no answer (outcome "
          f"unknown to their client)")


def in_flight(journal_path, term_at):
    journal = entries(journal_path)
    # In flight: sent before the signal and answered after it. On a quiet machine requests take milliseconds, so
    # a run may catch none; the check of those is then empty, and the run says so rather than failing.
    before = [e for e in journal if e["sent"] < term_at < e["answered"]]
    if not before:
        print("write_load: no request was in flight at the instant of SIGTERM; only later requests are checked")
    broken = [e for e in before if not 200 <= e["status"] < 300]
    if broken:
        fail(f"{len(broken)} of {len(before)} requests in flight at SIGTERM did not finish, e.g. {broken[0]}")
    later = [e for e in journal if e["sent"] > term_at]
    errors = [e for e in later if e["status"] >= 500]
    if errors:
        fail(f"{len(errors)} requests after SIGTERM got a 5xx, e.g. {errors[0]}")
    refused = sum(1 for e in later if e["status"] == 0)
    slowest = max((e["answered"] - term_at for e in before), default=0)
    print(f"write_load: {len(before)} requests in flight at SIGTERM all finished with a 2xx (the last "
          f"{slowest:.2f} s after it); {len(later)} sent later: {refused} refused, {len(later) - refused} answered")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "run":
        run(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif command == "verify":
        verify(sys.argv[2], sys.argv[3])
    elif command == "stored":
        registrations, interactions = check_acknowledged(entries(sys.argv[2]))
        print(f"write_load: {len(registrations)} acknowledged registrations and {len(interactions)} acknowledged "
              "interactions stored")
    elif command == "in-flight":
        in_flight(sys.argv[2], float(sys.argv[3]))
    else:
        fail("unknown command " + command)
