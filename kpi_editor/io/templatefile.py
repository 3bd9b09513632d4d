"""A form template read from a file a user hands us (another jurisdiction's form, say).

The bundled templates are read by ``kpi_editor.domain.template``, whose `TemplateError` the domain
owns; a template from outside is a file like any other: its failures are the one error type,
`FileFormatError`, on one line naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from kpi_editor.domain.template import FormTemplate
from kpi_editor.io.errors import FileFormatError, clip

MAX_TEMPLATE_BYTES = 4 * 1024 * 1024  # ours are 4 kB; a template is a form, not a booklet


def read_template(path: str | Path) -> FormTemplate:
    """The template in `path`, or `FileFormatError` naming the file and the place."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise FileFormatError(source, f"文件过大（{size // 1024} kB），不是表样模板")
        text = source.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise FileFormatError(source, "文件不是 UTF-8 编码的表样模板") from None
    except OSError as exc:
        raise FileFormatError(source, f"无法读取文件：{exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            source, f"不是有效的 JSON：{exc.msg}", place=f"第{exc.lineno}行第{exc.colno}列"
        ) from None
    except (ValueError, RecursionError):
        raise FileFormatError(source, "不是有效的表样模板（数字过长或嵌套过深）") from None
    try:
        return FormTemplate.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "（顶层）"
        raise FileFormatError(source, f"表样模板有误：{clip(str(error['msg']), 80)}", place=where) from None
