#!/usr/bin/env bash
# Runs the whole benchmark suite (about 30 minutes on 2 cores) and copies its GitHub-Markdown reports to
# benchmarks/results/, where the last full run is committed. Run it on a quiet machine: no build, test or other
# benchmark running beside it.
#
#   benchmarks/run.sh                          # everything; replaces every report in benchmarks/results/
#   benchmarks/run.sh --filter '*Evaluate*'    # a part; replaces only the reports it writes
#
# Arguments go to BenchmarkDotNet as they are (--filter, --job, --list flat, ...). When a benchmark fails (its setup
# throws because the engine, the baseline and the validator disagree), the run exits non-zero and nothing is copied.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts=benchmarks/BenchmarkDotNet.Artifacts
results=benchmarks/results

args=("$@")
full=true
for arg in "${args[@]}"; do
  case "$arg" in
    --filter|-f|--filter=*) full=false ;;
  esac
done
if $full; then
  args=(--filter '*' "${args[@]}")
fi

rm -rf "$artifacts/results"
dotnet run -c Release --project benchmarks/ConnectionRules.Benchmarks -- --artifacts "$artifacts" "${args[@]}"

shopt -s nullglob
reports=("$artifacts"/results/*-report-github.md)
if [ ${#reports[@]} -eq 0 ]; then
  echo "No report was written: did the filter match nothing?" >&2
  exit 1
fi

mkdir -p "$results"
if $full; then
  rm -f "$results"/*-report-github.md
fi
cp "${reports[@]}" "$results"/
echo "Copied ${#reports[@]} report(s) to $results/:"
for report in "${reports[@]}"; do
  echo "  $(basename "$report")"
done
