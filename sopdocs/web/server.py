"""Starting the web page: uvicorn, one process (jobs live in its memory), and the browser."""
from __future__ import annotations

import socket
import threading
import webbrowser

import uvicorn

from .app import Settings, create_app


def address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{shown}:{port}/"


def office_address(host: str, port: int) -> str | None:
    """The address colleagues type, when the server listens on every network card."""
    if host not in ("0.0.0.0", "::"):
        return None
    try:
        return f"http://{socket.gethostbyname(socket.gethostname())}:{port}/"
    except OSError:
        return None


def serve(host: str, port: int, settings: Settings, open_browser: bool = True) -> None:
    """Serve until Ctrl+C; the browser opens once the server listens."""
    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    if open_browser:
        def opener() -> None:
            while not server.started and not server.should_exit:
                threading.Event().wait(0.1)
            if server.started:
                webbrowser.open(address(host, port))

        threading.Thread(target=opener, daemon=True).start()
    server.run()
