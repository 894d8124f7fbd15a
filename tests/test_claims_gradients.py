"""Lesson 5's claims hold of the numbers they state: on the default settings, on other settings and on several
sentences in both languages, and on the memory task trained at its default gap. Each check recomputes what it
needs from rnn_core, and each is shown to fail when a claim's direction is flipped (inverted numbers, or the
comparison behind the claim turned around)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rnn_core.sequence import run
from rnn_core.toy import gradient_lab as toy_lab
from tests.test_app_pages import open_app, texts
from ui import compute_gradients as cg
from ui.i18n import FORMAT, STRINGS

DEFAULT_LAB = (8, 60, 0.9, "tanh", 0)  # units, steps, rho, activation, seed: the URL table's defaults
LABS = [DEFAULT_LAB, (8, 60, 3.0, "tanh", 0), (8, 300, 2.5, "linear", 0), (8, 60, 0.3, "tanh", 0),
        (8, 300, 3.0, "relu", 0), (16, 100, 1.5, "tanh", 3), (4, 40, 1.2, "linear", 7), (8, 60, 1.2, "linear", 0),
        (8, 60, 1.1, "tanh", 0)]
SENTENCES = {
    "en": [
        "awful. i saw it on a rainy sunday afternoon with two friends, we bought popcorn and sat in the back row, "
        "the cinema was half empty and the sound was a bit too loud, and after the film we walked home through "
        "the old part of town and talked about it for hours",  # the page's default
        "the movie was not fun at all, although the actors tried their best",
        "brilliant. i saw it on a rainy sunday afternoon with two friends, we bought popcorn and sat in the back row",
        "not bad at all",
    ],
    "ko": [
        "최악이다. 주말에 친구들과 함께 극장에 가서 이 영화를 보았는데 상영 시간은 두 시간 정도였고 배우들은 대부분 "
        "낯익은 얼굴이었으며 음악과 촬영도 유명한 사람들이 맡았다고 한다",  # the page's default
        "배우들은 열심히 했지만 영화는 전혀 재미없었다",
        "최고의 영화. 주말 오후에 친구 두 명과 함께 극장에 갔는데 팝콘을 사서 뒷줄에 앉았다",
        "정말 재미있었다",
    ],
}
CASES = [(lang, s) for lang, texts_ in SENTENCES.items() for s in texts_]


# --- the checks: each claim against numbers recomputed here ------------------------------------------------

def check_fate(claim: cg.Claim, norms: np.ndarray) -> None:
    k = claim.values["k"]
    assert k == min(cg.VERDICT_DISTANCE, len(norms) - 1)
    ratio = norms[k]
    if claim.key == "vanish":
        assert ratio < 0.01
    elif claim.key == "explode":
        assert not np.isfinite(ratio) or ratio > 100
    else:
        assert claim.key == "keep" and 0.01 <= ratio <= 100
        if "grows" in claim.values:  # the verdict says it grows (or shrinks) but stays within the bands
            assert claim.values["grows"] == (ratio >= 1)


def check_lab(settings: tuple, lab: cg.GradientLab) -> None:
    """Pascanu's condition, the saturation count and the side-by-side verdicts, from the toy cell itself."""
    units, steps, rho, activation, seed = settings
    cell, xs = toy_lab(units, steps, rho, activation, seed)
    sigma = np.linalg.norm(cell.W_h, 2)
    conditions = cg.pascanu_claim(lab)
    assert conditions.values["sigma"] == pytest.approx(sigma) and sigma >= rho - 1e-9
    if conditions.key == "sufficient":
        assert sigma < 1 and lab.walk.norms[-1] <= sigma ** (steps - 1) * (1 + 1e-6)
    else:
        assert conditions.key == "necessary" and sigma >= 1
    if conditions.values["under"]:
        with np.errstate(all="ignore"):
            assert np.all(np.nan_to_num(lab.walk.norms) <= sigma ** np.arange(steps) * (1 + 1e-5))
    check_fate(cg.Claim(conditions.values["outcome"], dict(k=conditions.values["k"])), lab.walk.norms)
    side = cg.saturation_claim(lab)
    h = run(cell, xs).h[0]
    if activation == "tanh":
        assert side.values["n"] == pytest.approx(np.mean(np.sum(np.abs(h) > 0.99, axis=1)))
        assert side.values["none"] == (not np.any(np.abs(h) > 0.99))  # "no unit comes near ±1 at any step"
    if activation == "relu":
        assert side.values["none"] == (not np.any(h == 0))  # "no unit is off at any step"
    check_fate(cg.Claim(side.values["fate"], dict(k=side.values["k"])), lab.walk.norms)
    check_fate(cg.Claim(side.values["ref_fate"], dict(k=side.values["k"])), lab.reference.norms)
    stops = activation != "linear" and side.values["ref_fate"] == "explode" and side.values["fate"] != "explode"
    assert (side.key == "stops") == stops


