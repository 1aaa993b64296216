"""The web page and its JSON API: the same pipeline calls as the command line, for a browser.

Pages: Beranda (/), Panduan (/panduan), Periksa (/periksa), Buat (/buat), a build's page
(/pekerjaan/{id}); the API: POST /api/periksa, POST /api/buat, GET /api/pekerjaan/{id} and its
files. Every route goes through `route()`, which gives the browser its session, asks for the
access code, checks the CSRF token of what changes something, and turns a refusal into a clear
message (a page for a browser, JSON for the API).
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import re
import tempfile
import time
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from .. import pipeline
from ..errors import PluginError
from ..findings import LEVEL_WORD
from ..pdf import soffice
from ..pipeline import Options
from ..pipeline.options import PAPERS
from . import access, docs
from .access import Guard
from .jobs import DONE, FAILED, Job, Jobs
from .limits import Limits, Refused, store_uploads
from .marking import mark

HERE = Path(__file__).parent
SWEEP_EVERY = 60  # seconds between two looks for expired jobs


@dataclass
class Settings:
    code: str | None = None  # the access code; None: none asked (the server is for this PC only)
    workers: int = 1  # builds at once
    keep: float = 3600  # seconds a finished job's files are kept
    limits: Limits = Limits()
    options: Options = Options()  # plugin folders, debug
    root: Path | None = None  # the work folder; None: a temporary one
    threads: bool = False  # build in threads instead of processes (tests that patch a build)
    secret: bytes | None = field(default=None, repr=False)


class BodyLimit:
    """Refuse a request whose body is larger than the limit, before reading it all."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            return await _too_large(self.limit, scope)(scope, receive, send)
        received = 0

        async def limited():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise Refused(_too_large_text(self.limit), 413)
            return message

        await self.app(scope, limited, send)


def _too_large_text(limit: int) -> str:
    return f"Unggahan terlalu besar; paling besar {limit // (1024 * 1024)} MB sekaligus."


def _too_large(limit: int, scope) -> Response:
    text = _too_large_text(limit)
    if scope["path"].startswith("/api/"):
        return JSONResponse({"galat": text}, 413)
    return Response(text, 413, media_type="text/plain; charset=utf-8")


def create_app(settings: Settings = Settings()) -> Starlette:
    web = Web(settings)
    app = Starlette(routes=web.routes(), lifespan=web.lifespan)
    app.state.web = web
    return BodyLimit(app, settings.limits.request_size)


