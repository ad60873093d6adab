"""Records how MLflow's own client changes a file store for each registry write Provenance makes.

For each scenario: a fresh copy of the fixture store, one MlflowClient call, and every file that
call added, changed or removed (last_updated_timestamp values replaced by T, since they are the
clock). Usage: PYTHONPATH=$MLFLOW_SRC:$MLFLOW_EXTRA_PYTHONPATH python3 make_writes.py FIXTURE OUT.json
(FIXTURE is an mlruns folder or an mlflow.db; for a database, the rows of the registry tables
that the call removed and added are recorded instead of files.)
"""
import json
import os
import re
import shutil
import sys
import tempfile

import mlflow
from mlflow.tracking import MlflowClient

FIXTURE = os.path.abspath(sys.argv[1])
LONG = ("Retrained on the Q2 extract: more rows, the same features — reviewed by the risk board. "
        "Quotes 'single' and \"double\", a colon: here, #hash, and ünïcödé 日本語. ") * 3
CARD = json.dumps({"provenance_card": 1, "fields": {"owners": "Risk team <risk@example.com>\nDörte",
                   "intended_use": "Scoring churn risk.\nPrioritising retention calls.", "risk_rating": "Medium"}},
                  ensure_ascii=False, separators=(",", ":"))

def scenarios(store):
    """The same writes for the shared MLflow 3 fixture (churn-model, iris-classifier) and the
    MLflow 2 fixture (wine-quality only)."""
    if store.endswith(".db"):
        import sqlite3
        con = sqlite3.connect(store)
        has_churn = con.execute("SELECT count(*) FROM registered_models WHERE name = 'churn-model'").fetchone()[0]
        con.close()
    else:
        has_churn = os.path.isdir(os.path.join(store, "models", "churn-model"))
    if has_churn:
        return SCENARIOS_3
    rename = {"churn-model": "wine-quality", "iris-classifier": "wine-quality"}
    out = []
    for name, call in SCENARIOS_3:
        out.append((name, lambda c, call=call: call(Renamed(c, rename))))
    return out


class Renamed:
    """A client that maps the MLflow 3 fixture's model names onto the MLflow 2 fixture's."""

    def __init__(self, client, rename):
        self.client, self.rename = client, rename

    def __getattr__(self, attr):
        method = getattr(self.client, attr)
        return lambda name, *args, **kwargs: method(self.rename.get(name, name), *args, **kwargs)


SCENARIOS_3 = [
    ("set_tag", lambda c: c.set_model_version_tag("churn-model", "1", "reviewed", "yes")),
    ("set_card_tag", lambda c: c.set_model_version_tag("churn-model", "2", "provenance.card", CARD)),
    ("set_tag_in_folder", lambda c: c.set_model_version_tag("churn-model", "1", "review/status", "open")),
    ("replace_tag", lambda c: c.set_model_version_tag("churn-model", "2", "validation_status", "re-validated")),
    ("delete_tag", lambda c: c.delete_model_version_tag("churn-model", "2", "deploy.environment")),
    ("delete_missing_tag", lambda c: c.delete_model_version_tag("churn-model", "2", "not-there")),
    ("set_alias", lambda c: c.set_registered_model_alias("churn-model", "challenger", "1")),
    ("move_alias", lambda c: c.set_registered_model_alias("iris-classifier", "champion", "3")),
    ("delete_alias", lambda c: c.delete_registered_model_alias("iris-classifier", "challenger")),
    ("stage", lambda c: c.transition_model_version_stage("churn-model", "1", "Staging")),
    ("stage_archiving", lambda c: c.transition_model_version_stage("churn-model", "1", "Production",
                                                                    archive_existing_versions=True)),
    ("description", lambda c: c.update_model_version("churn-model", "1", description=LONG)),
    ("empty_description", lambda c: c.update_model_version("churn-model", "2", description="")),
]


REGISTRY_TABLES = ["registered_models", "registered_model_tags", "registered_model_aliases", "model_versions",
                   "model_version_tags"]
KEYS = {"registered_models": ["name"], "registered_model_tags": ["key", "name"],
        "registered_model_aliases": ["alias", "name"], "model_versions": ["name", "version"],
        "model_version_tags": ["key", "name", "version"]}


def rows(db):
    """Every row of the registry tables, as sorted lists of text (NULL as None)."""
    import sqlite3
    con = sqlite3.connect(db)
    out = {}
    for table in REGISTRY_TABLES:
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        out[table] = {"columns": columns,
                      "rows": sorted([[None if v is None else str(v) for v in r]
                                      for r in con.execute(f"SELECT * FROM {table}")], key=str)}
    con.close()
    return out


def snapshot(root):
    if root.endswith(".db"):
        return rows(root)
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def normalised(text):
    return re.sub(r"last_updated_timestamp: \d+", "last_updated_timestamp: T", text)


def changed(before, after):
    """Files: path -> new text (None when removed). Tables: rows added and removed, with the
    time columns MLflow sets to the clock replaced by T."""
    if isinstance(before, dict) and "model_versions" in before:
        out = {}
        for table in REGISTRY_TABLES:
            columns = after[table]["columns"]
            times = [i for i, c in enumerate(columns) if c in ("last_updated_time",)]
            old = [r for r in before[table]["rows"] if r not in after[table]["rows"]]
            new = [r for r in after[table]["rows"] if r not in before[table]["rows"]]
            key = [columns.index(c) for c in KEYS[table]]

            def same(a, b):
                return all(a[i] == b[i] for i in key)

            new = [[("T" if i in times and r[i] != o[i] else v) for i, v in enumerate(r)]
                   for r in new for o in (next((x for x in old if same(x, r)), r),)]
            if old or new:
                out[table] = {"columns": columns, "removed": old, "added": new}
        return out
    changes = {}
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            changes[path] = None if path not in after else normalised(after[path].decode("utf-8"))
    return changes


results = {"mlflow_version": mlflow.__version__, "scenarios": []}
for name, call in scenarios(FIXTURE):
    work = tempfile.mkdtemp()
    if FIXTURE.endswith(".db"):
        store = os.path.join(work, "mlflow.db")
        shutil.copy(FIXTURE, store)
        uri = "sqlite:///" + store
    else:
        store = os.path.join(work, "mlruns")
        shutil.copytree(FIXTURE, store)
        uri = "file://" + store
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    before = snapshot(store)
    error = None
    try:
        call(MlflowClient(tracking_uri=uri, registry_uri=uri))
    except Exception as e:  # recorded: a scenario MLflow itself cannot do is not a test of ours
        error = f"{type(e).__name__}: {e}"
    after = snapshot(store)
    results["scenarios"].append({"name": name, "error": error, "changes": changed(before, after)})
    shutil.rmtree(work)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(results, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
