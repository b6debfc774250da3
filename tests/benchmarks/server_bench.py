"""The shared database on a PostgreSQL server: save latency with many clients at once, and
list, search and save at 100,000 cases.

  server-clients  p95 of one save (load the case, change a field, save it with its audit
                  rows) while N clients (separate processes, 10 in the full run) work at
                  once, each on its own case, saving at a busy editor's pace (a pause of
                  0-0.6 s between saves, as the 0.6 s autosave does while someone types), vs
                  one client saving alone (target p95 < 50 ms); the same with no pause at
                  all (every client saving back to back, the worst case) is shown beside it
  server-scale    on a server database of the large size (100,000 cases in the full run):
                  the case list's first page with its count, a search, and a save, each the
                  median of several, vs the same on the SQLite file of the same cases

The server is the one the tests use (TAREAID_TEST_PG_URL, its maintenance database); the
benchmark's databases are made there once (tareaid_bench_<key>_<count>) through the store's
own import, and kept for the next run. Without a server the benchmark says so and is
skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PG_URL_ENV = "TAREAID_TEST_PG_URL"
PG_URL_DEFAULT = "postgresql://tareaid_admin:tareaid-test@127.0.0.1:5432/postgres"


def admin_url() -> str:
    return os.environ.get(PG_URL_ENV, PG_URL_DEFAULT)


def _libpq(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme.split('+', 1)[0]}://{rest}"


def unreachable(url: str) -> str | None:
    """Why the server cannot be used ("" is never returned); None when it can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(_libpq(url), connect_timeout=5).close()
    except psycopg.Error as error:
        return f"no PostgreSQL server answers ({str(error).splitlines()[0]})"
    return None


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def ensure_server_database(
    count: int,
    key: str,
    make_cases: Callable[[int], list[dict[str, Any]]],
    log: Callable[[str], None],
) -> str:
    """The URL of a server database holding `count` synthetic cases, made once through the
    store's own import and kept (named by the same key as the cached SQLite files)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"tareaid_bench_{key}_{count}"
    url = make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_libpq(admin_url()), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if exists:
            done = _count(url)
            if done == count:
                return url
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    from tareaid.domain.case import parse_case
    from tareaid.store.repository import Repository

    started = time.perf_counter()
    with Repository.open(url) as repository:
        dicts = make_cases(count)
        for start in range(0, count, 5000):
            repository.import_cases([parse_case(d) for d in dicts[start : start + 5000]])
    log(f"generated {count:,} cases on the server in {time.perf_counter() - started:.1f} s")
    return url


def _count(url: str) -> int | None:
    import psycopg

    try:
        with psycopg.connect(_libpq(url)) as connection:
            row = connection.execute("SELECT count(*) FROM case_record").fetchone()
            return int(row[0]) if row else None
    except psycopg.Error:
        return None


# --- save latency with concurrent clients --------------------------------------------------------


# The pause between one client's saves: 0 to this many seconds, at random.
PAUSE_S = 0.6


def clients_save(
    url: str, clients: int, saves: int, env: dict[str, str], runner: Path, *, pause_s: float
) -> list[float]:
    """Latencies (ms) of every save of `clients` processes starting at the same moment, each
    pausing 0 to `pause_s` seconds between its saves."""
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(runner),
                "--child",
                "server-save",
                "--db",
                url,
                "--runs",
                str(saves),
                "--pace",
                str(pause_s),
            ],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(clients)
    ]
    try:
        for process in processes:  # each has opened the database and made its case
            assert process.stdout is not None
            line = process.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"a client did not start: {line}{process.stderr.read()}")
        for process in processes:  # all at once
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        latencies: list[float] = []
        for process in processes:
            out, err = process.communicate(timeout=600)
            lines = [line for line in out.splitlines() if line.startswith("{")]
            if process.returncode != 0 or not lines:
                raise RuntimeError(f"a client failed (exit {process.returncode}): {err[-2000:]}")
            latencies += json.loads(lines[-1])["latencies_ms"]
        return latencies
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def child_server_save(args: argparse.Namespace) -> int:
    """One client: open the server database, make a case of its own, say "ready", wait for
    "go", then load-change-save it `runs` times, timing each, pausing 0 to `pace` seconds
    between saves."""
    import random

    from tareaid.domain.case import parse_case
    from tareaid.store.repository import Repository

    pauses = random.Random(os.getpid())
    reference = f"BENCH-CLIENT-{os.getpid()}-{time.time_ns() % 10**9}"
    with Repository.open(args.db) as repository:
        repository.create_case(parse_case({"reference": reference, "ecog": 0}))
        print("ready", flush=True)
        sys.stdin.readline()
        latencies = []
        for i in range(args.runs):
            if args.pace > 0:
                time.sleep(pauses.uniform(0, args.pace))
            started = time.perf_counter()
            stored = repository.get_case(reference)
            repository.save_case(
                stored.case.with_changes(ecog=(i + 1) % 5), expected_version=stored.version
            )
            latencies.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"latencies_ms": latencies}), flush=True)
    return 0


# --- list, search and save at scale ---------------------------------------------------------------


def child_server_scale(args: argparse.Namespace) -> int:
    """List, search and save on the server database (--db) and the SQLite file of the same
    cases (--other-db), interleaved; medians in ms."""
    from tareaid.store.repository import Repository

    search = "-000042"
    timings: dict[str, dict[str, list[float]]] = {}
    with Repository.open(args.db) as server, Repository.open(args.other_db) as local:
        references = [s.reference for s in local.list_cases(limit=200, offset=100)]
        for label, repository in (("server", server), ("sqlite", local)):
            # Warm: connections made, pages cached on both sides.
            repository.count_cases()
            repository.list_cases(limit=200)
            timings[label] = {"list": [], "search": [], "save": []}
        for i in range(args.runs):
            for label, repository in (("server", server), ("sqlite", local)):
                times = timings[label]
                started = time.perf_counter()
                repository.count_cases()
                repository.list_cases(limit=200)
                times["list"].append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                repository.count_cases(search)
                repository.list_cases(search, limit=200)
                times["search"].append((time.perf_counter() - started) * 1000)
                reference = references[i % len(references)]
                started = time.perf_counter()
                stored = repository.get_case(reference)
                repository.save_case(
                    stored.case.with_changes(notes=f"Benchmark save {i} ({label})."),
                    expected_version=stored.version,
                )
                times["save"].append((time.perf_counter() - started) * 1000)
    result = {
        label: {
            what: {"median": statistics.median(values), "p95": percentile(values, 0.95)}
            for what, values in kinds.items()
        }
        for label, kinds in timings.items()
    }
    print(json.dumps(result), flush=True)
    return 0
