"""Test vectors for PyYamlWriter: what yaml.dump writes for MLflow's meta.yaml entries.

Runs Debian 12's PyYAML with libyaml (CSafeDumper), called exactly as MLflow's
mlflow/utils/yaml_utils.py write_yaml does. Usage: python3 make_vectors.py OUT.json
"""
import json
import random
import sys

import yaml
from yaml import CSafeDumper

assert yaml.__with_libyaml__


def dump(data):
    return yaml.dump(data, default_flow_style=False, allow_unicode=True, sort_keys=True, Dumper=CSafeDumper)


fixed = [
    "", "a", "Production", "None", "none", "null", "Null", "~", "true", "Yes", "off", "ON", "y", "n",
    "1", "12", "-3", "+4", "0x1F", "0o7", "017", "0b101", "1_000", "1.5", ".5", "1e3", "1.0e+3", "1.0e3", ".inf",
    "-.Inf", ".NaN", "1:30", "190:20:30.15", "2025-03-03", "2025-3-3 10:00:00", "2025-03-03T10:00:00Z",
    "2025-03-03 10:00:00.5 +01:00", "=", "<<", "!", "&", "*", "- item", "-item", "-", "--", "---", "...", "....",
    "? q", "?q", ":", ": x", "a: b", "a:b", "key:", "# not", "a # b", "a#b", "[x]", "x]", "{a}", "a,b", "@at", "`tick",
    "%p", "|pipe", ">gt", "'quoted'", "it's", "say \"hi\"", "back\\slash", " leading", "trailing ", "two  spaces",
    "line\nbreak", "line\n\nbreaks", "trailing\n", "\nleading", "space \nbreak", "break\n space", "tab\there",
    "cr\rhere", "nel\x85here", "ls\u2028here", "bom\ufeffhere", "del\x7fhere", "bell\x07", "esc\x1b", "nul\x00",
    "nbsp\xa0here", "\xa0", "café", "Größe", "日本語のテキスト", "📈 chart", "emoji 😀 end", "ß-λ", "ラベル",
    "Logistic regression C=1.0; promoted after weekly eval.", "Baseline: most-frequent class.",
    "Modèle de prévision — Unicode name", "3", "v3", "champion",
    "word " * 30, "x" * 100, ("long words " * 12) + "end", "a " * 60, ("it's " * 25),
    ("commas, colons: and 'quotes' " * 5), ("line one\nline two " * 8), ("emoji 📈 " * 20),
    ("tab\t" * 10) + ("word " * 20), ("x" * 78) + " y", ("x" * 79) + " y", ("x" * 80) + " y z", ("x" * 70) + "  two",
    ("日本 " * 40), ("a" * 85) + " " + ("b" * 5) + "  c", ("a " * 45) + " ", "trailing spaces   ",
]
rng = random.Random(20261201)
alphabet = list("ab ,:#'\"-?\n\t\\{}[]é日📈") + ["  ", "\r\n", "x" * 20]
for _ in range(300):
    fixed.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))))

vectors = {"scalars": [], "maps": [], "lists": []}
for value in fixed:
    vectors["scalars"].append({"value": value, "yaml": dump({"description": value})})
vectors["scalars"].append({"value": None, "yaml": dump({"description": None})})
alias_sets = [{}, {"champion": "2"}, {"challenger": "3", "champion": "2"}, {"true": "1", "123": "4", "é-x": "5"},
              {"a" * 130: "7"}, {"日本" * 30: "8"}]
for aliases in alias_sets:
    vectors["maps"].append({"value": aliases, "yaml": dump({"aliases": aliases})})
for items in [[], ["champion"], ["challenger", "champion"], ["yes", "x" * 120 + " y", "a b"]]:
    vectors["lists"].append({"value": items, "yaml": dump({"aliases": items})})
vectors["integers"] = [{"value": v, "yaml": dump({"last_updated_timestamp": v})} for v in [0, 1795321789091, -5]]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(vectors, f, ensure_ascii=False, indent=1)
    f.write("\n")