def first_to_last(reading: cg.CellReading) -> float:
    return float(reading.saliency[0] / reading.saliency[-1])


def check_sentence(claim: cg.Claim, readings: dict[str, cg.CellReading]) -> None:
    """"shown": both gated cells depend >= MARGIN times more on the first word (relative to the last) than
    the SimpleRNN; "partly": one; "not_shown": none. The quiz's answer is the largest ratio."""
    ratios = {kind: first_to_last(r) for kind, r in readings.items()}
    keeps_more = [k for k in cg.GATED if k in ratios and ratios[k] >= cg.MARGIN * ratios["SimpleRNN"]]
    gated = [k for k in cg.GATED if k in ratios]
    expected = "shown" if keeps_more == gated else "partly" if keeps_more else "not_shown"
    assert claim.key == expected, (claim.key, ratios)
    assert claim.values["below"] == keeps_more
    least = min((ratios[k] / ratios["SimpleRNN"] for k in keeps_more), default=0.0)
    assert claim.values["least"] == pytest.approx(least)  # "keeps at least n× more": the smallest of them
    assert (least >= cg.MARGIN) == bool(keeps_more)
    if keeps_more:
        assert float(cg.times_text(least, down=True).replace(",", "")) <= least  # as printed: never more
    assert claim.values["ratios"] == pytest.approx(ratios)
    assert cg.most_dependent_on_first(readings) == max(ratios, key=ratios.get)
    rnn = readings["SimpleRNN"]
    assert (claim.values["first"], claim.values["last"], claim.values["T"]) == (rnn.tokens[0], rnn.tokens[-1],
                                                                                  len(rnn.tokens))


def test_a_factor_is_printed_for_a_class():
    """Two significant digits, thousands grouped, never e-notation; rounded down where the page says "at least"."""
    assert [cg.times_text(x) for x in (1.43, 23.4, 4567.0, 1234567.0)] == ["1.4", "23", "4,600", "1,200,000"]
    assert [cg.times_text(x, down=True) for x in (2.999, 4567.0)] == ["2.9", "4,500"]


def check_memory(reach: cg.Claim, accuracy: cg.Claim, result: dict) -> None:
    gap = max(result["distances"])
    ratios = {cell: result["reach"][cell][gap] for cell in result["reach"]}
    shown = all(ratios[k] >= cg.MARGIN * ratios["SimpleRNN"] for k in cg.GATED)
    assert reach.key == ("shown" if shown else "not_shown") and reach.values["ratios"] == pytest.approx(ratios)
    acc = {cell: result["accuracy"][cell][gap] for cell in result["accuracy"]}
    better = all(acc[k] - acc["SimpleRNN"] >= 0.05 for k in cg.GATED)
    worse = all(acc["SimpleRNN"] - acc[k] >= 0.05 for k in cg.GATED)
    assert accuracy.key == ("gated_better" if better else "rnn_better" if worse else "mixed")


# --- the toy lab ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("settings", LABS)
def test_lab_claims_hold(settings):
    lab = cg.gradient_lab(*settings)
    check_fate(cg.fate(lab.walk.norms), lab.walk.norms)
    check_lab(settings, lab)


