"""Download an http(s) URL with the standard library, within a time limit and a size cap.

* only ``http`` and ``https`` (also for redirect targets), at most 5 redirects;
* one overall deadline (default 15 s) for connecting, headers and body, not just per read: the download runs
  in a daemon thread and the caller stops waiting at the deadline (a server dripping one byte a second
  cannot hold the reader);
* a size cap (default 20 MB): a larger ``Content-Length`` is refused at once, and reading stops as soon as the
  body passes the cap (a server streaming endlessly is cut off);
* ``Accept-Encoding: identity``; a gzip/deflate body sent anyway is decompressed up to the same cap;
* an honest ``User-Agent: reader/<version>``;
* credentials in the URL (``user:pass@host``) are sent as HTTP basic auth to that host only and never
  appear in messages or in ``Metadata.source``.
"""

from __future__ import annotations

import base64
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from reader import __version__
from reader.sanitize import sanitise_line
from reader.errors import ReaderError

DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"reader/{__version__}"
SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_URL_SAFE = "/%:@!$&'()*+,;=-._~?#[]"


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # final URL after redirects, credentials removed
    body: bytes
    content_type: str  # lower-case media type without parameters, "" when absent
    charset: str | None
    incomplete: str | None = None  # why the body is known to be cut short, or None when it arrived whole


class _FetchError(Exception):
    """A problem already phrased for the user (the URL is added by the caller)."""


def redact_url(url: str) -> str:
    """The URL for messages and metadata: ``user:password@`` removed, control characters removed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return sanitise_line(url, limit=1000) or "<url>"
    netloc = parts.netloc.rpartition("@")[2]
    return sanitise_line(urlunsplit(parts._replace(netloc=netloc)), limit=1000) or "<url>"


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
    """The body of ``url``, or ``ReaderError`` naming the (redacted) URL and the problem."""
    shown = redact_url(url)
    try:
        request_url, auth = _prepare(url)
    except _FetchError as error:
        raise ReaderError(f"{shown}: {error}") from None
    outcome: dict[str, object] = {}
    cancel = threading.Event()
    deadline = time.monotonic() + timeout

    def work() -> None:
        try:
            outcome["response"] = _download(request_url, auth, deadline, timeout, max_bytes, cancel)
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=work, name="reader-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()) + 0.05)
    if worker.is_alive():
        cancel.set()
        raise ReaderError(f"{shown}: timed out after {timeout:g} s")
    if "error" in outcome:
        raise ReaderError(f"{shown}: {_describe(outcome['error'], timeout, max_bytes)}") from None
    return outcome["response"]  # type: ignore[return-value]


def _prepare(url: str) -> tuple[str, str | None]:
    """The URL to request (credentials removed, non-ASCII quoted) and a basic-auth header value."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise _FetchError(f"not a valid URL ({sanitise_line(str(error), limit=80)})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _FetchError(f"unsupported URL scheme '{scheme}' (only http and https)")
    if not parts.hostname:
        raise _FetchError("not a valid URL (no host name)")
    auth = None
    if parts.username is not None or parts.password is not None:
        from urllib.parse import unquote

        pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}"
        auth = "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")
    host = parts.hostname
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise _FetchError("not a valid URL (bad host name)") from None
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    netloc = f"{host}:{port}" if port is not None else host
    path = quote(parts.path or "/", safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE)
    return urlunsplit((scheme, netloc, path, query, "")), auth


def _download(url: str, auth: str | None, deadline: float, timeout: float, max_bytes: int,
              cancel: threading.Event) -> Response:
    import urllib.request

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    if auth:
        request.add_unredirected_header("Authorization", auth)  # never forwarded to a redirect target
    with _opener().open(request, timeout=max(0.01, min(timeout, deadline - time.monotonic()))) as response:
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise _FetchError(f"response too large ({_size(int(length))}; the limit is {_size(max_bytes)})")
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        expected = int(length) if length and length.strip().isdigit() else None
        body, incomplete = _read_body(response, deadline, max_bytes, cancel, encoding, expected)
        content_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
        charset = response.headers.get_content_charset()
        return Response(redact_url(response.geturl()), body, content_type.lower(), charset, incomplete)


