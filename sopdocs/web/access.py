"""Who may use the page: the browser session, the office's access code, and the CSRF token.

- Every browser gets a session (a random id in an HttpOnly cookie); jobs belong to it.
- When the server listens beyond this PC, an access code is asked once per browser; the browser
  then keeps a cookie that proves it (never the code itself). Scripts send the code in the
  `X-Sopdocs-Kode` header instead.
- Every request that changes something carries the session's CSRF token, in the `csrf` form field
  or the `X-CSRF-Token` header, so that another web site cannot make a colleague's browser upload
  or build. The token is in each page and in the `X-CSRF-Token` header of every response.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

SESSION_COOKIE = "sopdocs_sesi"
ACCESS_COOKIE = "sopdocs_akses"
CODE_HEADER = "x-sopdocs-kode"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i to misread from a screen


def needs_code(host: str) -> bool:
    """An access code is needed when others on the network can reach the server."""
    return host not in LOCAL_HOSTS


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


class Guard:
    def __init__(self, code: str | None, secret: bytes | None = None):
        self.code = code
        self.secret = secret or secrets.token_bytes(32)

    def _sign(self, *words: str) -> str:
        return hmac.new(self.secret, "\0".join(words).encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def new_session() -> str:
        return secrets.token_urlsafe(24)

    def csrf(self, session: str) -> str:
        return self._sign("csrf", session)

    def csrf_ok(self, session: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf(session), token)

    def access_token(self) -> str:
        """The value of the access cookie: proves the code was given, without being it."""
        return self._sign("akses", self.code or "")

    def code_ok(self, code: str | None) -> bool:
        return self.code is not None and bool(code) and hmac.compare_digest(code.strip().lower().encode(),
                                                                             self.code.lower().encode())

    def allowed(self, cookies: dict, headers) -> bool:
        """Whether this request may use the page: no code needed, the code's cookie, or the code itself."""
        if self.code is None:
            return True
        cookie = cookies.get(ACCESS_COOKIE, "")
        return hmac.compare_digest(cookie, self.access_token()) or self.code_ok(headers.get(CODE_HEADER))