def test_default_lab_says_what_it_shows():
    """Default settings: sigma_max > 1 (only the necessary condition), and yet tanh vanishes; at rho = 3 tanh
    saturates and vanishes while the same W_h without saturation explodes."""
    lab = cg.gradient_lab(*DEFAULT_LAB)
    assert cg.pascanu_claim(lab).key == "necessary" and cg.fate(lab.walk.norms).key == "vanish"
    strong = cg.gradient_lab(8, 60, 3.0, "tanh", 0)
    assert cg.saturation_claim(strong).key == "stops" and cg.saturation_claim(strong).values["n"] >= 1


def test_a_gradient_that_survives_is_said_to_grow_or_shrink():
    """Between the bands the verdict still says which way the gradient went: ×86 (linear, rho = 1.2) grows, ×0.014
    (tanh, rho = 1.1) shrinks; each page sentence names the band it stays within."""
    grows, shrinks = (cg.fate(cg.gradient_lab(8, 60, rho, act, 0).walk.norms) for rho, act in ((1.2, "linear"),
                                                                                              (1.1, "tanh")))
    assert (grows.key, grows.values["grows"], shrinks.key, shrinks.values["grows"]) == ("keep", True, "keep", False)
    assert 50 < grows.values["ratio"] < 100 and 0.01 < shrinks.values["ratio"] < 0.02
    for up, down in zip(STRINGS["grad.verdict_keep_up"], STRINGS["grad.verdict_keep_down"]):  # en, ko
        up, down = FORMAT.format(up, **grows.values), FORMAT.format(down, **shrinks.values)
        assert "85.8" in up and "100" in up and "0.0144" in down and "0.01" in down
    with pytest.raises(AssertionError):  # the direction flipped
        check_fate(cg.Claim("keep", grows.values | {"grows": False}),
                   cg.gradient_lab(8, 60, 1.2, "linear", 0).walk.norms)


def test_lab_checks_fail_when_a_claim_is_flipped(monkeypatch):
    lab = cg.gradient_lab(*DEFAULT_LAB)
    with pytest.raises(AssertionError):  # inverted numbers: 1 / norm, a vanished gradient becomes an exploded one
        check_fate(cg.fate(lab.walk.norms), 1 / lab.walk.norms)
    strong = cg.gradient_lab(8, 60, 3.0, "tanh", 0)
    with pytest.raises(AssertionError):  # the saturated and the linear walks exchanged
        check_lab((8, 60, 3.0, "tanh", 0), replace(strong, walk=strong.reference, reference=strong.walk))
    flipped = cg.Claim("sufficient", cg.pascanu_claim(lab).values)
    monkeypatch.setattr(cg, "pascanu_claim", lambda _: flipped)  # Pascanu's condition read the wrong way round
    with pytest.raises(AssertionError):
        check_lab(DEFAULT_LAB, lab)


def check_growth(settings: tuple, lab: cg.GradientLab) -> None:
    """Per step, the product never grows faster than its factors (||AB|| <= ||A|| ||B||); the linear walk's growth
    per step, recomputed here as ||(W_h^T)^k||^(1/k), lies between rho and sigma_max, and the long-run sentence says
    which it is nearer."""
    walk = lab.walk
    for k in range(1, len(walk.norms)):
        claim = cg.growth_claim(walk, k)
        if k == 1:
            assert claim.key == "one"
            continue
        with np.errstate(all="ignore"):
            product, factors = walk.norms[k] ** (1 / k), np.exp(np.mean(np.log(walk.factors[:k])))
        if claim is None:
            assert not (np.isfinite(product) and product > 0 and np.isfinite(factors) and factors > 0)
            continue
        assert claim.key == "many" and claim.values["k"] == k
        assert claim.values["product"] == pytest.approx(product) and claim.values["factors"] == pytest.approx(factors)
        assert claim.values["product"] <= claim.values["factors"] * (1 + 1e-6)
        assert claim.values["total"] == pytest.approx(walk.norms[k])  # the product k steps back, said with its root
        assert claim.values["most"] == pytest.approx(np.prod(walk.factors[:k].astype(np.float64)), rel=1e-5)
        assert claim.values["total"] <= claim.values["most"] * (1 + 1e-5)
    units, steps, rho, _, seed = settings
    W_h = toy_lab(units, steps, rho, "linear", seed)[0].W_h.astype(np.float64)
    k = steps - 1
    per_step = np.linalg.norm(np.linalg.matrix_power(W_h.T, k), 2) ** (1 / k)
    sigma = np.linalg.norm(W_h, 2)
    claim = cg.long_run_claim(lab)
    assert claim.values["k"] == k and claim.values["per_step"] == pytest.approx(per_step, rel=1e-4)
    assert claim.values["rho"] == pytest.approx(rho) and claim.values["sigma"] == pytest.approx(sigma)
    assert rho * (1 - 1e-6) <= per_step <= sigma * (1 + 1e-6)
    assert claim.key == ("closer" if per_step - rho < sigma - per_step else "between")


