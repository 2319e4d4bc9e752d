#!/usr/bin/env python3
"""Catalog latency (issue #3): one client, requests one after another, so each figure is the
server's latency for that request. Prints p50/p95/p99 per kind of request."""
import json, os, sys, time, urllib.parse, urllib.request

BASE = sys.argv[1]
ROUNDS = int(os.environ.get("ROUNDS", "10"))
# Words the generated catalog holds (common and rare), one character, traditional forms, phrases
# and a query with no match.
QUERIES = ["医疗", "补贴", "救助", "招生", "改造", "社会保险", "工资支付", "安全生产", "垃圾分类", "河长制",
           "审计整改", "食品安全", "林", "费", "補貼", "醫療保險", "农民工工资", "义务教育招生入学", "量子纠缠", "通知"]
LISTS = [{}, {"page": "2"}, {"page": "50"}, {"topic": "health"}, {"audience": "citizens"}, {"unit": "3"},
         {"topic": "civil", "from": "2024-01-01", "to": "2024-12-31"}, {"unit": "3", "topic": "education", "page": "3"}]


def call(args):
    data = urllib.parse.urlencode(args).encode()
    start = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(BASE + "/api/catalog/list", data=data)) as r:
        body = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, json.loads(body)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def report(name, xs):
    print(f"  {name:<22} n={len(xs):4d}  p50 {pct(xs, 50):7.1f} ms  p95 {pct(xs, 95):7.1f} ms  p99 {pct(xs, 99):7.1f} ms  max {max(xs):7.1f} ms")


for q in QUERIES[:3]:
    call({"q": q})  # warm the page cache
search, lists, hits, per_query = [], [], {}, {}
for _ in range(ROUNDS):
    for q in QUERIES:
        ms, page = call({"q": q})
        search.append(ms)
        per_query.setdefault(q, []).append(ms)
        hits[q] = f"{page['total']}{'+' if page['total_capped'] else ''}"
    for args in LISTS:
        ms, _ = call(args)
        lists.append(ms)
print("matches per query: " + ", ".join(f"{q} {n}" for q, n in hits.items()))
slowest = sorted(per_query.items(), key=lambda kv: -pct(kv[1], 50))[:5]
print("slowest searches (p50): " + ", ".join(f"{q} {pct(xs, 50):.1f} ms" for q, xs in slowest))
report("search", search)
report("list page (filters)", lists)
