"""Makes the registry sequence test data with a real MLflow client.

Writes a small store in both forms (file store and SQLite backend), then moves aliases and
stages through a fixed sequence of steps, copying the store after each step and recording
what MLflow's own client answers about the registry at that step.
Usage: PYTHONPATH=$MLFLOW_SRC:$MLFLOW_EXTRA_PYTHONPATH python3 make_sequence.py OUT_DIR
"""
import json
import os
import shutil
import sys
import time

import mlflow
from mlflow.tracking import MlflowClient
from sklearn.linear_model import LogisticRegression

OUT = os.path.abspath(sys.argv[1])
WORK = "/tmp/provenance-registry-sequence"


def answer(client):
    """The registry as MLflow's client reports it, in `provenance registry --format json` shape."""
    models = []
    for rm in sorted(client.search_registered_models(), key=lambda m: m.name):
        full = client.get_registered_model(rm.name)
        versions = []
        listed = client.search_model_versions(f"name='{rm.name}'")
        for number in sorted(int(v.version) for v in listed):
            mv = client.get_model_version(rm.name, str(number))
            model_id = getattr(mv, "model_id", None)
            if not model_id and (mv.source or "").startswith("models:/m-"):
                model_id = mv.source[len("models:/"):]
            versions.append({
                "version": str(mv.version),
                "stage": mv.current_stage,
                "aliases": sorted(mv.aliases),
                "run_id": mv.run_id or None,
                "source": mv.source,
                "model_id": model_id,
                "status": mv.status,
                "description": mv.description or "",
                "tags": dict(mv.tags),
                "creation_timestamp": mv.creation_timestamp,
                "last_updated_timestamp": mv.last_updated_timestamp,
            })
        models.append({
            "name": full.name,
            "description": full.description or "",
            "tags": dict(full.tags),
            "aliases": {alias: str(version) for alias, version in full.aliases.items()},
            "versions": versions,
        })
    return models


def train(experiment, name, c, auc):
    with mlflow.start_run(experiment_id=experiment, run_name=name) as run:
        mlflow.set_tag("mlflow.user", "dörte")
        mlflow.log_param("C", str(c))
        mlflow.log_metric("val_auc", auc)
        clf = LogisticRegression(C=c, max_iter=50).fit([[0.0, 1.0], [1.0, 0.0], [0.5, 0.2], [0.1, 0.9]], [0, 1, 1, 0])
        info = mlflow.sklearn.log_model(clf, name="model", pip_requirements=["scikit-learn"])
        return run.info.run_id, info.model_id


def steps(client, experiment):
    """The sequence. Each entry is (description, action); a snapshot is taken after each."""
    runs = {}

    def step0():
        client.create_registered_model("fraud-detector", description="Card fraud scorer.", tags={"team": "risk"})
        for name, c, auc in [("lr-c0.1", 0.1, 0.81), ("lr-c1", 1.0, 0.86)]:
            runs[name] = train(experiment, name, c, auc)
            client.create_model_version("fraud-detector", f"models:/{runs[name][1]}", run_id=runs[name][0])
        client.set_registered_model_alias("fraud-detector", "champion", "1")
        client.transition_model_version_stage("fraud-detector", "1", "Production")

    def step1():
        runs["lr-c10"] = train(experiment, "lr-c10", 10.0, 0.88)
        client.create_model_version("fraud-detector", f"models:/{runs['lr-c10'][1]}", run_id=runs["lr-c10"][0],
                                    description="Weaker regularisation.")
        client.set_registered_model_alias("fraud-detector", "challenger", "3")
        client.transition_model_version_stage("fraud-detector", "2", "Staging")

    def step2():
        client.set_registered_model_alias("fraud-detector", "champion", "2")
        client.transition_model_version_stage("fraud-detector", "2", "Production", archive_existing_versions=True)
        client.set_model_version_tag("fraud-detector", "2", "validation_status", "approved")

    def step3():
        client.delete_registered_model_alias("fraud-detector", "challenger")
        client.transition_model_version_stage("fraud-detector", "3", "Staging")
        client.create_registered_model("churn-model", description="Churn propensity.")
        runs["churn-a"] = train(experiment, "churn-a", 1.0, 0.74)
        client.create_model_version("churn-model", f"models:/{runs['churn-a'][1]}", run_id=runs["churn-a"][0])
        client.set_registered_model_alias("churn-model", "champion", "1")

    def step4():
        client.set_registered_model_alias("fraud-detector", "champion", "3")
        client.transition_model_version_stage("fraud-detector", "3", "Production", archive_existing_versions=True)
        client.update_model_version("fraud-detector", "3", description="Promoted after the March review.")
        client.delete_model_version_tag("fraud-detector", "2", "validation_status")
        client.transition_model_version_stage("churn-model", "1", "Staging")

    def step5():
        client.set_registered_model_alias("fraud-detector", "rollback", "2")
        client.transition_model_version_stage("fraud-detector", "1", "None")
        client.set_registered_model_tag("fraud-detector", "review", "2025-Q2")
        client.transition_model_version_stage("churn-model", "1", "Production")

    return [
        ("register v1, v2 of fraud-detector; champion -> 1; v1 Production", step0),
        ("register v3; challenger -> 3; v2 Staging", step1),
        ("champion -> 2; v2 Production archiving v1; tag v2", step2),
        ("drop challenger; v3 Staging; register churn-model v1 with champion -> 1", step3),
        ("champion -> 3; v3 Production archiving v2; describe v3; untag v2; churn v1 Staging", step4),
        ("rollback -> 2; v1 back to None; model tag; churn v1 Production", step5),
    ]


def make(kind):
    root = os.path.join(WORK, kind)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    if kind == "filestore":
        uri = "file://" + os.path.join(root, "mlruns")
        os.makedirs(os.path.join(root, "mlruns"))
    else:
        uri = "sqlite:///" + os.path.join(root, "mlflow.db")
    mlflow.set_tracking_uri(uri)
    mlflow.set_registry_uri(uri)
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)
    artifacts = "file://" + os.path.join(root, "artifacts")
    experiment = client.create_experiment("fraud", artifact_location=None if kind == "filestore" else artifacts)
    answers = []
    for number, (what, action) in enumerate(steps(client, experiment)):
        action()
        time.sleep(0.05)
        snapshot = os.path.join(OUT, kind, f"step-{number}")
        shutil.rmtree(snapshot, ignore_errors=True)
        if kind == "filestore":
            shutil.copytree(os.path.join(root, "mlruns"), os.path.join(snapshot, "mlruns"))
        else:
            os.makedirs(snapshot)
            shutil.copy(os.path.join(root, "mlflow.db"), os.path.join(snapshot, "mlflow.db"))
        answers.append({"step": number, "what": what, "registry": answer(client)})
    return answers


result = {"mlflow_version": mlflow.__version__}
for kind in ("filestore", "sqlite"):
    result[kind] = make(kind)
with open(os.path.join(OUT, "answers.json"), "w", encoding="utf-8") as f:
    json.dump(result, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
