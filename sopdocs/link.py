"""The link step: a Standar Pelayanan whose procedure says `SOP: <Nama or Nomor SOP>` is given that
SOP, and its Jangka Waktu is compared with the SOP's total time."""
from __future__ import annotations

from .findings import Findings
from .model import Dokumen, Sop, StandarPelayanan, cell_of
from .reader.values import label_key, parse_waktu


def link_services(doc: Dokumen, findings: Findings) -> None:
    """Resolve every SP's `sop_ref` into `sp.sop`; a reference that matches nothing is an error."""
    for sp in doc.layanan:
        if not sp.sop_ref:
            continue
        sp.sop = find_sop(doc, sp.sop_ref)
        if sp.sop is None:
            names = "; ".join(s.nama for s in doc.sops[:5])
            findings.error(f"\"SOP: {sp.sop_ref}\" tidak cocok dengan Nama SOP atau Nomor SOP mana pun di workbook "
                           f"ini{f' (mis. {names})' if names else ''}; tulis persis seperti di sheet SOP-nya.",
                           cell_of(sp, "prosedur", ""))
            continue
        _check_jangka_waktu(sp, findings)


def find_sop(doc: Dokumen, reference: str) -> Sop | None:
    """The SOP of the workbook named by `reference` (its Nama SOP or Nomor SOP)."""
    key = label_key(reference)
    return next((s for s in doc.sops if key in (label_key(s.nama), label_key(s.nomor))), None)


def _check_jangka_waktu(sp: StandarPelayanan, findings: Findings) -> None:
    total = sp.sop.total_minutes()
    promised = parse_waktu(" ".join(sp.uraian.get("jangka_waktu", [])[:1]))
    if total is None or promised.minutes is None or promised.minutes >= total:
        return
    findings.warning(f"Jangka waktu pelayanan \"{promised.text}\" lebih pendek dari jumlah waktu SOP "
                     f"\"{sp.sop.nama}\" ({format_minutes(total)}); sesuaikan salah satunya.",
                     cell_of(sp, "jangka_waktu", ""))


def format_minutes(minutes: float) -> str:
    """`2 hari 3 jam 15 menit`, counting a day as 8 working hours (see MINUTES_PER_UNIT)."""
    days, rest = divmod(round(minutes), 8 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{n} {unit}" for n, unit in ((days, "hari kerja"), (hours, "jam"), (mins, "menit")) if n]
    return " ".join(parts) or "0 menit"
