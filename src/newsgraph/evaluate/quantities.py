"""Score the quantity extractor on Microsoft Recognizers-Text's German Number and NumberWithUnit specs
(``../shared/data/recognizers_text_de/``: JSON lists of {Input, Results[{Text, Start, End (inclusive),
Resolution{value, unit}}]}).

A case passes when our finder returns, for that model's kind of result, exactly as many results as the
spec, each overlapping the expected span with the same value (and unit, mapped to UCUM / ISO 4217).
Spans are compared by overlap, not character-exact: our spans leave out qualifiers and "alt" in
"5 Jahre alt". Cases where our conventions differ on purpose are listed, with the reason, in
``lang/de/quantities/recognizers_differences.toml`` and reported separately (they still count as fails
in ``overall``).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.extract.quantities.finder import Found, atoms, find
from newsgraph.lang import load_toml

MODELS = {
    "NumberModel": "number",
    "NumberRangeModel": "range",
    "OrdinalModel": "ordinal",
    "OrdinalModelSuppressExtendedTypes": "ordinal_plain",
    "OrdinalModelEnablePreview": "ordinal",
    "PercentModel": "percent",
    "AgeModel": "age",
    "CurrencyModel": "currency",
    "DimensionModel": "dimension",
    "TemperatureModel": "temperature",
}
DIMENSION_KINDS = ("length", "mass", "volume", "area", "speed", "angle", "information", "power", "energy")


def _conventions() -> dict[str, Any]:
    return load_toml("de", "quantities/recognizers_differences.toml")


def _num(s: Any) -> float | None:
    if s is None:
        return None
    try:
        return float(str(s).replace(",", ".").rstrip("%"))
    except ValueError:
        return None


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _predict(view: str, text: str) -> list[tuple[int, int, Any, str | None]]:
    """(start, end, value, unit) of our results that this view compares."""
    out: list[tuple[int, int, Any, str | None]] = []
    if view == "range":
        for f in find(text):
            if f.value_max is not None:
                out.append((f.qstart, f.num_end, f"[{_fmt(f.value)},{_fmt(f.value_max)}]", None))
            elif f.qualifier in ("less_than", "more_than", "at_least", "at_most"):
                lo, hi = (
                    ("", _fmt(f.value)) if f.qualifier in ("less_than", "at_most") else (_fmt(f.value), "")
                )
                left = "[" if f.qualifier == "at_least" else "("
                right = "]" if f.qualifier == "at_most" else ")"
                out.append((f.qstart, f.num_end, f"{left}{lo},{hi}{right}", None))
        return out
    found: list[Found] = atoms(text)
    for f in found:
        if view == "number":
            if f.kind in ("cardinal", "fraction"):
                out.append((f.start, f.num_end, f.value, None))
        elif view in ("ordinal", "ordinal_plain"):
            if f.kind == "ordinal":
                out.append((f.start, f.num_end, _fmt(f.value), None))
            elif f.kind == "relative" and view == "ordinal":
                out.append((f.start, f.num_end, f.relative, None))
        elif view == "percent":
            if f.unit_kind == "percent" and f.unit and f.unit.startswith("%"):
                out.append((f.start, f.end, f.value, "%"))
        elif view == "age":
            if f.unit_kind == "time":
                out.append((f.start, f.end, f.value, f.unit))
        elif view == "currency":
            if f.unit_kind == "currency":
                out.append((f.start, f.end, f.value, f.unit))
        elif view == "dimension":
            if f.unit_kind in DIMENSION_KINDS:
                out.append((f.start, f.end, f.value, f.unit))
        elif view == "temperature" and f.unit_kind == "temperature":
            out.append((f.start, f.end, f.value, f.unit))
    return out


def _expected(view: str, result: dict[str, Any], unit_map: dict[str, list[str]]) -> tuple[int, int, Any, Any]:
    res = result.get("Resolution") or {}
    start, end = int(result["Start"]), int(result["End"]) + 1
    if view in ("ordinal", "ordinal_plain"):
        if res.get("relativeTo") in ("end", "current"):
            off = int(res.get("offset", 0))
            return start, end, f"{res['relativeTo']}{off:+d}", None
        return start, end, str(res.get("value")), None
    if view == "range":
        return start, end, str(res.get("value")), None
    value: Any = _num(res.get("value"))
    unit = res.get("unit")
    if view == "percent":
        return start, end, value, ["%"]
    codes = unit_map.get(str(unit), [str(unit)]) if unit is not None else None
    return start, end, value, codes


def _same(exp: tuple[int, int, Any, Any], got: tuple[int, int, Any, str | None], view: str) -> bool:
    es, ee, ev, eu = exp
    gs, ge, gv, gu = got
    if not (gs < ee and es < ge):
        return False
    if isinstance(ev, float) or isinstance(gv, float):
        if ev is None or gv is None or not isinstance(gv, float | int) or not isinstance(ev, float | int):
            return False
        if not math.isclose(float(ev), float(gv), rel_tol=1e-9, abs_tol=1e-9):
            return False
    elif ev != gv:
        return False
    if view in ("number", "range", "ordinal", "ordinal_plain"):
        return True
    return eu is None or gu in eu


def score_case(view: str, case: dict[str, Any], unit_map: dict[str, list[str]]) -> tuple[bool, list, list]:
    text = case["Input"]
    expected = [_expected(view, r, unit_map) for r in case.get("Results", [])]
    got = _predict(view, text)
    ok = len(expected) == len(got) and all(_same(e, g, view) for e, g in zip(expected, got, strict=True))
    return ok, expected, got


def cases(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(model file stem, view, case) for every Number / NumberWithUnit case under ``path``."""
    root = path
    if (root / "recognizers_text_de").is_dir():
        root = root / "recognizers_text_de"
    out = []
    for group in ("Number", "NumberWithUnit"):
        for f in sorted((root / group).rglob("*.json")):
            view = MODELS.get(f.stem)
            if view is None:
                continue
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise ValueError(f"cannot read recognizers spec {f}: {exc}") from exc
            for case in data:
                out.append((f"{group}/{f.stem}", view, case))
    if not out:
        raise FileNotFoundError(f"no recognizers_text Number/NumberWithUnit specs under {path}")
    return out