def _read_body(response, deadline: float, max_bytes: int, cancel: threading.Event, encoding: str,
               expected: int | None) -> tuple[bytes, str | None]:
    """The (decompressed) body, and why it is incomplete: fewer bytes than Content-Length, a cut-off chunked
    body, or a compressed stream that never reached its end."""
    import http.client

    decompressor = None
    if encoding in ("gzip", "x-gzip"):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj()
    elif encoding not in ("identity", ""):
        raise _FetchError(f"unsupported content encoding '{encoding}'")
    chunks: list[bytes] = []
    total = 0
    received = 0
    incomplete = None
    sock = _socket_of(response)
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or cancel.is_set():
            raise TimeoutError
        if sock is not None:
            sock.settimeout(remaining)
        try:
            chunk = response.read1(_CHUNK)
        except http.client.IncompleteRead as error:
            chunk, incomplete = error.partial, "the connection closed before the end of the page"
        if not chunk:
            break
        received += len(chunk)
        if decompressor is not None:
            try:
                chunk = decompressor.decompress(chunk, max_bytes + 1 - total)
            except zlib.error:
                raise _FetchError(f"the {encoding} body is corrupt (not valid compressed data)") from None
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise _FetchError(f"response too large (more than {_size(max_bytes)})")
        if incomplete:
            break
    if expected is not None and received < expected:
        incomplete = f"the server sent {_size(received)} of the {_size(expected)} it announced"
    elif decompressor is not None and not decompressor.eof:
        incomplete = f"the {encoding} stream ends early (truncated)"
    return b"".join(chunks), incomplete


def _socket_of(response) -> socket.socket | None:
    """The response's socket, to shrink its timeout to the time left (best effort, CPython internals)."""
    raw = getattr(getattr(response, "fp", None), "raw", None)
    sock = getattr(raw, "_sock", None)
    return sock if isinstance(sock, socket.socket) else None


def _opener():
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS
        max_repeats = MAX_REDIRECTS

        def http_error_302(self, req, fp, code, msg, headers):
            location = headers.get("Location") or headers.get("URI")
            if location:
                scheme = urlsplit(urljoin(req.full_url, location.strip())).scheme.lower()
                if scheme not in SCHEMES:
                    raise _FetchError(f"redirected to an unsupported URL scheme '{scheme}' (only http and https)")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _describe(error: BaseException, timeout: float, max_bytes: int) -> str:
    """One line for a download failure."""
    import urllib.error

    if isinstance(error, _FetchError):
        return str(error)
    if isinstance(error, urllib.error.HTTPError):
        if 300 <= error.code < 400:
            return f"too many redirects (more than {MAX_REDIRECTS}, or a redirect loop)"
        reason = sanitise_line(str(error.reason or ""), limit=80)
        return f"HTTP error {error.code}" + (f" {reason}" if reason else "")
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, BaseException):
            error = reason
        else:
            return f"could not download ({sanitise_line(str(reason), limit=120)})"
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(error, socket.gaierror):
        return "host not found (check the address and your network connection)"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"TLS certificate verification failed ({sanitise_line(error.verify_message or '', limit=80)})"
    if isinstance(error, ssl.SSLError):
        return "TLS error"
    if isinstance(error, OSError):
        detail = error.strerror or str(error) or type(error).__name__
        return f"could not download ({sanitise_line(detail, limit=120)})"
    if isinstance(error, MemoryError):
        return f"response too large (more than {_size(max_bytes)})"
    import http.client

    if isinstance(error, http.client.HTTPException):
        return f"bad HTTP response from the server ({type(error).__name__})"
    return f"could not download ({type(error).__name__})"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB" if n % (1024 * 1024) == 0 or n >= 10 * 1024 * 1024 else f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