@pytest.mark.parametrize("settings", LABS)
def test_the_product_per_step_and_the_long_run_hold(settings):
    check_growth(settings, cg.gradient_lab(*settings))


def test_the_growth_checks_fail_when_a_claim_is_flipped(monkeypatch):
    lab = cg.gradient_lab(*DEFAULT_LAB)
    assert cg.long_run_claim(lab).key == "closer"  # the default: 0.912 per step against rho 0.90, sigma_max 1.49
    swapped = replace(lab.walk, norms=np.concatenate([[1.0], np.cumprod(lab.walk.factors)[:-1] * 1.5]))
    with pytest.raises(AssertionError):  # a product that outgrows its factors
        check_growth(DEFAULT_LAB, replace(lab, walk=swapped))
    flipped = cg.Claim("between", cg.long_run_claim(lab).values)
    monkeypatch.setattr(cg, "long_run_claim", lambda _: flipped)
    with pytest.raises(AssertionError):
        check_growth(DEFAULT_LAB, lab)


# --- the trained models on sentences -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def views() -> dict[tuple[str, str], cg.SentenceView]:
    return {(lang, s): cg.sentence_view(lang, s) for lang, s in CASES}


@pytest.mark.parametrize("lang,sentence", CASES, ids=[f"{lang}-{k}" for lang in SENTENCES
                                                      for k in range(len(SENTENCES[lang]))])
def test_sentence_claims_hold(views, lang, sentence):
    view = views[(lang, sentence)]
    assert set(view.readings) == {"SimpleRNN", "LSTM", "GRU"} and not view.faults
    check_sentence(view.claim, view.readings)
    belt = cg.belt_claim(view.readings)
    lstm = view.readings["LSTM"]
    assert belt.values["kept"] == pytest.approx(lstm.forget_path[-1]) and belt.values["steps"] == len(lstm.tokens) - 1


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_default_sentences_show_the_fading(views, lang):
    """The lesson's example (verdict first, a long neutral story after it) shows what the lesson says."""
    assert views[(lang, SENTENCES[lang][0])].claim.key == "shown"


def test_sentences_that_do_not_show_it_say_so(views):
    claims = {case: views[case].claim.key for case in CASES}
    assert "not_shown" in claims.values()  # some sentences do not show it, and the page says so


def test_sentence_check_fails_when_the_claim_is_flipped(views, monkeypatch):
    view = views[("en", SENTENCES["en"][0])]
    swapped = {"SimpleRNN": view.readings["LSTM"], "LSTM": view.readings["SimpleRNN"], "GRU": view.readings["GRU"]}
    with pytest.raises(AssertionError):  # inverted numbers under the same claim
        check_sentence(view.claim, swapped)
    monkeypatch.setattr(cg, "clearly_below", lambda a, b: b * cg.MARGIN <= a)  # the comparison turned around
    with pytest.raises(AssertionError):
        check_sentence(cg.sentence_claim(view.readings), view.readings)


# --- the memory task at its default gap ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def memory() -> dict:
    return cg.train_memory_and_measure(30)


def test_memory_claims_hold_and_show_the_fading(memory):
    reach, accuracy = cg.memory_reach_claim(memory), cg.memory_accuracy_claim(memory)
    check_memory(reach, accuracy, memory)
    assert reach.key == "shown"
    assert min(memory["accuracy"]["GRU"].values()) > memory["chance"]


