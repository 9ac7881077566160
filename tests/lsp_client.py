"""A minimal Language Server Protocol client for tests: JSON-RPC over a real server
process's standard input and output, every wait bounded by a timeout."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from typing import Any, Callable

TIMEOUT = 60.0  # seconds; generous, so that a loaded machine only slows the test down


class LspClient:
    """Start ``planparse lsp --stdio`` in ``cwd`` and talk to it."""

    def __init__(self, cwd: str, *extra: str) -> None:
        cmd = [sys.executable, "-c", "from planparse.cli import main; main()", "lsp", "--stdio", *extra]
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages: queue.Queue[dict | None] = queue.Queue()
        self.next_id = 0
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()  # type: ignore[arg-type]

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                header = out.readline()
                if not header:
                    self.messages.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(json.loads(out.read(length).decode("utf-8")))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        """Send a request and wait for its response (notifications met on the way are kept)."""
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        response = self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)
        assert "error" not in response, response["error"]
        return response.get("result")

    def wait_for(self, match: Callable[[dict], bool], timeout: float = TIMEOUT) -> dict:
        """The first message that ``match`` accepts; the others seen before it are kept."""
        kept: list[dict] = []
        try:
            while True:
                try:
                    message = self.messages.get(timeout=timeout)
                except queue.Empty:
                    raise AssertionError(f"no matching message within {timeout} s; stderr: "
                                         f"{b''.join(self.stderr).decode('utf-8', 'replace')[-2000:]}") from None
                if message is None:
                    raise AssertionError("the server closed its output; stderr: "
                                         + b"".join(self.stderr).decode("utf-8", "replace")[-2000:])
                if match(message):
                    return message
                kept.append(message)
        finally:
            for m in kept:
                self.messages.put(m)

    def diagnostics(self, uri: str, version: int, timeout: float = TIMEOUT) -> list[dict]:
        """The diagnostics published for ``uri`` at ``version``."""
        message = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"] == uri and m["params"].get("version") == version, timeout)
        return message["params"]["diagnostics"]

    def shutdown(self) -> tuple[Any, int]:
        """shutdown, then exit, as an editor ends a session: the shutdown request's result and
        the server's exit status."""
        result = self.request("shutdown", None)
        self.notify("exit", None)
        return result, self.close()

    def __enter__(self) -> "LspClient":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:  # a test that failed half-way: no server left behind
            self.proc.kill()
            self.proc.wait()

    def close(self, timeout: float = TIMEOUT) -> int:
        """The server's exit status, killing it if it has not ended within ``timeout``."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()
