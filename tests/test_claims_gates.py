"""Lesson 6's claims hold of the numbers they state, on the default sentences and on a handful of others in both
languages; the charts' ranges hold their data; each check fails when a claim is flipped or the numbers inverted.
The checks recompute what they need from rnn_core, apart from the page's cached views."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.gates import run_with_forced_gate
from rnn_core.sentiment import SentimentModel
from tests.test_app_pages import open_app, texts
from ui import compute_gates as cg
from ui import figures, matrices

SENTENCES = {
    "en": ["the story was slow but the ending was wonderful",  # the page's default
           "a wonderful and moving film", "boring, predictable and far too long",
           "i expected nothing and it still disappointed me, although the music was lovely"],
    "ko": ["처음엔 지루했지만 결말이 정말 좋았다",  # the page's default
           "배우들은 열심히 했지만 영화는 전혀 재미없었다", "최고의 영화", "시간 낭비였다"],
}
CASES = [(lang, kind, s) for lang in SENTENCES for s in SENTENCES[lang] for kind in ("LSTM", "GRU")]


def ids(case) -> str:
    lang, kind, s = case
    return f"{lang}-{kind}-{SENTENCES[lang].index(s)}"


@pytest.fixture(scope="module")
def views() -> dict[tuple, cg.GateView]:
    return {case: cg.gate_view(f"{case[0]}-{case[1].lower()}", case[2]) for case in CASES}


def real_run(view: cg.GateView, gate: str | None = None, value: float = 0.0, start: int = 0):
    """The sentence through rnn_core directly (no cache): the trace and p(positive)."""
    model = SentimentModel.load(view.name)
    xs = model.network.embedding(np.asarray([view.ids]))
    trace = run_with_forced_gate(model.network.recurrent.cell, xs, gate, value, start)
    return trace, float(model.network.head(trace.h[:, -1])[0, 0])


# --- the checks ------------------------------------------------------------------------------------------

def check_ranges(claim: cg.Claim, values: dict[str, np.ndarray], kind: str) -> None:
    gates = np.concatenate([values[g].ravel() for g in ("i", "f", "o", "z", "r") if g in values])
    assert 0 <= gates.min() and gates.max() <= 1
    assert (claim.values["glow"], claim.values["ghigh"]) == pytest.approx((gates.min(), gates.max()))
    assert np.all(np.abs(values["h"]) <= 1)
    if kind == "LSTM":
        c = values["c"]
        beyond = int(np.sum(np.abs(c).max(axis=0) > 1))
        assert claim.key == ("c_beyond" if beyond else "c_within") and claim.values["n"] == beyond
        assert (claim.values["clow"], claim.values["chigh"]) == pytest.approx((c.min(), c.max()))


def check_belt(claim: cg.Claim, f: np.ndarray) -> None:
    kept = np.prod(f[1:], axis=0)  # (D,) the share of each unit's first-word cell content the belt carries
    assert claim.values["kept"] == pytest.approx(kept.max()) and claim.values["unit"] == int(np.argmax(kept)) + 1
    assert claim.key == ("long" if kept.max() >= 0.5 else "short")


def check_forget(claim: cg.Claim, p: float, q: float) -> None:
    assert (claim.values["p"], claim.values["q"]) == pytest.approx((p, q), abs=1e-6)
    assert claim.key == ("flips" if (p >= 0.5) != (q >= 0.5) else "same")


# --- the claims on every sentence ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=ids)
def test_claims_hold(views, case):
    view = views[case]
    trace, p = real_run(view)
    values = {k: v[0] for k, v in trace.values.items() if v.ndim == 3 and v.shape[-1] == view.units}
    assert view.probability == pytest.approx(p, abs=1e-6)
    check_ranges(cg.range_claim(view), values, view.kind)
    gate = "f" if view.kind == "LSTM" else "z"  # the gate that keeps the old memory
    forced = cg.forced_run(view, gate, 0.0, 0)
    _, q = real_run(view, gate, 0.0, 0)
    check_forget(cg.forget_claim(view, forced), p, q)
    if view.kind == "LSTM":
        check_belt(cg.belt_claim(view), values["f"])
        np.testing.assert_allclose(values["tanh_c"], np.tanh(values["c"]), atol=1e-6)  # recorded, as drawn
        kept = cg.kept_claim(cg.forced_run(view, "f", 0.0, 1), 1, 0)
        assert kept.key == "nothing"  # with f = 0, c_t is i_t g_t exactly
    else:
        z = values["z"]
        assert cg.update_gate_claim(view).values == pytest.approx(dict(mean=z.mean(), low=z.min(), high=z.max()))


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_chart_ranges_hold_their_data(views, case):
    """c's colour scale and the unit curves' y range follow the data: symmetric, at least ±1, nothing cut off."""
    view = views[case]
    for name in view.values:
        low, high = cg.colour_range(view, name)
        assert low <= view.values[name].min() and view.values[name].max() <= high
        fig = figures.time_by_unit(view.values[name], view.tokens, 0, "u", "t", name, name in "gchn", limits=(low, high))
        assert (fig.data[0].zmin, fig.data[0].zmax) == (low, high)  # a long sentence's heatmap (Plotly)
        grid = matrices.heatmap(view.values[name][:40], view.tokens[:40], 0, "u", "t", name, (low, high), name in "gchn")
        assert f"<span>{matrices.number(low)}</span><i" in grid and f"</i><span>{matrices.number(high)}</span>" in grid
    low, high = cg.colour_range(view, view.memory)
    assert low == -high and high >= 1
    for unit in range(view.units):
        curves = {q: view.values[q][:, unit] for q in ("f", "i", "g", "o", "c", "h", "z", "r", "n") if q in view.values}
        bottom, top = cg.unit_range(curves)
        assert bottom == -top and top >= 1.05 and all(np.all(np.abs(v) <= top) for v in curves.values())


def test_gate_bounds_never_read_as_0_or_1(views):
    """Gates lie strictly between 0 and 1, and the page writes their bounds so that they read that way."""
    assert (cg.open_unit(0.99977), cg.open_unit(0.0016), cg.open_unit(0.5)) == ("0.9998", "0.002", "0.500")
    for view in views.values():
        words = cg.gate_words(cg.range_claim(view).values)
        assert 0 < float(words["glow"]) <= float(words["ghigh"]) < 1


def test_some_sentences_take_c_beyond_one_and_the_default_does(views):
    """The cell state is not bounded by ±1: on the default sentence some units leave it."""
    assert cg.range_claim(views[("en", "LSTM", SENTENCES["en"][0])]).key == "c_beyond"
    assert cg.range_claim(views[("ko", "LSTM", SENTENCES["ko"][0])]).key == "c_beyond"


def test_checks_fail_when_a_claim_is_flipped(views, monkeypatch):
    view = views[("en", "LSTM", SENTENCES["en"][0])]
    shrunk = {k: v * (0.5 / np.abs(view.values["c"]).max()) if k == "c" else v for k, v in view.values.items()}
    with pytest.raises(AssertionError):  # inverted numbers: c squeezed inside ±1 under the "beyond" claim
        check_ranges(cg.range_claim(view), shrunk, "LSTM")
    with pytest.raises(AssertionError):  # forget gates turned around: 1 - f
        check_belt(cg.belt_claim(view), 1 - view.values["f"])
    forced = cg.forced_run(view, "f", 0.0, 0)
    with pytest.raises(AssertionError):  # the real and the forced verdicts exchanged
        check_forget(cg.forget_claim(view, forced), forced.probability, view.probability)
    monkeypatch.setattr(cg, "LONG_MEMORY", 1.01)  # the belt's threshold moved past every product
    with pytest.raises(AssertionError):
        check_belt(cg.belt_claim(view), view.values["f"])


def test_the_belt_draws_the_recorded_tanh_c(views):
    view = views[("en", "LSTM", SENTENCES["en"][0])]
    v = {k: float(view.values[k][2, 0]) for k in ("i", "f", "g", "o", "c", "tanh_c", "h")} | {"c_prev": 0.0}
    belt = matrices.conveyor_belt(v)
    assert f"tanh(c<sub>t</sub>)<br>{matrices.signed(v['tanh_c'])}</b>" in belt
    with pytest.raises(KeyError):  # no silent fallback: a caller must pass the recorded value
        matrices.conveyor_belt({k: x for k, x in v.items() if k != "tanh_c"})


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_page_states_the_claims(views, lang):
    at = open_app("lessons/gates.py", lang=lang)
    view = views[(lang, "LSTM", SENTENCES[lang][0])]
    shown = texts(at)
    limit = cg.colour_range(view, "c")[1]
    assert f"±{limit:.2f}" in shown
    summary = next(m.value for m in at.markdown if m.value.startswith("- **"))
    assert len(summary.splitlines()) == 4  # ranges, belt, forgetting, GRU
    ranges = cg.range_claim(view)
    assert f"{ranges.values['clow']:+.2f}" in summary and f"{ranges.values['chigh']:+.2f}" in summary
    belt = cg.belt_claim(view)
    assert f"{belt.values['kept']:.2f}" in summary or f"{belt.values['kept']:.2g}" in summary
    forgot = cg.forget_claim(view, cg.forced_run(view, "f", 0.0, 0))
    assert f"{forgot.values['p']:.3f}" in summary and f"{forgot.values['q']:.3f}" in summary
