#!/usr/bin/env bash
# Benchmarks for Cases. Run them through `./cases bench <name> [args]`, which starts PostgreSQL,
# exports CASES_DB and PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, and cds to the repository root.
# Run directly, the same variables must be set. Results: docs/benchmarks.md (one section per bench)
# and tests/Cases.Benchmarks/bin/bench/results/ (raw JSON, logs).
set -euo pipefail

HERE="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd -- "$HERE/../.." && pwd)"
BENCHES=(intake actions deadlines)
OUT="$HERE/bin/bench"            # git-ignored (bin/)
RESULTS="$OUT/results"
HARNESS_DIR="$OUT/harness"
API_DIR="$OUT/api"
DOC="$ROOT/docs/benchmarks.md"
BENCH_DB="${CASES_BENCH_DB:-cases_bench}"
PGBENCH_DB="${BENCH_DB}_pgbench"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<EOF
usage: ./cases bench <name> [options]        (or tests/Cases.Benchmarks/bench.sh with CASES_DB and PG* set)

benchmarks: ${BENCHES[*]}

  intake   POST /api/cases throughput and latency at 1, 16 and 64 concurrent clients (closed loop),
           then pgbench running the same transaction on the same server, and the API's throughput
           as a percentage of pgbench's. Updates the intake section of docs/benchmarks.md.
  actions  Workflow actions (POST /api/cases/{id}/actions/{action}) in the same way: setup files 4
           rights-defence cases per client and takes them to Investigation (not measured), then each
           client cycles sendInformationNotice, suspendCase, sendInformationNotice, resumeCase over its
           own cases; pgbench runs the same statements (actions.pgbench.sql) on equivalent seeded cases.
           Updates the actions section of docs/benchmarks.md.

  deadlines  The deadline timers of a Release API process, in real time: seeds 100,000 open deadlines (SQL), 10,000 due at
           one instant T, schedules their wake-ups through the application's Quartz timers from a node that never fires,
           and measures until all 10,000 took effect (target: within 60 s), counting changes and notices per deadline
           (none lost or doubled, none of the other 90,000 touched); then 50 deadlines due each second for 60 s (lateness
           p50/p99), then the deadline arithmetic throughput (one thread). Updates the deadlines section of docs/benchmarks.md.
           Options: --open N (100000), --due-together N (10000), --rate N (50), --steady S (60), --lead S (40),
           --parallelism N (Cases:Timers:Parallelism; default the API's own, 2 per core), --arithmetic S (5), --no-doc.

  Options (intake and actions):
    --duration S           measured seconds per level (default 20)
    --warmup S             warm-up seconds before each level (default 5)
    --prewarm S            API warm-up before the first level, for JIT tiering (default 30)
    --clients LIST         API client counts (default 1,16,64)
    --pgbench-clients LIST pgbench client counts (default 16,64)
    --no-doc               do not touch docs/benchmarks.md
    --no-pgbench           API half only (the doc is then not updated)
    --pgbench-only         pgbench half only, schema from migrations/*.sql (the doc is then not updated)

Databases '$BENCH_DB' and '$PGBENCH_DB' on the given server are dropped and recreated at every run
(CASES_BENCH_DB renames them); the development database is not touched.
EOF
}

# ---------------------------------------------------------------------------------------------

API_PID=""
CHILD_PID=""

# Runs a command in the background and waits for it, so that a signal to this script is handled at
# once (bash defers traps while a foreground command runs) and the command is stopped with it.
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

stop_child() {
  if [[ -n $CHILD_PID ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
  fi
  CHILD_PID=""
}

stop_api() {
  if [[ -n $API_PID ]] && kill -0 "$API_PID" 2>/dev/null; then
    say "stopping the API (pid $API_PID)"
    kill -TERM "$API_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$API_PID" 2>/dev/null && kill -KILL "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  API_PID=""
}
trap 'rc=$?; stop_child; stop_api; exit $rc' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need_env() {
  command -v dotnet >/dev/null || die "dotnet is not on PATH"
  command -v psql >/dev/null || die "psql is not on PATH (./cases bench installs it)"
  command -v pgbench >/dev/null || die "pgbench is not on PATH (./cases bench installs it)"
  if [[ -z ${CASES_DB:-} ]]; then
    [[ -n ${PGHOST:-} && -n ${PGUSER:-} ]] \
      || die "no database: run through './cases bench ...', which starts PostgreSQL and exports CASES_DB and PG*, or export them yourself"
    export CASES_DB="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER;Password=${PGPASSWORD:-};Database=${PGDATABASE:-postgres}"
  fi
  [[ -n ${PGHOST:-} && -n ${PGUSER:-} ]] \
    || die "CASES_DB is set but PGHOST/PGUSER are not: run through './cases bench ...', which exports both"
  local dev_db="${PGDATABASE:-}"
  [[ $BENCH_DB != "$dev_db" && $PGBENCH_DB != "$dev_db" ]] \
    || die "the benchmark database '$BENCH_DB' is the development database: set CASES_BENCH_DB to another name"
  [[ $BENCH_DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "CASES_BENCH_DB must be a plain lower-case identifier, got '$BENCH_DB'"
}

# psql on the maintenance database (postgres, else the one from PGDATABASE).
MAINT_DB=""
psql_admin() {
  if [[ -z $MAINT_DB ]]; then
    if psql -X -q -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then MAINT_DB=postgres; else MAINT_DB="${PGDATABASE:-template1}"; fi
  fi
  psql -X -q -v ON_ERROR_STOP=1 -d "$MAINT_DB" "$@"
}

recreate_db() {
  say "recreating database $1"
  psql_admin -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\"" >/dev/null
}

HARNESS=(dotnet "$HARNESS_DIR/Cases.Benchmarks.dll")
harness() { "${HARNESS[@]}" "$@"; }

build_harness() {
  say "building the load generator (Release)"
  dotnet build "$HERE/Cases.Benchmarks.csproj" -c Release -o "$HARNESS_DIR" -nologo -v quiet >"$OUT/build-harness.log" 2>&1 \
    || { grep -E 'error|warning' "$OUT/build-harness.log" >&2 || cat "$OUT/build-harness.log" >&2; die "building tests/Cases.Benchmarks failed"; }
}

build_api() {
  say "building src/Cases.Api (Release)"
  rm -rf -- "$API_DIR"
  dotnet publish "$ROOT/src/Cases.Api/Cases.Api.csproj" -c Release -o "$API_DIR" -nologo -v quiet >"$OUT/build-api.log" 2>&1 \
    || { grep -E 'error|warning' "$OUT/build-api.log" >&2 || cat "$OUT/build-api.log" >&2; die "building src/Cases.Api in Release failed"; }
  [[ -f $API_DIR/Cases.Api.dll ]] || die "the Release build has no Cases.Api.dll in $API_DIR"
}

# Execs the rest of the arguments (the published API) with CASES_DB=$1, in Production with logging at
# Warning and no write limit (the load generator is one caller writing as fast as it can): call it in a subshell that has cd'ed to the publish folder, as in a deployment.
api_env() {
  exec env CASES_DB="$1" ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft=Warning \
    Logging__LogLevel__Microsoft.AspNetCore=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning \
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Warning \
    Logging__Console__LogLevel__Default=Warning \
    Cases__RateLimits__WritesPerMinute=100000000 "${@:2}"
}

# The postmaster's pid, so CPU can be split between PostgreSQL and the rest; empty if unreadable.
postmaster_pid() {
  local dir
  dir="$(psql_admin -tAc 'SHOW data_directory' 2>/dev/null)" || return 0
  [[ -r $dir/postmaster.pid ]] && head -n 1 -- "$dir/postmaster.pid" || true
}

git_commit() {
  local sha
  sha="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)" || { echo "none (no commit yet)"; return; }
  if [[ -n $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
    echo "$sha + uncommitted changes"
  else
    echo "$sha"
  fi
}

# ---------------------------------------------------------------------------------------------

# The pgbench database's data: the 11 centres, then <bench>.pgbench-setup.sql if the bench has one, with the
# largest pgbench client count as psql variable "clients" (so that it can seed cases for every client).
seed_pgbench_db() {
  local name="$1" pg_clients="$2" setup="$HERE/$1.pgbench-setup.sql" max_clients
  psql -X -q -v ON_ERROR_STOP=1 -d "$PGBENCH_DB" >/dev/null <<'SQL'
INSERT INTO protection_centres (code, region, name, created_at)
SELECT r, r, r || ' 知识产权保护中心', now()
FROM unnest(ARRAY['FJ','JX','HN','GD','GX','HI','SC','GZ','YN','HK','MO']) AS r
ON CONFLICT DO NOTHING;
SQL
  if [[ -f $setup ]]; then
    max_clients="$(tr ',' '\n' <<<"$pg_clients" | sort -n | tail -n 1)"
    say "seeding $PGBENCH_DB for $max_clients pgbench clients ($(basename -- "$setup"))"
    psql -X -q -v ON_ERROR_STOP=1 -v clients="$max_clients" -d "$PGBENCH_DB" -f "$setup" >/dev/null \
      || die "$(basename -- "$setup") failed on $PGBENCH_DB"
  fi
}

# One bench: its API half (Cases.Benchmarks <name>), its pgbench half (<name>.pgbench.sql) and its section of the doc.
run_bench() {
  local name="$1"
  shift
  local duration=20 warmup=5 prewarm=30 clients="1,16,64" pg_clients="16,64" doc=1 run_api=1 run_pg=1 args="$*"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --duration) duration="${2:?--duration needs seconds}"; shift 2 ;;
      --warmup) warmup="${2:?--warmup needs seconds}"; shift 2 ;;
      --prewarm) prewarm="${2:?--prewarm needs seconds}"; shift 2 ;;
      --clients) clients="${2:?--clients needs a list}"; shift 2 ;;
      --pgbench-clients) pg_clients="${2:?--pgbench-clients needs a list}"; shift 2 ;;
      --no-doc) doc=0; shift ;;
      --no-pgbench) run_pg=0; shift ;;
      --pgbench-only) run_api=0; shift ;;
      -h|--help) usage; return 0 ;;
      *) usage >&2; die "$name: unknown option '$1'" ;;
    esac
  done
  [[ $duration =~ ^[1-9][0-9]*$ ]] || die "--duration must be a positive number of seconds"
  [[ $warmup =~ ^[0-9]+$ ]] || die "--warmup must be a number of seconds"
  [[ $prewarm =~ ^[0-9]+$ ]] || die "--prewarm must be a number of seconds"
  [[ $clients =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--clients must be a comma-separated list of positive integers"
  [[ $pg_clients =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--pgbench-clients must be a comma-separated list of positive integers"
  (( run_api || run_pg )) || die "--no-pgbench and --pgbench-only together leave nothing to run"

  need_env
  mkdir -p -- "$RESULTS"
  exec 9>"$OUT/bench.lock"
  flock -n 9 || die "another benchmark is running (lock $OUT/bench.lock)"
  rm -f -- "$RESULTS/$name.json" "$RESULTS/$name-pgbench.json" "$RESULTS/$name-api.log"

  local pm api_cs pg_cs port rc=0 api_json="" pg_json="" api_log="$RESULTS/$name-api.log"
  pm="$(postmaster_pid)"
  say "server: ${PGHOST}:${PGPORT:-5432}, postmaster pid ${pm:-unknown}; $(psql_admin -tAc 'SHOW server_version')"
  build_harness
  if (( run_api )); then build_api; fi

  if (( run_api )); then
    recreate_db "$BENCH_DB"
    api_cs="$(harness conn-string --database "$BENCH_DB")"
    port="$(harness free-port)"
    say "starting the API on http://127.0.0.1:$port (log: ${api_log#"$ROOT"/})"
    (cd -- "$API_DIR" && api_env "$api_cs" dotnet Cases.Api.dll --urls "http://127.0.0.1:$port") >"$api_log" 2>&1 &
    API_PID=$!
    api_json="$RESULTS/$name.json"
    CASES_DB="$api_cs" run_child "${HARNESS[@]}" "$name" --url "http://127.0.0.1:$port" --clients "$clients" --duration "$duration" --warmup "$warmup" \
      --prewarm "$prewarm" --api-pid "$API_PID" ${pm:+--pg-pid "$pm"} --json "$api_json" || rc=$?
    if (( rc == 1 || rc > 2 )) || [[ ! -f $api_json ]]; then
      say "the load generator failed (exit $rc); last lines of the API's log:"
      tail -n 40 -- "$api_log" >&2 || true
      exit 1
    fi
    kill -0 "$API_PID" 2>/dev/null || { tail -n 40 -- "$api_log" >&2; die "the API exited during the run"; }
    if (( rc == 2 )); then
      say "some requests failed (see above); last lines of the API's log:"
      tail -n 20 -- "$api_log" >&2 || true
    fi
    stop_api
  fi

  if (( run_pg )); then
    recreate_db "$PGBENCH_DB"
    if (( run_api )); then
      say "migrating $PGBENCH_DB with the API's migrator"
      pg_cs="$(harness conn-string --database "$PGBENCH_DB")"
      (cd -- "$API_DIR" && api_env "$pg_cs" dotnet Cases.Api.dll migrate) >"$RESULTS/$name-migrate.log" 2>&1 \
        || { cat -- "$RESULTS/$name-migrate.log" >&2; die "'Cases.Api migrate' failed on $PGBENCH_DB"; }
    else
      say "creating the schema in $PGBENCH_DB from migrations/*.sql"
      local f
      for f in "$ROOT"/migrations/*.sql; do
        psql -X -q -v ON_ERROR_STOP=1 -d "$PGBENCH_DB" --single-transaction -f "$f" >/dev/null \
          || die "applying $(basename -- "$f") to $PGBENCH_DB failed"
      done
    fi
    seed_pgbench_db "$name" "$pg_clients"
    pg_json="$RESULTS/$name-pgbench.json"
    local pg_rc=0
    run_child "${HARNESS[@]}" pgbench --db "$PGBENCH_DB" --script "$HERE/$name.pgbench.sql" --clients "$pg_clients" \
      --duration "$duration" --warmup "$warmup" --log-dir "$RESULTS/$name-pgbench" ${pm:+--pg-pid "$pm"} --json "$pg_json" \
      || pg_rc=$?
    (( pg_rc == 0 || pg_rc == 2 )) || die "pgbench failed (exit $pg_rc)"
    if (( pg_rc == 2 && rc == 0 )); then rc=2; fi
  fi

  local settings report_rc=0 doc_args=()
  if (( doc )); then doc_args=(--doc "$DOC"); fi
  settings="$(psql_admin -tAc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
    WHERE name IN ('fsync','synchronous_commit','full_page_writes','shared_buffers','max_connections','wal_buffers','jit')")"
  harness report --bench "$name" ${api_json:+--api "$api_json"} ${pg_json:+--pgbench "$pg_json"} \
    "${doc_args[@]}" \
    --commit "$(git_commit)" --pg-version "PostgreSQL $(psql_admin -tAc 'SHOW server_version')" \
    --pg-settings "$settings" --command "./cases bench $name${args:+ $args}" || report_rc=$?
  say "raw results: ${RESULTS#"$ROOT"/}/"
  if (( rc != 0 )); then return "$rc"; fi
  return "$report_rc"
}

# The deadlines bench: no pgbench half; the harness drives the API's timers and writes its own section.
run_deadlines() {
  local doc=1 args="$*" extra=() parallelism=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --open|--due-together|--rate|--steady|--lead|--arithmetic|--timeout|--target)
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer"; extra+=("$1" "$2"); shift 2 ;;
      --parallelism)
        [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--parallelism needs a positive integer"; parallelism="$2"; shift 2 ;;
      --no-doc) doc=0; shift ;;
      -h|--help) usage; return 0 ;;
      *) usage >&2; die "deadlines: unknown option '$1'" ;;
    esac
  done

  need_env
  mkdir -p -- "$RESULTS"
  exec 9>"$OUT/bench.lock"
  flock -n 9 || die "another benchmark is running (lock $OUT/bench.lock)"
  local json="$RESULTS/deadlines.json" api_log="$RESULTS/deadlines-api.log" pm api_cs port rc=0 settings sweep="01:00:00"
  rm -f -- "$json" "$api_log"
  pm="$(postmaster_pid)"
  say "server: ${PGHOST}:${PGPORT:-5432}, postmaster pid ${pm:-unknown}; $(psql_admin -tAc 'SHOW server_version')"
  build_harness
  build_api
  recreate_db "$BENCH_DB"
  api_cs="$(harness conn-string --database "$BENCH_DB")"
  port="$(harness free-port)"
  say "starting the API on http://127.0.0.1:$port (log: ${api_log#"$ROOT"/})"
  # The scheduling jobs log what each wake-up and sweep did (Information); the sweep is pushed out so that only wake-ups act.
  (cd -- "$API_DIR" && api_env "$api_cs" env Cases__Timers__SweepInterval="$sweep" ${parallelism:+Cases__Timers__Parallelism="$parallelism"} \
      Logging__LogLevel__Cases.Workflows.Scheduling=Information Logging__Console__LogLevel__Cases.Workflows.Scheduling=Information \
      dotnet Cases.Api.dll --urls "http://127.0.0.1:$port") >"$api_log" 2>&1 &
  API_PID=$!
  settings="$(psql_admin -tAc "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
    WHERE name IN ('fsync','synchronous_commit','full_page_writes','shared_buffers','max_connections','wal_buffers','jit')")"
  local doc_args=()
  if (( doc )); then doc_args=(--doc "$DOC"); fi
  CASES_DB="$api_cs" run_child "${HARNESS[@]}" deadlines --url "http://127.0.0.1:$port" "${extra[@]}" ${parallelism:+--parallelism "$parallelism"} \
    --sweep-interval "$sweep" --api-log "$api_log" --api-pid "$API_PID" ${pm:+--pg-pid "$pm"} --json "$json" "${doc_args[@]}" \
    --commit "$(git_commit)" --pg-version "PostgreSQL $(psql_admin -tAc 'SHOW server_version')" --pg-settings "$settings" \
    --command "./cases bench deadlines${args:+ $args}" || rc=$?
  if (( rc == 1 || rc > 2 )); then
    say "the deadlines harness failed (exit $rc); last lines of the API's log:"
    tail -n 40 -- "$api_log" >&2 || true
  fi
  kill -0 "$API_PID" 2>/dev/null || { tail -n 40 -- "$api_log" >&2; die "the API exited during the run"; }
  stop_api
  say "raw results: ${RESULTS#"$ROOT"/}/"
  return "$rc"
}

# ---------------------------------------------------------------------------------------------

name="${1:-}"
[[ $# -gt 0 ]] && shift
case "$name" in
  intake|actions) run_bench "$name" "$@" ;;
  deadlines) run_deadlines "$@" ;;
  ""|-h|--help|help) usage ;;
  *) usage >&2; die "unknown benchmark '$name'; available: ${BENCHES[*]}" ;;
esac
