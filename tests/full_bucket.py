"""A full object store for the fault tests (`tests/ops/test_store_full_s3.py`): moto, the S3
server the tests run on loopback, enforces no quota, so `FullBucket`, an HTTP forwarder in front
of it, answers its writes as a full store does and passes the rest through to the server that
keeps the data (`tests/faults.py`'s `Gate` cuts the connection instead).
"""

from __future__ import annotations

import http.server
import secrets
import threading
import urllib.parse
from typing import Any
from xml.sax.saxutils import escape as xml_escape

# What an S3-compatible store with no room answers a write with: (HTTP status, message), by
# S3 error code. MinIO, its drives past their free-space threshold (cmd/api-errors.go,
# ErrStorageFull); Ceph RGW, a bucket or user over its quota (rgw_common.cc,
# ERR_QUOTA_EXCEEDED); MinIO, a bucket past a hard quota (`mc quota set`,
# ErrAdminBucketQuotaExceeded).
FULL_ANSWERS = {
    "XMinioStorageFull": (
        507,
        "Storage backend has reached its minimum free drive threshold. Please delete a few "
        "objects to proceed.",
    ),
    "QuotaExceeded": (403, ""),
    "XMinioAdminBucketQuotaExceeded": (400, "Bucket quota exceeded"),
}
# Headers of one hop, never passed on by a forwarder (RFC 9110, 7.6.1), and Expect: the
# forwarder answered it itself.
HOP_HEADERS = frozenset(
    {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
     "upgrade", "expect"}
)  # fmt: skip


class FullBucket:
    """A loopback HTTP forwarder between prepcoach and an S3-compatible server (path-style
    addresses, prepcoach's default: /BUCKET/KEY). While `full`, it answers every write of an
    object (a PUT of a key: an upload, a copy, a multipart upload's part; a multipart upload's
    start, POST ?uploads) as a store with no room does: the request's body read, then the
    HTTP status and S3 error XML of `code` (FULL_ANSWERS). Every other request, and every
    request while not full, goes to the server as it came and its answer back as it came; the
    server keeps its data. `refused` and `written` list each write ("PUT /BUCKET/KEY") that was
    refused or passed on."""

    def __init__(self, target_port: int, code: str = "XMinioStorageFull") -> None:
        self.target = target_port
        self.code = code
        self.status, self.message = FULL_ANSWERS[code]
        self.full = False
        self.refused: list[str] = []
        self.written: list[str] = []
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def is_write(method: str, target: str) -> bool:
        path, _, query = target.partition("?")
        key = path.lstrip("/").partition("/")[2]
        if method == "PUT":
            return bool(key)  # a PUT of the bucket alone makes the bucket
        uploads = "uploads" in urllib.parse.parse_qs(query, keep_blank_values=True)
        return method == "POST" and bool(key) and uploads

    def error(self, target: str) -> bytes:
        path = urllib.parse.unquote(target.partition("?")[0])
        bucket, _, key = path.lstrip("/").partition("/")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error>'
            f"<Code>{self.code}</Code><Message>{xml_escape(self.message)}</Message>"
            f"<Key>{xml_escape(key)}</Key><BucketName>{xml_escape(bucket)}</BucketName>"
            f"<Resource>{xml_escape(path)}</Resource>"
            f"<RequestId>{secrets.token_hex(8).upper()}</RequestId><HostId></HostId></Error>"
        ).encode()

    def forward(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes | None
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        """The request sent to the server (its Host header and signature as they came); the
        server's status, reason, headers and body."""
        upstream = http.client.HTTPConnection("127.0.0.1", self.target, timeout=60)
        try:
            upstream.request(method, target, body=body, headers=dict(headers))
            answer = upstream.getresponse()
            return answer.status, answer.reason, answer.getheaders(), answer.read()
        finally:
            upstream.close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        bucket = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections open; answers Expect: 100-continue

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def body(self) -> bytes | None:
                if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                    data = bytearray()
                    while (size := int(self.rfile.readline().split(b";")[0].strip(), 16)) > 0:
                        data += self.rfile.read(size)
                        self.rfile.readline()
                    while self.rfile.readline().strip():
                        pass  # trailers
                    return bytes(data)
                length = self.headers.get("Content-Length")
                return self.rfile.read(int(length)) if length is not None else None

            def answer(
                self, status: int, reason: str | None, headers: list[tuple[str, str]],
                data: bytes,
            ) -> None:  # fmt: skip
                self.send_response(status, reason)
                dropped = HOP_HEADERS | {"server", "date"}
                if self.command != "HEAD":  # a HEAD's Content-Length is the object's
                    dropped |= {"content-length"}
                for name, value in headers:
                    if name.lower() not in dropped:
                        self.send_header(name, value)
                if self.command != "HEAD" and status not in (204, 304):
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def serve(self) -> None:
                body = self.body()
                write = bucket.is_write(self.command, self.path)
                said = f"{self.command} {self.path.partition('?')[0]}"
                if write and bucket.full:
                    bucket.refused.append(said)
                    self.answer(
                        bucket.status, None, [("Content-Type", "application/xml")],
                        bucket.error(self.path),
                    )  # fmt: skip
                    return
                if write:
                    bucket.written.append(said)
                sent = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP_HEADERS]
                if body is not None and "Content-Length" not in self.headers:
                    sent.append(("Content-Length", str(len(body))))  # it came chunked
                self.answer(*bucket.forward(self.command, self.path, sent, body))

            def do_GET(self) -> None:
                self.serve()

            def do_HEAD(self) -> None:
                self.serve()

            def do_PUT(self) -> None:
                self.serve()

            def do_POST(self) -> None:
                self.serve()

            def do_DELETE(self) -> None:
                self.serve()

        return Handler
