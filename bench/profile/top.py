#!/usr/bin/env python3
"""Where a JFR recording's sampled CPU went: by layer (the first frame outside the JDK), by method (self and
inclusive), and, when given, the inclusive share of frames containing each MARKER.

    python3 bench/profile/top.py rec.jfr [MARKER ...]
"""
import collections
import json
import subprocess
import sys

LAYERS = [
    ("org/hibernate", "hibernate"), ("io/micronaut/data", "micronaut-data"), ("io/micronaut/transaction", "micronaut-tx"),
    ("org/postgresql", "pgjdbc"), ("com/zaxxer", "hikari"), ("io/netty", "netty"), ("io/micronaut/http", "micronaut-http"),
    ("io/micronaut/web", "micronaut-router"), ("io/micronaut/serde", "serde"), ("com/fasterxml", "jackson"),
    ("io/micronaut", "micronaut-other"), ("io/micrometer", "micrometer"), ("ch/qos/logback", "logging"),
    ("org/jboss/logging", "logging"), ("io/strata", "strata"),
]


def layer(frame):
    return next((name for prefix, name in LAYERS if frame.startswith(prefix)), None)


def main(path, markers):
    recording = subprocess.run(
        ["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
        capture_output=True, text=True, check=True).stdout
    events = json.loads(recording)["recording"]["events"]
    by_layer, own, inclusive, marked = (collections.Counter() for _ in range(4))
    samples = 0
    for event in events:
        stack = event["values"]["stackTrace"]
        if not stack or not stack["frames"]:
            continue
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in stack["frames"]]
        samples += 1
        by_layer[next((layer(f) for f in frames if layer(f)), "jdk")] += 1
        own[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
        for marker in markers:
            if any(marker in f for f in frames):
                marked[marker] += 1
    if not samples:
        sys.exit("no execution samples in " + path)
    share = lambda n: f"{n * 100 / samples:5.1f}%"
    print(f"{samples} samples (stacks are cut at JFR's depth of 64 frames: outer frames are undercounted)")
    print("== by layer (first frame outside the JDK)")
    for name, n in by_layer.most_common():
        print(share(n), name)
    print("== self, top 30")
    for name, n in own.most_common(30):
        print(share(n), name)
    print("== inclusive, top 60")
    for name, n in inclusive.most_common(60):
        print(share(n), name)
    for marker in markers:
        print(share(marked[marker]), "with", marker)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
