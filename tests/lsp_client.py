"""A small Language Server Protocol client, driving yaml-language-server as VS Code's YAML extension does.

JSON-RPC over the server's standard input and output, each message framed by a ``Content-Length``
header. Chosen over pytest-lsp: the tests need four requests of one server, and a client of sixty lines
adds no dependency to the test extra (pytest-lsp would bring pygls and lsprotocol with it).
The server's own requests (its settings, capabilities it registers) are answered as an editor answers
them: with the YAML extension's settings, schema store off, so nothing is fetched from the network.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

#: The settings VS Code's YAML extension sends, as a clerk leaves them; no schema store: nothing from the network.
SETTINGS = {
    "yaml": {
        "validate": True,
        "hover": True,
        "completion": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
        "yamlVersion": "1.2",
    }
}


class LanguageServer:
    """One server process, talked to over stdio; ``close`` ends it."""

    def __init__(self, command: list[str], root: Path) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.ids = iter(range(1, 1_000_000))
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "locale": "zh-cn",
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"], "snippetSupport": True}},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (header := stream.readline()) not in (b"\r\n", b""):
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if header == b"":
                return
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # the server asks: answered as an editor answers
                items = message.get("params", {}).get("items", [])
                result = [SETTINGS.get(item.get("section", ""), {}) for item in items]
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": result if message["method"] == "workspace/configuration" else None})
            else:
                self.messages.put(message)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        number = next(self.ids)
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        return self._wait(lambda message: message.get("id") == number, timeout)["result"]

    def diagnostics(self, uri: str, timeout: float = 60) -> list[dict[str, Any]]:
        """The next diagnostics the server publishes for ``uri`` that say anything (the first may come before the schema)."""
        while True:
            published = self._wait(
                lambda message: message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri, timeout
            )
            if published["params"]["diagnostics"]:
                return published["params"]["diagnostics"]  # type: ignore[no-any-return]

    def _wait(self, wanted: Any, timeout: float) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=timeout)
            if wanted(message):
                return message

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}},
        )
        return uri

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (queue.Empty, subprocess.TimeoutExpired, OSError):
            self.process.kill()
            self.process.wait()
