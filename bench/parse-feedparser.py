"""Times Python feedparser on the files named in argv[2:] (argv[1] = rounds); prints one JSON line.

Only feedparser.parse() is timed (not interpreter start-up or file reads), so the figure is the
parser's own throughput, comparable with the in-process JS timings.
"""
import json
import sys
import time

import feedparser

rounds = int(sys.argv[1])
files = sys.argv[2:]
if len(files) == 1 and files[0].startswith('@'):
    with open(files[0][1:], encoding='utf-8') as listing:
        files = [line.strip() for line in listing if line.strip()]
bodies = []
for name in files:
    with open(name, 'rb') as handle:
        bodies.append(handle.read())


def parse(body):
    try:
        feedparser.parse(body)
    except Exception:  # a few corpus files crash feedparser itself; that time still counts
        pass


parse(bodies[0])  # warm-up
start = time.perf_counter()
for _ in range(rounds):
    for body in bodies:
        parse(body)
seconds = time.perf_counter() - start
print(json.dumps({'seconds': seconds, 'docs': rounds * len(bodies), 'bytes': rounds * sum(len(b) for b in bodies)}))
