"""Lesson 5: backpropagation through time, and why the gradient vanishes or explodes."""
from __future__ import annotations

import numpy as np
import streamlit as st

from rnn_core.bptt import clip_by_global_norm, global_norm
from rnn_core.sentiment import CELLS
from ui import figures, state
from ui.compute import GradientLab, gradient_lab_run, trained_gradient_norms
from ui.i18n import t
from ui.live_training import TooManyJobs, memory_job, place, start_memory
from ui.layout import lesson_header, main_height, main_view, presenting, sentence_input, show_param_notices
from ui.models import ModelFileError, fault_message
from ui.quiz import Question, question, quiz
from ui.stepper import stepper

ACTIVATIONS = ("tanh", "relu", "linear")
VERDICT_DISTANCE = 20
HEARD = 0.01  # a gradient norm below this, relative to the last step, no longer teaches the network much
CHART = {"displaylogo": False}
DEFAULT_SENTENCE = {"en": "the movie was not fun at all, although the actors tried their best",
                    "ko": "배우들은 열심히 했지만 영화는 전혀 재미없었다"}


def controls(big: bool) -> tuple[int, int, float, str, int]:
    """(units, steps, rho, activation, seed), in the order gradient_lab_run takes them; one row when presenting."""
    for key, url_key in (("grad_rho", "rho"), ("grad_act", "act"), ("grad_steps", "steps"),
                         ("grad_units", "gunits"), ("grad_seed", "seed")):
        state.init(key, url_key)
    if big:
        rho_at, act_at, steps_at, units_at, seed_at = st.columns([3, 2.4, 3, 2.4, 1.6], vertical_alignment="bottom")
    else:
        rho_at, steps_at, seed_at = st.columns(3)
        act_at, units_at = rho_at, steps_at
    rho = rho_at.slider(t("grad.rho"), 0.1, 3.0, step=0.05, key="grad_rho", help=t("grad.rho_help"))
    activation = act_at.radio(t("grad.activation"), ACTIVATIONS, key="grad_act", horizontal=True)
    steps = steps_at.slider(t("grad.steps"), 5, 300, key="grad_steps")
    units = units_at.slider(t("grad.units"), 2, 32, key="grad_units")
    seed = seed_at.number_input(t("grad.seed"), 0, 9999, key="grad_seed")
    state.write(rho=rho, act=activation, steps=steps, gunits=units, seed=seed)
    return units, steps, rho, activation, int(seed)


def verdict(norms: np.ndarray) -> str:
    what, k, ratio = fate(norms)
    return t(f"grad.verdict_{what}", k=k, ratio=ratio if np.isfinite(ratio) else float("inf"))


def follow_back(lab: GradientLab, big: bool) -> None:
    """Step back from h_T one Jacobian at a time: the counter, the norm curve (the main figure) marked at k."""
    if not big:
        st.subheader(t("grad.figure"))  # when presenting, the counter above the figure says it
    distances = [f"t = T − {k}" for k in range(1, len(lab.norms))]
    stepper("grad_k", distances, lambda k: draw_distance(lab, k, big), url_key="k", frame=main_view)
    st.caption(t("grad.caption"))
    if figures.clip_for_log_plot(lab.norms)[1] or figures.clip_for_log_plot(lab.bound)[1]:
        st.caption(t("grad.clipped_plot"))
    st.markdown(verdict(lab.norms))


def draw_distance(lab: GradientLab, k: int, big: bool) -> None:
    st.markdown(f"### {t('grad.counter', k=k, factor=float(lab.factors[k - 1]), product=float(lab.norms[k]))}")
    st.plotly_chart(figures.gradient_norms({"SimpleRNN": lab.norms}, t("grad.x"), t("grad.y"), lab.bound,
                                           t("grad.bound"), big, marker=k, height=main_height(big)),
                    width="stretch", config=CHART)


def clipping(lab: GradientLab) -> tuple[float, float]:
    """The clipping controls and their effect; returns (the gradient's norm, the limit)."""
    st.subheader(t("grad.clip"))
    left, right = st.columns(2)
    on = left.toggle(t("grad.clip_on"), value=True, key="grad_clip")
    c = right.slider(t("grad.clip_max"), 0.1, 10.0, 1.0, step=0.1, key="grad_clip_max", disabled=not on)
    clipped, norm = clip_by_global_norm(list(lab.weight_grads), c)
    st.markdown(t("grad.clip_body", norm=norm, step=0.1 * norm))
    if on:
        after = global_norm(clipped)
        st.write(t("grad.clip_after", after=after, step=0.1 * after))
    else:
        st.write(t("grad.clip_off"))
    return float(norm), float(c)


