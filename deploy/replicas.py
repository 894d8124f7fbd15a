"""Run RNN Lab as several Streamlit replicas behind nginx on this machine's loopback, and drive sessions.

    python -m deploy.replicas                 # 2 replicas, 8 browser sessions through nginx, a report
    python -m deploy.replicas --serve         # 2 replicas behind nginx until Ctrl+C

Needs nginx (Debian: apt-get install nginx) and, for the sessions, Debian's chromium. The nginx
configuration is deploy/nginx.conf.template: cookie-sticky, so a session stays on one replica.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> float:
    """Seconds until ``url``/_stcore/health answers 200; raises if the process dies or time runs out."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{url} did not become healthy. {tail(proc)}")


def tail(proc: subprocess.Popen, chars: int = 2000) -> str:
    """The end of what ``proc`` printed (streamlit_process writes it to a log file, see ``proc.log_path``)."""
    path = getattr(proc, "log_path", None)
    return Path(path).read_text(errors="replace")[-chars:] if path and Path(path).exists() else ""


@contextlib.contextmanager
def streamlit_process(port: int | None = None, env: dict | None = None, script: str = "app.py"
                      ) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run app.py` (or ``script``) on 127.0.0.1; yields (base URL, process) once healthy, stops it
    afterwards.

    What the server prints goes to a log file (``proc.log_path``, kept in $RNNLAB_SERVER_LOGS if set), never
    to a pipe: a pipe nobody reads fills up and then blocks the server in the middle of a page."""
    port = port or free_port()
    folder = os.environ.get("RNNLAB_SERVER_LOGS") or tempfile.gettempdir()
    Path(folder).mkdir(parents=True, exist_ok=True)
    log_path = Path(folder) / f"rnnlab-streamlit-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true"], cwd=ROOT,
            env=os.environ | {"STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"} | (env or {}),
            stdout=log, stderr=subprocess.STDOUT)
    proc.log_path = log_path
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def streamlit_server(port: int | None = None, env: dict | None = None) -> Iterator[str]:
    """The same, yielding only the base URL."""
    with streamlit_process(port, env) as (url, _):
        yield url


def find_nginx() -> str | None:
    """nginx on the PATH or where Debian puts it (/usr/sbin is not on every user's PATH)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def nginx_config(listen: int, replicas: list[str], prefix: Path) -> str:
    upstreams = "\n".join(f"        server {url.removeprefix('http://')};" for url in replicas)
    return TEMPLATE.read_text().format(listen=f"127.0.0.1:{listen}", upstreams=upstreams, prefix=prefix)


def shared_worker(module: str, path: str, timeout: float = 60):
    """Start ``python -m module --listen path`` and wait for its socket (the replicas' first requests find it
    there); returns its stop."""
    proc = subprocess.Popen([sys.executable, "-m", module, "--listen", path], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while not Path(path).exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return lambda: (proc.terminate(), proc.wait(timeout=10))


@contextlib.contextmanager
def load_balanced(count: int = 2) -> Iterator[tuple[str, list[str]]]:
    """``count`` replicas behind nginx; yields (the balancer's URL, {each replica's URL: its process id})."""
    nginx = find_nginx()
    if nginx is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    with contextlib.ExitStack() as stack:
        prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rnnlab-nginx-")))
        env = os.environ.copy()
        for module, variable in (("workers.keras_twin", "RNNLAB_KERAS_TWIN"), ("workers.kiwi", "RNNLAB_KIWI")):
            env[variable] = str(prefix / f"{module.split('.')[1]}.sock")  # one Keras and one Kiwi for all
            stack.callback(shared_worker(module, env[variable]))
        replicas = {url: proc.pid for url, proc in (stack.enter_context(streamlit_process(env=env))
                                                    for _ in range(count))}
        listen = free_port()
        (prefix / "nginx.conf").write_text(nginx_config(listen, replicas, prefix))
        proc = subprocess.Popen([nginx, "-c", str(prefix / "nginx.conf"), "-p", str(prefix), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # logs: prefix/*.log
        stack.callback(lambda: (proc.terminate(), proc.wait(timeout=10)))
        url = f"http://127.0.0.1:{listen}"
        wait_healthy(url, proc, timeout=20)
        yield url, replicas


def one_session(browser, url: str, k: int) -> dict:
    """A browser session (its own cookie jar) on the demo through the balancer: the replicas that answered
    its HTTP requests, and how many exception boxes its page shows once the Keras check is back."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        answered: set[str] = set()
        page.on("response", lambda r: answered.add(r.headers.get("x-rnnlab-replica", "?")))
        page.goto(f"{url}/try-it?lang=en&sentence=session+{k}+was+wonderful", wait_until="domcontentloaded")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
        page.get_by_text("Keras check").first.wait_for(timeout=60_000)
        return {"session": k, "replicas": sorted(answered),
                "errors": page.locator('[data-testid="stException"]').count()}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--serve", action="store_true", help="keep serving until Ctrl+C instead of testing")
    args = parser.parse_args()
    with load_balanced(args.replicas) as (url, replicas):
        print(f"nginx on {url} -> {', '.join(replicas)}", flush=True)
        if args.serve:
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(1)
            return
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            results = [one_session(browser, url, k) for k in range(args.sessions)]
            browser.close()
    used = sorted({r for result in results for r in result["replicas"]})
    report = {"replicas": replicas, "sessions": results, "replicas_used": used,
              "every_session_sticky": all(len(r["replicas"]) == 1 for r in results),
              "errors": sum(r["errors"] for r in results)}
    print(json.dumps(report, indent=2))
    sys.exit(0 if report["every_session_sticky"] and not report["errors"] and len(used) == len(replicas) else 1)


if __name__ == "__main__":
    main()
