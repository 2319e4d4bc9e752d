#!/usr/bin/env python3
"""Turns the lines bench/run.sh collected into the benchmark table, prints it and writes it as
Markdown (issue #10).
Usage: report.py RESULTS OUT ENTRIES CASES LETTERS CONNECTIONS SECONDS [WARMUP [PG_ENTRIES PG_CASES PG_LETTERS]]"""
import datetime, os, platform, subprocess, sys

results, out, entries, cases, letters, conns, secs = sys.argv[1:8]
warmup = int(sys.argv[8]) if len(sys.argv) > 8 else 0
pg_sizes = sys.argv[9:12] if len(sys.argv) > 11 else None


def fields(text):
    return dict(kv.split("=", 1) for kv in text.split())


rows = []
for line in open(results, encoding="utf-8"):
    kind, name, rest = line.rstrip("\n").split("\t", 2)
    rows.append((kind, name, fields(rest)))
load = {name: f for kind, name, f in rows if kind == "load"}
gen = [(name, f) for kind, name, f in rows if kind == "gen"]
one = {(kind, name): f for kind, name, f in rows if kind != "load"}


def num(x):
    return float(x) if x is not None else float("nan")


def shell(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return "?"


cpu = shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() or platform.processor()
mem = shell("awk '/MemTotal/ {printf \"%.0f GiB\", $2/1048576}' /proc/meminfo")
commit = shell("git rev-parse --short HEAD")
rustc = shell("rustc --version")
now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
lines = []
say = lines.append
say(f"# Benchmark {now}")
say("")
say(f"Machine: {os.cpu_count()} cores ({cpu}), {mem}; {rustc}; commit {commit}. "
    f"Server (and nginx) pinned to core 0, wrk to core 1; {conns} connections unless stated, {secs} s per run"
    + (f" after {warmup} s of the same load, not counted. " if warmup else ". ")
    + f"SQLite databases made by the demo generator: {int(entries):,} catalog entries for the catalog rows, "
    f"{int(cases):,} cases and {int(letters):,} letters for the lookup, letters and submission rows."
    + (f" The PostgreSQL rows: the same server over the local PostgreSQL ({shell('psql --version')}), which shares core 0 with it, "
       f"with {int(pg_sizes[0]):,} catalog entries, {int(pg_sizes[1]):,} cases and {int(pg_sizes[2]):,} letters made by the same generator."
       if pg_sizes else ""))
say("")
say("| endpoint | connections | requests/s | p50 ms | p95 ms | p99 ms | non-2xx/3xx | vs nginx | CPU stolen |")
say("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
ceiling = {"catalog list": load.get("nginx: catalog list"), "entry page": load.get("nginx: entry page")}
ceiling["catalog list, uncached"] = ceiling["catalog list"]
ceiling["entry page, uncached"] = ceiling["entry page"]
ceiling["catalog list, uncached, map"] = ceiling["catalog list"]
ceiling["catalog list, uncached, PostgreSQL"] = ceiling["catalog list"]
ceiling["entry page, uncached, PostgreSQL"] = ceiling["entry page"]
for name, f in load.items():
    ratio = ""
    base = ceiling.get(name)
    if base:
        ratio = f"{num(f['rps']) / num(base['rps']):.2f}×"
    bad = int(f.get("non2xx", 0)) + int(f.get("errors", 0))
    say(f"| {name} | {f['connections']} | {num(f['rps']):,.0f} | {num(f['p50']):.2f} | {num(f['p95']):.2f} | {num(f['p99']):.2f} | {bad} | {ratio} | {f.get('steal', '?')} % |")
say("")
stolen = [num(f["steal"]) for f in load.values() if "steal" in f]
if stolen and max(stolen) >= 5:
    say(f"CPU stolen: the share of the machine's CPU time the hypervisor gave to other guests during each run (up to "
        f"{max(stolen):.0f} % here). Figures from runs with much stolen time are low, and not comparable with quieter runs.")
    say("")
# Peak memory per server: as configured (every server but the last ones) and with the memory map.
servers = [(name, int(f["kb"]), int(f.get("anon_kb") or 0)) for kind, name, f in rows if kind == "rss" and f.get("kb", "").isdigit()]
plain = [s for s in servers if not s[0].endswith(", map")]
mapped = [s for s in servers if s[0].endswith(", map")]
rss = str(max(s[1] for s in plain)) if plain else None
anon = str(max(s[2] for s in plain)) if plain else None
rss_map = max(s[1] for s in mapped) if mapped else None
anon_map = max(s[2] for s in mapped) if mapped else None
sizes = [(name.removeprefix("first load").strip() or "/", f) for kind, name, f in rows if kind == "size"]
if rss:
    say(f"Server peak RSS over the runs above as configured (SQLite reads with `read()`, no memory map; the largest of those servers): "
        f"{int(rss) / 1024:.0f} MB; peak private memory (RssAnon, sampled every 0.5 s): {int(anon or 0) / 1024:.0f} MB.")
if rss_map:
    say(f"With the memory map on, peak RSS {rss_map / 1024:.0f} MB, most of it database pages SQLite maps into the process "
        f"(`mmap_size`); peak private memory {(anon_map or 0) / 1024:.0f} MB.")
if servers:
    say("")
    say("| server (database, settings) | peak RSS | peak private (RssAnon) |")
    say("|---|---:|---:|")
    for name, kb, anon_kb in servers:
        say(f"| {name} | {kb / 1024:.0f} MB | {anon_kb / 1024:.0f} MB |")
    say("")
for suffix in ("", ", PostgreSQL"):
    stored = one.get(("stored", "submission" + suffix), {}).get("cases")
    f = load.get("submission" + suffix)
    if stored is not None and f:
        answered = int(f["requests"]) - int(f.get("non2xx", 0))
        say(f"Submissions{suffix.replace(', ', ' on ')}: {answered:,} answered with a receipt, {int(stored):,} new cases stored "
            f"(every answered one, plus those in flight when wrk stopped).")
alone, f = load.get("PostgreSQL alone: the lookup's statement (pgbench)"), load.get("lookup, PostgreSQL")
if alone and f:
    say(f"PostgreSQL alone, with no server in between, ran the lookup's one statement {num(alone['rps']):,.0f} times a second on "
        f"core 0 (pgbench on core 1, prepared, {alone['connections']} clients): the lookup through the portal reached "
        f"{100 * num(f['rps']) / num(alone['rps']):.0f} % of that"
        + (", and no server can reach 10,000/s while PostgreSQL shares its core." if num(alone["rps"]) < 10000 else "."))
for page, size in sizes:
    parts = ", ".join(f"{k} {int(v) / 1024:.1f} KB" for k, v in size.items() if k not in ("total", "files"))
    say(f"First load of `{page}` as sent (brotli): {int(size['total']) / 1024:.1f} KB, the HTML and {size.get('files', '?')} files "
        f"({parts}).")
for kind, name, f in rows:
    if kind == "lighthouse":
        runs = f"; the median of {len(f['runs'].split(','))} runs, which scored {f['runs'].replace(',', ', ')}" if "runs" in f else ""
        say(f"Lighthouse 12 mobile performance, {name}: {f['score']} (FCP {num(f['fcp']):.0f} ms, LCP {num(f['lcp']):.0f} ms, "
            f"TBT {num(f['tbt']):.0f} ms, CLS {num(f['cls']):.3f}{runs}).")
say("")
say("Data generation (wall time, once; kept between runs): " + "; ".join(f"{n} {f['seconds']} s" for n, f in gen) + ".")
say("")


def target(label, ok, figure):
    say(f"| {label} | {figure} | {'met' if ok else '**missed**'} |")


say("| target | measured | |")
say("|---|---|---|")
for page in ("catalog list", "entry page", "catalog list, uncached", "entry page, uncached",
             "catalog list, uncached, PostgreSQL", "entry page, uncached, PostgreSQL"):
    f, base = load.get(page), ceiling.get(page)
    if f and base:
        r = num(f["rps"]) / num(base["rps"])
        target(f"{page}: ≥ 0.5× nginx, p99 ≤ 20 ms at {conns}", r >= 0.5 and num(f["p99"]) <= 20, f"{r:.2f}×, p99 {num(f['p99']):.1f} ms")
for suffix, n_entries, n_cases in (("", entries, cases), (", PostgreSQL", *(pg_sizes or ["0", "0"])[:2])):
    on = suffix.replace(", ", " on ")
    f = load.get("search, one client" + suffix)
    if f:
        target(f"search p95 ≤ 30 ms at {int(n_entries):,} entries (one client){on}", num(f["p95"]) <= 30, f"p95 {num(f['p95']):.1f} ms")
    f = load.get("lookup" + suffix)
    if f:
        target(f"lookup ≥ 10,000/s, p99 ≤ 10 ms at {int(n_cases):,} cases{on}", num(f["rps"]) >= 10000 and num(f["p99"]) <= 10,
               f"{num(f['rps']):,.0f}/s, p99 {num(f['p99']):.1f} ms")
    f = load.get("submission" + suffix)
    if f:
        target(f"≥ 1,000 durable submissions/s{on}", num(f["rps"]) >= 1000, f"{num(f['rps']):,.0f}/s")
for page, size in sizes:
    target(f"first load ≤ 250 KB brotli, `{page}`", int(size["total"]) <= 250 * 1024, f"{int(size['total']) / 1024:.0f} KB")
for kind, name, f in rows:
    if kind == "lighthouse":
        target(f"Lighthouse mobile ≥ 95, {name}", int(f["score"]) >= 95, f["score"])
    if kind == "lhfail":
        why = f.get("why", "").replace("_", " ").strip() or "no report"
        for label in (f"first load ≤ 250 KB brotli, `{name}`", f"Lighthouse mobile ≥ 95, {name}"):
            say(f"| {label} | Lighthouse failed: {why} | **not measured** |")
if rss:
    target("server RSS ≤ 150 MB under load", int(rss) <= 150 * 1024, f"{int(rss) / 1024:.0f} MB (private {int(anon or 0) / 1024:.0f} MB)")
if rss_map:
    target("server RSS ≤ 150 MB under load, memory map on", rss_map <= 150 * 1024, f"{rss_map / 1024:.0f} MB (private {(anon_map or 0) / 1024:.0f} MB)")
say("")
growth = [(n, f) for n, f in load.items() if "@" in n]
if growth:
    say("How cost grows with the catalog (the 1,000,000 figures are the rows above):")
    say("")
    say("| run | requests/s | p50 ms | p95 ms | p99 ms |")
    say("|---|---:|---:|---:|---:|")
    for n, f in growth:
        say(f"| {n} | {num(f['rps']):,.0f} | {num(f['p50']):.2f} | {num(f['p95']):.2f} | {num(f['p99']):.2f} |")
    say("")
text = "\n".join(lines)
print(text)
with open(out, "w", encoding="utf-8") as fh:
    fh.write(text + "\n")
print(f"\nwritten to {out}")