def trained_models(big: bool) -> dict[str, np.ndarray]:
    """The trained models' curves on the learner's sentence; returns {cell: norms by distance}."""
    st.subheader(t("grad.trained"))
    st.write(t("grad.trained_body"))
    lang = st.session_state.get("lang", "en")
    text = sentence_input("grad_sentence", t("grad.sentence"), DEFAULT_SENTENCE)
    curves = {}
    for key, kind in CELLS.items():
        try:
            norms = trained_gradient_norms(f"{lang}-{key}", text)
        except ModelFileError as err:
            st.error(fault_message(f"{lang}-{key}", err), icon=":material/warning:")
            continue
        if norms is not None:
            curves[kind] = norms
    if not curves:
        st.info(t("grad.trained_empty"))
        return curves
    st.plotly_chart(figures.gradient_norms(curves, t("grad.x"), t("grad.y"), big=big), width="stretch",
                    config={"displaylogo": False})
    for kind, norms in curves.items():
        st.caption(t("grad.hears", model=kind, k=int(np.sum(norms >= HEARD)) - 1))
    return curves


def fate(norms: np.ndarray) -> tuple[str, int, float]:
    """(what happens to the gradient VERDICT_DISTANCE steps back, that distance, its norm there)."""
    k = min(VERDICT_DISTANCE, len(norms) - 1)
    ratio = float(norms[k])
    if not np.isfinite(ratio) or ratio > 100:
        return "explode", k, ratio
    return ("vanish" if ratio < HEARD else "keep"), k, ratio


def questions(lab: GradientLab, rho: float, activation: str, norm: float, c: float,
              curves: dict[str, np.ndarray]) -> list[Question]:
    what, k, ratio = fate(lab.norms)
    outcomes = {w: t(f"quiz.grad.{w}") for w in ("vanish", "keep", "explode")}
    asked = [
        question(t("quiz.grad.q1", rho=rho, act=activation, steps=len(lab.norms), k=k), outcomes[what],
                 list(outcomes.values()), t("quiz.grad.q1_why", ratio=ratio)),
        question(t("quiz.grad.q2", norm=norm, c=c), f"{min(norm, c):.3g}",
                 [f"{norm:.3g}", f"{norm / c if c else norm:.3g}", f"{c / 2:.3g}"], t("quiz.grad.q2_why")),
    ]
    if len(curves) >= 2:
        first = {kind: float(norms[-1]) for kind, norms in curves.items()}
        asked.append(question(t("quiz.grad.q3"), max(first, key=first.get), list(first),
                              t("quiz.grad.q3_why", values=", ".join(f"{k} {v:.2e}" for k, v in first.items()))))
    return asked


def memory_task(big: bool) -> None:
    st.subheader(t("grad.memory"))
    st.write(t("grad.memory_body"))
    left, right = st.columns([1, 2], vertical_alignment="bottom")
    max_distance = left.select_slider(t("grad.memory_max"), [10, 20, 30, 40], value=30, key="grad_memory_max")
    job = memory_job(max_distance)
    if (job is None or job.state == "failed") and right.button(t("grad.memory_run"), type="primary"):
        try:
            job = start_memory(max_distance)
        except TooManyJobs:
            st.warning(t("grad.memory_too_many"))
            return
    if job is None:
        return
    if job.state == "done":
        right.caption(t("grad.memory_cached"))
    watch = st.fragment(memory_progress, run_every=1.0 if job.active else None)
    watch(max_distance, big)


def memory_progress(max_distance: int, big: bool) -> None:
    """The training's place, progress or result; polled once a second while it runs (it runs apart from
    this page, so touching a control never loses it)."""
    job = memory_job(max_distance)
    if job is None:
        return
    if job.state == "queued":
        st.info(t("grad.memory_queued", n=place(job) + 1), icon=":material/hourglass_top:")
    elif job.state == "running":
        st.progress(job.fraction, t("grad.memory_progress", cell=job.label or "…"))
    elif job.state == "failed":
        st.warning(t("grad.memory_failed", why=job.error))
    else:
        if st.session_state.get("grad_memory_seen") != max_distance:
            st.session_state.grad_memory_seen = max_distance
            st.rerun(scope="app")  # stop polling: the whole page draws the finished result
        result = job.result
        distances = result["distances"]
        curves = {cell: np.array([acc[str(d)] for d in distances]) for cell, acc in result["results"].items()}
        curves[t("grad.memory_chance")] = np.full(len(distances), result["chance"])
        st.plotly_chart(figures.lines_over_tokens(curves, [str(d) for d in distances], t("grad.memory_y"), (0, 1.05),
                                                  big=big, x_title=t("grad.memory_x")), width="stretch", config=CHART)


def render() -> None:
    notices, _ = lesson_header(t("grad.title"), t("grad.intro"))
    big = presenting()
    units, steps, rho, activation, seed = controls(big)
    lab = gradient_lab_run(units, steps, rho, activation, seed)
    follow_back(lab, big)
    norm, c = clipping(lab)
    curves = trained_models(big)
    memory_task(big)
    quiz("grad", questions(lab, rho, activation, norm, c, curves))
    st.subheader(t("grad.summary"))
    st.markdown(t("grad.summary_body"))
    show_param_notices(notices)


render()