def test_memory_check_fails_when_the_claim_is_flipped(memory, monkeypatch):
    swapped = {**memory, "reach": {**memory["reach"], "SimpleRNN": memory["reach"]["GRU"],
                                   "GRU": memory["reach"]["SimpleRNN"]}}
    with pytest.raises(AssertionError):
        check_memory(cg.memory_reach_claim(memory), cg.memory_accuracy_claim(memory), swapped)
    monkeypatch.setattr(cg, "clearly_below", lambda a, b: b * cg.MARGIN <= a)
    with pytest.raises(AssertionError):
        check_memory(cg.memory_reach_claim(memory), cg.memory_accuracy_claim(memory), memory)


# --- the page states the claims, and nothing else ----------------------------------------------------------

def test_the_page_states_the_default_claims_and_its_quiz_agrees(views):
    at = open_app("lessons/gradients.py", lang="en")
    shown = texts(at)
    view = views[("en", SENTENCES["en"][0])]
    assert "On this sentence (53 tokens) the fading shows." in shown
    assert "it **vanishes**" in shown and "γ·σ_max = 1.49 > 1, so the gradient may explode, but need not" in shown
    summary = next(m.value for m in at.markdown if m.value.startswith("- **Strength of RNNs:**"))
    assert "**Your sentence:** On this sentence (53 tokens) the fading shows." in summary
    assert "**Your toy RNN** (ρ = 0.90, tanh, T = 60): After 20 steps back" in summary
    assert "Pascanu's factor γ·σ_max = 1.49 > 1 only allows growth" in summary  # vanished all the same
    assert ("Over these 5 steps the product's norm was multiplied by 0.7946 a step (0.7946^5 ≈ 0.3167), the "
            "factors' ‖J‖ by 1.224 (geometric mean; all of them multiplied: 2.744).") in shown
    assert "(the curve “same W_h, linear” above) every factor is the same W_hᵀ, whose norm is σ_max = 1.49" in shown
    assert "Over these 59 steps it is ×0.912, already close to ρ = 0.90." in shown
    small = open_app("lessons/gradients.py", lang="en", rho="0.3")
    low = next(m.value for m in small.markdown if m.value.startswith("- **Strength of RNNs:**"))
    assert "(ρ = 0.30, tanh, T = 60)" in low and "< 1: it must vanish" in low and "it **vanishes**" in low
    q3 = [r for r in at.radio if str(r.key).startswith("quiz_")][2]
    q3.set_value(q3.options.index(cg.most_dependent_on_first(view.readings))).run()
    assert any("Right." in s.value for s in at.success)
    assert cg.most_dependent_on_first(view.readings) != "SimpleRNN"  # agrees with "the fading shows"


@pytest.mark.parametrize("rho,activation", [(0.9, "tanh"), (1.5, "tanh"), (2.5, "relu"), (0.9, "linear"),
                                            (1.2, "relu")])
def test_the_quiz_asks_about_another_fate_and_says_when_a_curved_activation_tamed_rho(rho, activation):
    """The quiz's ρ meets another fate than the page's when one of ASKED_RHOS does; its fate is recomputed here, and
    'tamed' (ρ > 1 yet no explosion, under tanh or ReLU) is said exactly when it holds; flipped, this fails."""
    settings = (8, 60, rho, activation, 0)
    shown = cg.fate(cg.gradient_lab(*settings).walk.norms).key
    claim = cg.asked_fate(shown, *settings)
    asked = claim.values["rho"]
    assert asked in cg.ASKED_RHOS and asked != rho
    again = cg.fate(cg.gradient_lab(8, 60, asked, activation, 0).walk.norms)
    assert claim.key == again.key and claim.values["ratio"] == pytest.approx(again.values["ratio"])
    others = [r for r in cg.ASKED_RHOS if r != rho
              and cg.fate(cg.gradient_lab(8, 60, r, activation, 0).walk.norms).key != shown]
    assert (claim.key != shown) == bool(others)
    assert claim.values["tamed"] == (asked > 1 and claim.key != "explode" and activation != "linear")
