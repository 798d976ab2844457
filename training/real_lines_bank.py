"""The real-line test set scored by the shipped engine (the `finadvice` CLI: tract, the confidence
threshold, the bank-category evidence of src/categorize/bank_category.rs), with and without the
bank's category where the export has one:

    training/.venv/bin/python training/real_lines_bank.py [path/to/finadvice]

Without a path it runs `cargo run -q -p finadvice-cli --` (a debug build). The CLI is run once on
three files: the rows that carry a merchant category code as a U.S. Bank CSV (its layout reads the
MCC from the memo), the rows that carry only a bank label as a CSV with a `Category` column, and
every row as a JSON array (no evidence). A row counts as right when the engine's category equals
the label; `uncategorized` (below the threshold) counts as wrong, as in the replay.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

from real_lines import ROOT, licence, load, load_bank

DAY0 = 730120  # 2000-01-01 as a proleptic ordinal: each row gets its own date, so none looks duplicated


def _date(i):
    import datetime
    return datetime.date.fromordinal(DAY0 + i).isoformat()


def write_inputs(rows, bank, folder):
    """The three input files and, per file, the indices of the rows it holds (in file order)."""
    by_mcc = [i for i, (_, mcc) in enumerate(bank) if mcc]
    by_label = [i for i, (label, mcc) in enumerate(bank) if label and not mcc]
    paths = [os.path.join(folder, n) for n in ("mcc.csv", "label.csv", "all.json")]
    with open(paths[0], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Date", "Transaction", "Name", "Memo", "Amount"])
        for i in by_mcc:
            w.writerow([_date(i), "DEBIT" if rows[i][1] < 0 else "CREDIT", rows[i][0], "x; %s; x" % bank[i][1],
                        "%.2f" % rows[i][1]])
    with open(paths[1], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["Date", "Description", "Amount", "Category"])
        for i in by_label:
            w.writerow([_date(i), rows[i][0], "%.2f" % rows[i][1], bank[i][0]])
    with open(paths[2], "w", encoding="utf-8") as f:
        json.dump([{"description": d, "amount": a} for d, a, *_ in rows], f)
    files = [(p, idx) for p, idx in zip(paths, [by_mcc, by_label, list(range(len(rows)))]) if idx]
    return files


def run_cli(cli, files):
    command = (cli or ["cargo", "run", "-q", "-p", "finadvice-cli", "--"]) + ["categorize"] + [p for p, _ in files]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit("finadvice categorize failed (%d): %s" % (done.returncode, done.stderr[-2000:]))
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def score(rows, bank, out, files):
    """{'with': {index: category}, 'without': {index: category}} from the CLI's lines."""
    n = sum(len(idx) for _, idx in files)
    if len(out) != n:
        raise SystemExit("the CLI printed %d lines for %d rows (a row was dropped or merged)" % (len(out), n))
    answers, k = {"with": {}, "without": {}}, 0
    for path, idx in files:
        kind = "without" if path.endswith(".json") else "with"
        for i in idx:
            line = out[k]
            k += 1
            if abs(line["amount"] - rows[i][1]) > 0.005:
                raise SystemExit("row %d: the CLI read amount %r for %r" % (i, line["amount"], rows[i][1]))
            answers[kind][i] = line["category"]
    return answers


def report(rows, bank, answers):
    evidence = sorted(answers["with"])
    def acc(idx, kind):
        return sum(answers[kind][i] == rows[i][2] for i in idx) / len(idx) if idx else float("nan")
    everything = list(range(len(rows)))
    print("engine (CLI, threshold applied) on all %d rows, no evidence: %.1f%% right, %.1f%% uncategorized"
          % (len(rows), 100 * acc(everything, "without"),
             100 * sum(answers["without"][i] == "uncategorized" for i in everything) / len(rows)))
    print("rows with the bank's category or MCC: %d" % len(evidence))
    print("  without the bank's category %.1f%%, with it %.1f%% (uncategorized %d -> %d)"
          % (100 * acc(evidence, "without"), 100 * acc(evidence, "with"),
             sum(answers["without"][i] == "uncategorized" for i in evidence),
             sum(answers["with"][i] == "uncategorized" for i in evidence)))
    groups = defaultdict(list)
    for i in evidence:
        groups[rows[i][2]].append(i)
    for category, idx in sorted(groups.items()):
        print("  %-16s %5.1f%% -> %5.1f%%  (%d rows)" % (category, 100 * acc(idx, "without"), 100 * acc(idx, "with"), len(idx)))
    by_source = defaultdict(list)
    for i in evidence:
        by_source["%s (%s)" % (rows[i][4], licence(rows[i][4]))].append(i)
    for source, idx in sorted(by_source.items()):
        print("  source %s: %.1f%% -> %.1f%% (%d rows)" % (source, 100 * acc(idx, "without"), 100 * acc(idx, "with"), len(idx)))
    return {"without": acc(evidence, "without"), "with": acc(evidence, "with"), "rows": len(evidence)}


def main(argv):
    rows, bank = load(), load_bank()
    with tempfile.TemporaryDirectory() as folder:
        files = write_inputs(rows, bank, folder)
        out = run_cli([os.path.abspath(argv[0])] if argv else None, files)
    return report(rows, bank, score(rows, bank, out, files))


if __name__ == "__main__":
    main(sys.argv[1:])
