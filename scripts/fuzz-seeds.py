#!/usr/bin/env python3
"""Seeds the cargo-fuzz corpora (fuzz/corpus/TARGET/, not committed) from the repository's own
inputs: profiles and personas, bank exports, the rule pack, the JSON Logic suite (as `RULE\\nDATA`),
calculator requests and every ONNX model. Files are named by content hash, so reruns add nothing
twice and never remove what libFuzzer found. Usage: scripts/fuzz-seeds.py [TARGET...]"""
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def files(*patterns):
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            if not path.endswith(".report.json"):
                with open(path, "rb") as f:
                    yield f.read()


def logic_cases():
    """The official JSON Logic tests (tests/conformance/jsonlogic/tests.json) and the harness seeds."""
    yield from files("fuzz/harness/seeds/logic-*.txt")
    with open(os.path.join(ROOT, "tests/conformance/jsonlogic/tests.json")) as f:
        for case in json.load(f):
            if isinstance(case, list):
                rule, data = case[0], case[1]
                yield (json.dumps(rule) + "\n" + json.dumps(data)).encode()


SEEDS = {
    "profile": lambda: files("tests/profiles/*.json", "tests/personas/*.json"),
    "import": lambda: files("fuzz/harness/seeds/import-*", "tests/import/fixtures/*", "tests/e2e/fixtures/*.csv"),
    "rule-pack": lambda: files("rules/us-default.json"),
    "logic": logic_cases,
    "calculators": lambda: files("fuzz/harness/seeds/*.bin"),
    "model": lambda: files("models/*.onnx", "tests/models/**/*.onnx"),
}


def main(targets):
    for target in targets or SEEDS:
        directory = os.path.join(ROOT, "fuzz", "corpus", target)
        os.makedirs(directory, exist_ok=True)
        for data in SEEDS[target]():
            path = os.path.join(directory, hashlib.sha1(data).hexdigest())
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(data)


if __name__ == "__main__":
    main(sys.argv[1:])