def run(path: Path, limit: int | None = None, report: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Pass rates overall and per model; ``failures`` lists the failing inputs (with expected/got)."""
    conv = _conventions()
    unit_map: dict[str, list[str]] = conv["unit_names"]
    on_purpose = {d["input"]: d["reason"] for d in conv["difference"]}
    all_cases = cases(Path(path))
    if limit is not None:
        all_cases = all_cases[:limit]
    per: dict[str, dict[str, int]] = {}
    passed = 0
    passed_comparable = 0
    comparable = 0
    failures: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for model_name, view, case in all_cases:
        ok, expected, got = score_case(view, case, unit_map)
        stats = per.setdefault(model_name, {"cases": 0, "pass": 0})
        stats["cases"] += 1
        deliberate = case["Input"] in on_purpose
        if not deliberate:
            comparable += 1
        if ok:
            stats["pass"] += 1
            passed += 1
            passed_comparable += 0 if deliberate else 1
        else:
            failures.append(
                {
                    "model": model_name,
                    "input": case["Input"][:160],
                    "expected": [e[2] for e in expected],
                    "got": [g[2] for g in got],
                    "on_purpose": on_purpose.get(case["Input"]),
                }
            )
            if report:
                report(f"FAIL {model_name}: {case['Input'][:100]!r} expected {expected} got {got}")
    elapsed = time.perf_counter() - t0
    total = len(all_cases)
    result: dict[str, Any] = {
        "overall": {
            "cases": total,
            "pass": passed,
            "pass_rate": round(passed / total, 4) if total else 0.0,
            "differs_on_purpose": sum(1 for f in failures if f["on_purpose"]),
            "pass_rate_comparable": round(passed_comparable / comparable, 4) if comparable else 0.0,
            "seconds": round(elapsed, 3),
        },
    }
    for name, st in sorted(per.items()):
        result[name] = {**st, "pass_rate": round(st["pass"] / st["cases"], 4)}
    result["failures"] = failures
    return result


if __name__ == "__main__":  # python -m newsgraph.evaluate.quantities PATH
    import sys

    out = run(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/recognizers_text_de"), report=print)
    out.pop("failures")
    print(json.dumps(out, indent=1, ensure_ascii=False))
