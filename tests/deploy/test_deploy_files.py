"""The deployment files kept in the repository agree with each other and with the app.

No container or cluster runs here: the Dockerfile's health check command is run
against a real server in ``test_proxy.py``; these tests read the files.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
K8S = REPO / "deploy" / "k8s"
HEALTH = "/_stcore/health"
APP_FILES = ["streamlit_app.py", "requirements.txt", ".streamlit/config.toml",
             "app_pages/compare.py", "calc/__init__.py", "ui/__init__.py", "deploy/serve.py",
             "locale/zh/LC_MESSAGES/messages.po", "locale/en/LC_MESSAGES/messages.po"]


def dockerfile() -> str:
    return (REPO / "Dockerfile").read_text()


def test_dockerfile_runs_the_app_with_a_health_check():
    text = dockerfile()
    assert re.search(r"^FROM python:3\.11-slim\s*$", text, re.M)
    assert re.search(r"^RUN pip install -r requirements\.txt\s*$", text, re.M)
    check = re.search(r"^HEALTHCHECK .*?(?<!\\)$", text, re.M | re.S)
    assert check and HEALTH in check.group(0) and "8501" in check.group(0)
    cmd = re.search(r"^CMD (\[.*\])\s*$", text, re.M)
    assert cmd, "CMD in exec form (so streamlit gets the container's signals)"
    assert cmd.group(1) == ('["python", "deploy/serve.py", "run", "streamlit_app.py", '
                            '"--server.port=8501", "--server.address=0.0.0.0", '
                            '"--server.headless=true"]')
    assert re.search(r"^EXPOSE 8501\s*$", text, re.M)


def test_dockerignore_keeps_what_the_app_needs():
    patterns = [ln.strip() for ln in (REPO / ".dockerignore").read_text().splitlines()
                if ln.strip() and not ln.startswith("#")]

    def ignored(path: str) -> bool:
        """Docker's rule: the last pattern matching the path or a folder above
        it decides, and a ``!`` pattern lets the path back in."""
        parts = path.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        out = False
        for pat in patterns:
            keep = pat.startswith("!")
            pat = pat.removeprefix("!")
            if any(fnmatch.fnmatch(p, pat.removeprefix("**/")) or fnmatch.fnmatch(p, pat)
                   for p in prefixes):
                out = not keep
        return out

    for path in APP_FILES:
        assert (REPO / path).exists(), path
        assert not ignored(path), f".dockerignore leaves {path} out of the image"
    for path in (".git", "tests/test_codec.py", "artifacts", "deploy/replicas.py"):
        assert ignored(path), f".dockerignore lets {path} into the image"


def manifests() -> dict[str, dict]:
    import yaml  # PyYAML: a test dependency (requirements-dev.txt)

    docs = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                docs[doc["kind"]] = doc
    return docs


def test_kubernetes_manifests_fit_together():
    docs = manifests()
    assert {"Deployment", "Service", "Ingress", "Kustomization"} <= set(docs)
    dep, svc, ing, kust = (docs[k] for k in ("Deployment", "Service", "Ingress",
                                             "Kustomization"))
    assert sorted(kust["resources"]) == sorted(
        p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")

    pod = dep["spec"]["template"]
    assert dep["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    assert svc["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    (app,) = pod["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in app["ports"]}
    assert ports == {"http": 8501}  # the Dockerfile's EXPOSE and --server.port
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = app[probe]["httpGet"]
        assert get["path"] == HEALTH and get["port"] in ("http", 8501), probe
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True

    (svc_port,) = svc["spec"]["ports"]
    assert svc_port["targetPort"] in ("http", 8501)
    backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == svc["metadata"]["name"]
    assert backend["port"].get("name") == svc_port["name"]
    notes = ing["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600


def test_the_readme_points_to_the_deployment_guide():
    guide = REPO / "docs" / "deploy.md"
    text = guide.read_text()
    for topic in ("Community Cloud", "Docker", "Kubernetes", "deploy/replicas.py", HEALTH):
        assert topic in text, topic
    assert "docs/deploy.md" in (REPO / "README.md").read_text()


def test_the_shipped_config_sends_no_traceback_to_a_browser():
    """Streamlit's default ``client.showErrorDetails = "full"`` sends every
    exception's traceback, with server paths, to every browser (issue 20);
    "type" shows the exception's type only, "none" a generic message."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("type", "none")
    assert config["client"]["toolbarMode"] == "viewer"


def test_the_tables_export_only_through_the_pages_neutralised_csv():
    """The dataframe toolbar's CSV writes the cells as shown (text, names as
    typed, a formula included); the pages' downloads neutralise them (issue 20)."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
