#!/usr/bin/env python3
"""CPU per request by stage from a JFR recording of a saturated endpoint (bench/profile-get.sh).

  profile.py <recording.jfr> <requests> <cpu seconds of the JVM in the window> [<top frames>]

Reads the recording's execution samples (`jfr print --json --events jdk.ExecutionSample`), gives each sample to
the first stage whose marker matches a frame, walking from the leaf towards the root (so a regular expression run
by the firewall counts for the firewall, a hash map read by Spring MVC for Spring MVC), and prints each stage's
share of the samples and its CPU microseconds per request: share * JVM CPU time / requests.
"""
import collections
import json
import subprocess
import sys

# (stage, class-name prefixes or fragments), in the order they are tried on each frame.
STAGES = [
    ("firewall (header and parameter checks)", ["org.springframework.security.web.firewall.",
                                                "io.customeridentity.shared.security.FirewallText",
                                                "io.customeridentity.shared.security.CandidateFirewall"]),
    ("bearer token resolution", ["org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver",
                                 "io.customeridentity.shared.security.BearerHeaderResolver"]),
    ("token look-up (cache, decoder, claims)", ["io.customeridentity.shared.security.CachingJwtDecoder",
                                                "io.customeridentity.shared.security.ClaimCheckingJwtDecoder",
                                                "io.customeridentity.shared.security.ClaimRules",
                                                "org.springframework.security.oauth2.jwt.", "com.nimbusds.",
                                                "org.springframework.security.oauth2.server.resource.authentication."]),
    ("authorisation", ["org.springframework.security.web.access.intercept.",
                       "org.springframework.security.authorization.",
                       "org.springframework.security.web.servlet.util.matcher.",
                       "org.springframework.security.web.util.matcher."]),
    ("other security filters", ["org.springframework.security."]),
    ("ID parsing", ["io.customeridentity.identifier."]),
    ("customer cache", ["io.customeridentity.customer.internal.cache.", "com.github.benmanes.caffeine."]),
    ("encryption", ["io.customeridentity.crypto.", "javax.crypto.", "com.sun.crypto.", "org.bouncycastle."]),
    ("JSON", ["tools.jackson.", "com.fasterxml.jackson."]),
    ("audit", ["io.customeridentity.privacy."]),
    ("request id, ETag, problem and other web helpers", ["io.customeridentity.shared."]),
    ("the service's own code (controllers, management)", ["io.customeridentity."]),
    ("metrics and observation", ["io.micrometer."]),
    ("logging", ["ch.qos.logback.", "org.slf4j."]),
    ("Spring MVC", ["org.springframework.web.", "org.springframework.http."]),
    ("Tomcat: HTTP parsing and writing", ["org.apache.coyote.", "org.apache.tomcat."]),
    ("Tomcat: servlet pipeline", ["org.apache.catalina."]),
    ("Spring (other)", ["org.springframework."]),
]


def stage_of(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for stage, markers in STAGES:
            if any(name.startswith(m) for m in markers):
                return stage
    return "JDK and other (sockets, threads, collections outside any stage)"


def main():
    recording, requests, cpu_seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample",
                           recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(text)["recording"]["events"]
    stages = collections.Counter()
    leaves = collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        stages[stage_of(frames)] += 1
        if frames:
            f = frames[0]["method"]
            leaves[f["type"]["name"].replace("/", ".") + "." + f["name"]] += 1
    total = sum(stages.values())
    per_request_us = cpu_seconds / requests * 1e6
    print(f"{total} samples; JVM CPU {cpu_seconds:.1f} s for {requests:.0f} requests = {per_request_us:.1f} us a request")
    print(f"{'stage':<62}{'share':>7}{'us/request':>12}")
    for stage, n in stages.most_common():
        print(f"{stage:<62}{n / total:>7.1%}{n / total * per_request_us:>12.1f}")
    if top:
        print(f"top {top} leaf methods:")
        for name, n in leaves.most_common(top):
            print(f"  {n / total:6.1%}  {name}")


if __name__ == "__main__":
    main()
