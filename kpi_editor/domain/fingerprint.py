"""A short checksum of the printed content, so a paper page can be matched to its file.

The fingerprint covers what a reader sees on the printed table or booklet — names, amounts,
indicator rows, front matter — and nothing else: not project ids, not review state, not the key
order or indentation of the file. Amounts count by value (``25`` and ``25.0`` print alike under
the templates' ``0.######`` format), so they are hashed in one canonical decimal spelling.

Shown as 10 upper-case hex digits of SHA-256 grouped for reading aloud: ``3F9A-21C0-7B``.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from kpi_editor.domain.bounds import plain_text
from kpi_editor.domain.model import FUNDING_FIELDS, Booklet, Department, Indicator, Project, Target

DIGITS = 10


def canonical_amount(value: Decimal | None) -> str | None:
    """The one spelling of an amount's value: ``25.0`` → ``25``, ``1E+2`` → ``100``, ``-0`` → ``0``."""
    # Context-free: normalize() would round beyond 28 digits and overflow on 9E+999999999.
    return None if value is None else plain_text(value)


def _target_form(target: Target | None) -> list[Any] | None:
    if target is None:
        return None
    form: list[Any] = [target.comparator, canonical_amount(target.number), target.unit]
    if target.date is not None or target.text is not None:
        # Appended only when used, so the fingerprints of tables stamped before stay the same.
        form += [target.date.isoformat() if target.date else None, target.text]
    return form


def _indicator_form(indicator: Indicator) -> list[Any]:
    form = [
        indicator.level1,
        indicator.level2,
        indicator.name,
        indicator.value,
        sorted(indicator.extra.items()),
        _target_form(indicator.target),
    ]
    period = indicator.period
    structured = [
        canonical_amount(indicator.weight),
        indicator.direction,
        indicator.basis,
        indicator.explanation,
        indicator.scoring,
        None if period is None else [period.value, _target_form(period.target)],
    ]
    if any(part is not None for part in structured):
        form.append(structured)
    return form


def _project_form(project: Project) -> list[Any]:
    form: list[Any] = [
        project.name,
        project.unit_name,
        [canonical_amount(project.funding.get(f)) for f in FUNDING_FIELDS],
        [_indicator_form(i) for i in project.indicators],
    ]
    if project.texts:
        form.append(sorted(project.texts.items()))
    return form


def _digest(form: Any) -> str:
    # Lists only (no dicts) so nothing depends on key order; compact and unescaped so the
    # canonical text is stable across Python versions.
    text = json.dumps(form, ensure_ascii=False, separators=(",", ":"))
    hexdigits = hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS].upper()
    return f"{hexdigits[0:4]}-{hexdigits[4:8]}-{hexdigits[8:]}"


def project_fingerprint(project: Project, department: Department | None = None) -> str:
    """The fingerprint of one printed table.

    With ``department`` the department's code and name are part of it, so the same table filed
    under another unit has another fingerprint. Exports and ``kpi fingerprint --projects`` pass
    the department; pass it too wherever the result is compared with theirs.
    """
    where = None if department is None else [department.code, department.name]
    return _digest(["project", where, _project_form(project)])


def booklet_fingerprint(booklet: Booklet) -> str:
    """The fingerprint of the whole printed booklet: front matter and every table, in order."""
    form = [
        "booklet",
        booklet.fiscal_year,
        booklet.template_id,
        booklet.title,
        booklet.compiler,
        booklet.date,
        booklet.preface_title,
        [[s.heading, s.body] for s in booklet.preface],
        [[d.code, d.name, [_project_form(p) for p in d.projects]] for d in booklet.departments],
    ]
    return _digest(form)


def department_fingerprint(department: Department) -> str:
    """The fingerprint of one unit's tables: its code, name and every project, in order.

    A unit's submission manifest carries it, so the bureau can tell a file changed after it was
    exported for submission.
    """
    return _digest(
        ["department", department.code, department.name, [_project_form(p) for p in department.projects]]
    )
