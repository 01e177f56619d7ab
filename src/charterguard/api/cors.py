"""CORS for the browser extension, with refused preflights answered in the API's JSON error shape."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

from .errors import error_response


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORSMiddleware; a refused preflight is 400 `cors_refused` (JSON) instead of plain text."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        # Starlette says which part failed ("Disallowed CORS origin, headers"): keep that, in JSON.
        failed = bytes(response.body).decode("utf-8", "replace").removeprefix("Disallowed CORS ").strip() or "request"
        headers = {k: v for k, v in response.headers.items() if k not in ("content-type", "content-length")}
        return error_response(
            400,
            "cors_refused",
            f"This cross-origin request is refused by the server's CORS settings (not allowed: {failed}). Only the origins "
            "the operator listed with --cors-origin (e.g. chrome-extension://<extension id>) may call the API from a browser, "
            "with methods GET/POST and headers Authorization and Content-Type.",
            headers=headers,
            refused=[part.strip() for part in failed.split(",")],
        )
