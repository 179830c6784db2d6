"""Test helpers for the Wikidata linker: a real local ``oxigraph serve`` playing the
Wikidata Query Service, and a small fault-injecting HTTP proxy in front of it.

The proxy is not a stand-in for the server: every request it does not sabotage is
forwarded to the real Oxigraph server and its answer returned unchanged. It counts and
logs requests (time, method, path, User-Agent) and can, for the next requests in its
plan, answer ``429`` (with ``Retry-After``), ``503``, close the connection without an
answer (``drop``) or hold the answer back (``hang``).
"""
from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


def oxigraph_binary() -> str | None:
    cand = Path(sys.executable).parent / "oxigraph"
    if cand.is_file():
        return str(cand)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve`` on 127.0.0.1 over a store folder loaded with ``oxigraph load``."""

    def __init__(self, binary: str, folder: Path, files: list[Path]):
        self.binary, self.folder = binary, Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.location = self.folder / "db"
        for f in files:
            subprocess.run([binary, "load", "--location", str(self.location), "--file", str(f)],
                           check=True, capture_output=True, timeout=120)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url = self.base + "/query"
        self.log_path = self.folder / "server.log"
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([binary, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_ready()

    def _wait_ready(self, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited ({self.proc.returncode}): "
                                   f"{self.log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.base} within {seconds} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()


@dataclass
class Seen:
    at: float
    method: str
    path: str
    user_agent: str
    fault: str | None
    body: bytes | None = None


class FaultProxy:
    """Forwards HTTP requests to ``target`` (a base URL); sabotages the planned ones."""

    def __init__(self, target: str):
        t = urlsplit(target)
        self.host, self.port = t.hostname, t.port
        self.seen: list[Seen] = []
        self._plan: list[str] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                proxy._handle(self)

            do_POST = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.query_url = self.base + "/query"

    # ---------------------------------------------------------------- control
    def plan(self, *faults: str) -> None:
        """Faults for the next requests, in order: ``"429:SECONDS"``, ``"503"``, ``"drop"``,
        ``"hang:SECONDS"``; ``"ok"`` lets one through."""
        with self._lock:
            self._plan = list(faults)

    def reset(self) -> None:
        with self._lock:
            self._plan = []
            self.seen = []

    def queries(self) -> list[str]:
        """The SPARQL text of every request seen (GET ?query= or POST form or body)."""
        from urllib.parse import parse_qs, urlsplit as split
        out = []
        for s in self.seen:
            q = parse_qs(split(s.path).query).get("query")
            if not q and s.body:
                text = s.body.decode("utf-8", "replace")
                q = parse_qs(text).get("query") or [text]
            out.append(q[0] if q else "")
        return out

    @property
    def count(self) -> int:
        return len(self.seen)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ---------------------------------------------------------------- serving
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else None
        with self._lock:
            fault = self._plan.pop(0) if self._plan else None
            if fault == "ok":
                fault = None
            self.seen.append(Seen(time.monotonic(), h.command, h.path,
                                  h.headers.get("User-Agent", ""), fault, body))
        try:
            if fault == "drop":
                h.close_connection = True
                h.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault and fault.startswith("hang:"):
                time.sleep(float(fault.split(":", 1)[1]))
                h.close_connection = True
                return
            if fault and fault.startswith("429"):
                _, _, after = fault.partition(":")
                headers = {"Retry-After": after} if after else {}
                return self._answer(h, 429, b"Too Many Requests", "text/plain", headers)
            if fault and fault.isdigit():
                return self._answer(h, int(fault), b"fault injected", "text/plain")
            self._forward(h, body)
        except OSError:
            pass  # the client went away (e.g. after its timeout)

    @staticmethod
    def _answer(h, status: int, data: bytes, ctype: str, headers: dict | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    def _forward(self, h: BaseHTTPRequestHandler, body: bytes | None) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            headers = {k: h.headers[k] for k in ("Accept", "Content-Type", "User-Agent") if h.headers.get(k)}
            conn.request(h.command, h.path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            self._answer(h, r.status, data, r.getheader("Content-Type", "application/octet-stream"))
        finally:
            conn.close()