class Web:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.guard = Guard(settings.code, settings.secret)
        self._temp = None if settings.root else tempfile.TemporaryDirectory(prefix="sopdocs-web-")
        self.root = settings.root or Path(self._temp.name)
        self.jobs = Jobs(self.root, settings.workers, settings.keep, settings.threads)
        self.checking = anyio.CapacityLimiter(max(1, settings.workers))
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals.update(LEVEL_WORD=LEVEL_WORD, PAPERS=PAPERS, split_fix=split_fix)
        self.libreoffice = soffice() is not None

    @functools.cached_property
    def plugins(self):
        """The plugins of every job, loaded once (installed ones and `--plugins-dir`)."""
        return pipeline.checking.plugins_for([], self.settings.options)

    @contextlib.asynccontextmanager
    async def lifespan(self, app):
        sweeper = asyncio.create_task(self._sweep())
        try:
            yield
        finally:
            sweeper.cancel()
            await anyio.to_thread.run_sync(self.jobs.close)
            if self._temp:
                self._temp.cleanup()

    async def _sweep(self):
        while True:
            await asyncio.sleep(SWEEP_EVERY)
            self.jobs.sweep()

    def routes(self) -> list:
        r = self.route
        return [
            Route("/", r(self.home)),
            Route("/panduan", r(self.guide)),
            Route("/panduan/img/{name}", r(self.guide_image)),
            Route("/workbook-kosong.xlsx", r(self.blank_workbook)),
            Route("/masuk", r(self.login, login=True), methods=["GET", "POST"]),
            Route("/periksa", r(self.check_form)),
            Route("/periksa", r(self.check_page, write=True), methods=["POST"]),
            Route("/periksa/{id}", r(self.check_result)),
            Route("/periksa/{id}/bertanda/{index:int}", r(self.marked)),
            Route("/buat", r(self.build_form)),
            Route("/buat", r(self.build_page, write=True), methods=["POST"]),
            Route("/pekerjaan/{id}", r(self.job_page)),
            Route("/pekerjaan/{id}/semua.zip", r(self.job_zip)),
            Route("/pekerjaan/{id}/pratinjau/{path:path}", r(self.job_preview)),
            Route("/api/periksa", r(self.api_check, write=True, api=True), methods=["POST"]),
            Route("/api/buat", r(self.api_build, write=True, api=True), methods=["POST"]),
            Route("/api/pekerjaan/{id}", r(self.api_job, api=True)),
            Route("/api/pekerjaan/{id}/berkas/{path:path}", r(self.api_file, api=True)),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ]

    # ----------------------------------------------------------------------------------------
    # The gate of every route.

    def route(self, handler, write: bool = False, api: bool = False, login: bool = False):
        async def endpoint(request: Request) -> Response:
            session = request.cookies.get(access.SESSION_COOKIE) or ""
            fresh = not session
            if fresh:
                session = self.guard.new_session()
            request.state.session = session
            try:
                response = await self._guarded(request, handler, write, api, login)
            except Refused as exc:
                response = self._refusal(request, str(exc), exc.status, api)
            if fresh:
                response.set_cookie(access.SESSION_COOKIE, session, httponly=True, samesite="lax")
            response.headers["X-CSRF-Token"] = self.guard.csrf(session)
            response.headers.setdefault("Cache-Control", "no-store")
            return response

        return endpoint

    async def _guarded(self, request: Request, handler, write: bool, api: bool, login: bool) -> Response:
        if not login and not self.guard.allowed(request.cookies, request.headers):
            if api:
                raise Refused("Kode akses belum diberikan atau salah; kirim kode di header X-Sopdocs-Kode.", 401)
            return RedirectResponse("/masuk?lanjut=" + quote(request.url.path), 303)
        if write:
            token = request.headers.get(access.CSRF_HEADER)
            if token is None and not api:
                token = (await self._form(request)).get(access.CSRF_FIELD)
            if not self.guard.csrf_ok(request.state.session, token):
                raise Refused("Token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman, lalu ulangi.", 403)
        return await handler(request)

    def _refusal(self, request: Request, message: str, status: int, api: bool) -> Response:
        if api:
            return JSONResponse({"galat": message}, status)
        return self.page(request, "galat.html", {"message": message}, status)

    async def _form(self, request: Request):
        if not hasattr(request.state, "form"):
            limits = self.settings.limits
            request.state.form = await request.form(max_files=limits.files + 1, max_fields=50)
        return request.state.form

    def page(self, request: Request, name: str, context: dict | None = None, status: int = 200) -> Response:
        context = {"csrf": self.guard.csrf(request.state.session), "libreoffice": self.libreoffice,
                   **(context or {})}
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def _job(self, request: Request) -> Job:
        job = self.jobs.get(request.path_params["id"], request.state.session)
        if job is None:
            raise Refused("Pekerjaan ini tidak ada: mungkin sudah dihapus karena lama, atau dibuat di peramban lain.",
                          404)
        return job

    # ----------------------------------------------------------------------------------------
    # Uploads.

    async def _uploads(self, request: Request) -> list[tuple[str, bytes]]:
        form = await self._form(request)
        limit = self.settings.limits.file_size
        uploads = []
        for item in form.getlist("berkas"):
            if isinstance(item, str) or not item.filename:
                continue
            content = await item.read(limit + 1)
            uploads.append((item.filename, content))
        return uploads

    async def _new_job(self, request: Request) -> Job:
        uploads = await self._uploads(request)
        job = self.jobs.new(request.state.session)
        try:
            paths = await anyio.to_thread.run_sync(store_uploads, uploads, job.uploads, self.settings.limits)
        except Refused:
            self.jobs.forget(job)
            raise
        job.workbooks = sorted(p.relative_to(job.uploads).as_posix() for p in paths)
        return job

    async def _checked(self, request: Request) -> Job:
        job = await self._new_job(request)
        try:
            job.checks = await anyio.to_thread.run_sync(self._check, job, limiter=self.checking)
        except Refused:
            self.jobs.forget(job)
            raise
        job.checked = [self._check_dict(job, c) for c in job.checks]
        job.status, job.finished = DONE, time.time()
        return job

    def _check(self, job: Job) -> list:
        try:
            return pipeline.check([job.uploads / name for name in job.workbooks], self.settings.options,
                                  plugins=self.plugins)
        except PluginError as exc:
            raise Refused(str(exc), 500) from None

    @staticmethod
    def _check_dict(job: Job, checked) -> dict:
        return checked.as_dict() | {"workbook": checked.path.relative_to(job.uploads).as_posix()}

    async def _build_job(self, request: Request) -> Job:
        form = await self._form(request)
        options = self._build_options(form)
        job = await self._new_job(request)
        job.options = options
        job.preview = self.libreoffice and _flag(form.get("pratinjau"))
        self.jobs.build(job)
        return job

    def _build_options(self, form) -> Options:
        paper = (form.get("kertas") or "").strip().upper() or None
        if paper is not None and paper not in PAPERS:
            raise Refused(f"Kertas \"{paper}\" tidak dikenal; pilih salah satu dari {', '.join(PAPERS)}.")
        return replace(self.settings.options, paper=paper, pdf=_flag(form.get("pdf")),
                       per_sop=_flag(form.get("per_sop")), publik=_flag(form.get("publik")))

    # ----------------------------------------------------------------------------------------
    # Pages.

    async def home(self, request: Request) -> Response:
        return self.page(request, "beranda.html")

    async def guide(self, request: Request) -> Response:
        return self.page(request, "panduan.html", {"guide": docs.workbook_guide()})

    async def guide_image(self, request: Request) -> Response:
        image = docs.image(request.path_params["name"])
        if image is None:
            raise Refused("Gambar ini tidak ada.", 404)
        return FileResponse(image)

    async def blank_workbook(self, request: Request) -> Response:
        from ..starter import write_template

        def written() -> bytes:
            with tempfile.TemporaryDirectory(prefix="sopdocs-init-") as folder:
                path = Path(folder) / "sop-dinas.xlsx"
                write_template(path)
                return path.read_bytes()

        return _download(await anyio.to_thread.run_sync(written), "sop-dinas.xlsx")

    async def login(self, request: Request) -> Response:
        target = request.query_params.get("lanjut", "/")
        target = target if target.startswith("/") and not target.startswith("//") else "/"
        if self.guard.code is None:
            return RedirectResponse(target, 303)
        if request.method == "GET":
            return self.page(request, "masuk.html", {"lanjut": target})
        form = await self._form(request)
        if not self.guard.csrf_ok(request.state.session, form.get(access.CSRF_FIELD)):
            raise Refused("Token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman, lalu ulangi.", 403)
        if not self.guard.code_ok(form.get("kode")):
            await asyncio.sleep(1)  # a guess a second at most per browser tab
            return self.page(request, "masuk.html", {"lanjut": target, "wrong": True}, 403)
        response = RedirectResponse(target, 303)
        response.set_cookie(access.ACCESS_COOKIE, self.guard.access_token(), httponly=True, samesite="lax",
                            max_age=365 * 24 * 3600)
        return response

    async def check_form(self, request: Request) -> Response:
        return self.page(request, "periksa.html")

    async def check_page(self, request: Request) -> Response:
        job = await self._checked(request)
        return RedirectResponse(f"/periksa/{job.id}", 303)

    async def check_result(self, request: Request) -> Response:
        job = self._job(request)
        if not job.checks:
            raise Refused("Pekerjaan ini bukan pemeriksaan.", 404)
        return self.page(request, "periksa.html", {"job": job, "reports": list(zip(job.checked, job.checks)),
                                                    "bad": sum(not c.ok for c in job.checks)})

    async def marked(self, request: Request) -> Response:
        job = self._job(request)
        index = request.path_params["index"]
        if not job.checks or index >= len(job.checks):
            raise Refused("Workbook ini tidak ada di pemeriksaan ini.", 404)
        checked = job.checks[index]
        name = Path(job.checked[index]["workbook"]).stem + "-bertanda.xlsx"
        target = job.folder / "bertanda" / f"{index}.xlsx"
        await anyio.to_thread.run_sync(mark, checked.path, list(checked.findings), target, limiter=self.checking)
        return _download(target.read_bytes(), name)

    async def build_form(self, request: Request) -> Response:
        return self.page(request, "buat.html")

    async def build_page(self, request: Request) -> Response:
        job = await self._build_job(request)
        return RedirectResponse(f"/pekerjaan/{job.id}", 303)

    async def job_page(self, request: Request) -> Response:
        job = self._job(request)
        return self.page(request, "pekerjaan.html", {"job": job, "state": self.state(job)})

    async def job_zip(self, request: Request) -> Response:
        job = self._job(request)
        files = job.files()
        if not files:
            raise Refused("Belum ada file yang jadi pada pekerjaan ini.", 404)

        def packed() -> bytes:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for name in files:
                    archive.write(job.out_dir / name, name)
            return buffer.getvalue()

        return _download(await anyio.to_thread.run_sync(packed), "hasil-sopdocs.zip")

    async def job_preview(self, request: Request) -> Response:
        job = self._job(request)
        path = request.path_params["path"]
        if path not in {page for pages in job.previews.values() for page in pages}:
            raise Refused("Gambar halaman ini tidak ada.", 404)
        return FileResponse(job.preview_dir / path, media_type="image/png")

    # ----------------------------------------------------------------------------------------
    # The API.

    async def api_check(self, request: Request) -> Response:
        job = await self._checked(request)
        checked = job.checked
        self.jobs.forget(job)  # an API check keeps nothing
        return JSONResponse(checked)

    async def api_build(self, request: Request) -> Response:
        job = await self._build_job(request)
        return JSONResponse({"id": job.id, "url": f"/api/pekerjaan/{job.id}"}, 202)

    async def api_job(self, request: Request) -> Response:
        return JSONResponse(self.state(self._job(request)))

    async def api_file(self, request: Request) -> Response:
        job = self._job(request)
        path = request.path_params["path"]
        if path not in job.files():  # only what the build made, never a path of the caller's own
            raise Refused(f"File {path} tidak ada pada pekerjaan ini.", 404)
        return FileResponse(job.out_dir / path, filename=Path(path).name)

    def state(self, job: Job) -> dict:
        """A build job as GET /api/pekerjaan/{id} tells it."""
        base = f"/api/pekerjaan/{job.id}/berkas/"
        return {
            "id": job.id, "status": job.status, "kemajuan": round(100 * job.fraction), "antrean": self.jobs.place(job),
            "tahap": job.note,
            "workbook": [{"workbook": name, **job.progress.get(name, {"bagian": 0, "dari": 0, "tahap": ""})}
                         for name in job.workbooks],
            "berkas": [{"nama": name, "url": base + quote(name)} for name in job.files()],
            "temuan": job.checked,
            "hasil": [{k: v for k, v in r.items() if k != "periksa"} for r in job.results],
            "pratinjau": {book: [f"/pekerjaan/{job.id}/pratinjau/{quote(page)}" for page in pages]
                          for book, pages in job.previews.items()},
            "peringatan": job.warnings, "galat": job.error,
            "selesai": job.status in (DONE, FAILED),
        }


def _flag(value) -> bool:
    return str(value or "").strip().lower() in ("1", "true", "ya", "on", "yes")


def _download(content: bytes, name: str) -> Response:
    kind = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if name.endswith(".xlsx")
            else "application/zip")
    return Response(content, media_type=kind,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


FIX_WORDS = ("tulis", "isi", "isikan", "perbaiki", "pakai", "gunakan", "ganti", "hapus", "pilih", "tambahkan",
             "pindahkan", "letakkan", "pasang", "simpan", "buka", "beri", "berikan", "jangan", "periksa",
             "samakan", "ubah", "lengkapi", "tandai", "buat", "tutup", "sebutkan", "pisahkan", "gabungkan",
             "cantumkan", "masukkan", "biarkan", "ketik")
FIX_START = re.compile(r"(?:;|\.)\s+(?=(?:" + "|".join(FIX_WORDS) + r")\b)", re.IGNORECASE)


def split_fix(message: str) -> tuple[str, str]:
    """A finding's message as (what is wrong, how to fix it): the fix starts at the first clause
    that begins with an instruction (`...; tulis lengkap dengan tahun`)."""
    found = FIX_START.search(message)
    if not found:
        return message, ""
    fix = message[found.end():]
    return message[:found.start()] + ".", fix[0].upper() + fix[1:]
