"""Lesson 5: backpropagation through time, and why the gradient vanishes or explodes.

Every sentence stating a number comes from a Claim of ui.compute_gradients; this page only arranges them.
"""
from __future__ import annotations

import streamlit as st

from ui import figures, linechart, state
from ui.compute_gradients import (EXPLODED, MARGIN, VANISHED, Claim, GradientLab, SentenceView, TooManyJobs,
                                  asked_fate, asked_limit, belt_claim, clipping, fate,
                                  gradient_lab, growth_claim, long_run_claim, memory_accuracy_claim, memory_job,
                                  memory_reach_claim, most_dependent_on_first, on_the_last_word, pascanu_claim, place,
                                  relation, saturation_claim, sentence_view, start_memory, times_text)
from ui.fragments import fragment
from ui.i18n import t
from ui.layout import chart, follow, lesson_header, main_view, presenting, sentence_input, show_param_notices
from ui.models import fault_message
from ui.quiz import Question, asked_at, question, quiz
from ui.stepper import stepper

TOP = 278  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)
LAB, QUIZ, END = "grad_lab", "grad_quiz", "grad_end"  # fragments: the toy lab (controls, walk back, clipping); the
# quiz (asked at settings of its own: a slider does not rerun it); the summary (it follows the toy lab)
SHOWN = "grad_shown"  # session key: (settings, lab, clip) as the toy lab last drew them, for the quiz and summary

ACTIVATIONS = ("tanh", "relu", "linear")

DEFAULT_SENTENCE = {  # the verdict in the first word, then a long neutral story: a long-range dependence
    "en": "awful. i saw it on a rainy sunday afternoon with two friends, we bought popcorn and sat in the back row, "
          "the cinema was half empty and the sound was a bit too loud, and after the film we walked home through "
          "the old part of town and talked about it for hours",
    "ko": "최악이다. 주말에 친구들과 함께 극장에 가서 이 영화를 보았는데 상영 시간은 두 시간 정도였고 배우들은 대부분 "
          "낯익은 얼굴이었으며 음악과 촬영도 유명한 사람들이 맡았다고 한다"}


def act_name(activation: str) -> str:
    """An activation as the page names it: tanh, ReLU, linear (선형 in Korean)."""
    return t(f"grad.act.{activation}")


def controls(big: bool) -> tuple[int, int, float, str, int]:
    """(units, steps, rho, activation, seed), in the order gradient_lab takes them; one row when presenting."""
    for key, url_key in (("grad_rho", "rho"), ("grad_act", "act"), ("grad_steps", "steps"),
                         ("grad_units", "gunits"), ("grad_seed", "seed")):
        state.init(key, url_key)
    if big:
        rho_at, act_at, steps_at, units_at, seed_at = st.columns([3, 3.3, 2.4, 2.1, 1.5], vertical_alignment="bottom")
    else:
        rho_at, steps_at, seed_at = st.columns(3)
        act_at, units_at = rho_at, steps_at
    moved = {"on_change": follow, "args": (LAB, END)}  # the lab, the summary and the sidebar's link redraw
    rho = rho_at.slider(t("grad.rho"), 0.1, 3.0, step=0.05, key="grad_rho", help=t("grad.rho_help"), **moved)
    activation = act_at.radio(t("grad.activation"), ACTIVATIONS, key="grad_act", horizontal=True, format_func=act_name,
                              **moved)
    steps = steps_at.slider(t("grad.steps"), 5, 300, key="grad_steps", **moved)
    units = units_at.slider(t("grad.units"), 2, 32, key="grad_units", **moved)
    seed = seed_at.number_input(t("grad.seed"), 0, 9999, key="grad_seed", **moved)
    state.write(rho=rho, act=activation, steps=steps, gunits=units, seed=seed)
    return units, steps, rho, activation, int(seed)


def verdict(claim: Claim) -> str:
    direction = ("_up" if claim.values["grows"] else "_down") if claim.key == "keep" else ""
    return t(f"grad.verdict_{claim.key}{direction}", **claim.values)


def follow_back(lab: GradientLab, big: bool) -> None:
    """Step back from h_T one Jacobian at a time: the counter, the norm curves (the main figure) marked at k,
    then Pascanu's conditions and the saturation, each with this W_h's numbers."""
    if not big:
        st.subheader(t("grad.figure"))  # when presenting, the counter above the figure says it
    distances = [f"t = T − {k}" for k in range(1, len(lab.walk.norms))]
    stepper("grad_k", distances, lambda k: draw_distance(lab, k, big), url_key="k", frame=lambda: main_view(above=TOP),
            then=lambda k: growth_line(lab, k))
    st.caption(t("grad.caption"))
    long_run = long_run_claim(lab)
    if long_run is not None:
        linear = act_name("linear")  # the curve as the legend names it: the chosen one, or the reference beside it
        curve = t("grad.curve", name=linear if long_run.values["linear"] else t("grad.reference", act=linear))
        st.markdown(t(f"grad.long_run_{long_run.key}", **long_run.values | dict(curve=curve)))
    if any(figures.clip_for_log_plot(v)[1] for v in (lab.walk.norms, lab.reference.norms, lab.bound)):
        st.caption(t("grad.clipped_plot"))
    conditions = pascanu_claim(lab)
    st.markdown(t(f"grad.pascanu_{conditions.key}",
                  **conditions.values | dict(outcome=t(f"grad.word_{conditions.values['outcome']}"))))
    if conditions.values["under"]:
        st.caption(t("grad.under"))
    side = saturation_claim(lab)
    v = side.values | dict(act=act_name(side.values["act"]), ref=act_name(side.values["ref"]))
    none = "_none" if v["none"] and side.values["act"] != "linear" else ""
    line = t(f"grad.sat_{side.values['act']}{none}", **v) + " " + t("grad.side", **v | dict(
        fate=t(f"grad.short_{v['fate']}"), ref_fate=t(f"grad.short_{v['ref_fate']}")))
    st.markdown(line + (" " + t("grad.stops", act=v["act"]) if side.key == "stops" else ""))
    st.markdown(verdict(fate(lab.walk.norms)))


def draw_distance(lab: GradientLab, k: int, big: bool) -> None:
    counter = t("grad.counter_one" if k == 1 else "grad.counter", k=k, factor=float(lab.walk.factors[k - 1]),
                product=float(lab.walk.norms[k]))
    st.markdown(f"### {counter}")
    reference = t("grad.reference", act=act_name(lab.reference.activation))
    bound = t("grad.bound", factor=lab.factor)  # its number beside ρ's: why the bound climbs while ρ < 1
    curves = {act_name(lab.walk.activation): lab.walk.norms, reference: lab.reference.norms, bound: lab.bound}
    rules = ((VANISHED, t("grad.rule_vanish", low=VANISHED), "#0072B2"),
             (EXPLODED, t("grad.rule_explode", high=EXPLODED), "#D55E00"))  # the lines this lesson's verdicts use
    st.html(linechart.lines(curves, None, t("grad.y"), t("grad.x"), big=big, log=True, marker=k, split=1.0,
                            dashed=(reference,), dotted=(bound,), colours={bound: "#555555"}, rules=rules))


def growth_line(lab: GradientLab, k: int) -> None:
    """Under the figure, k steps back: the factors per step against the product per step."""
    claim = growth_claim(lab.walk, k)
    if claim is not None:
        st.caption(t(f"grad.growth_{claim.key}", **claim.values))


def clip_controls(lab: GradientLab) -> Claim:
    """The clipping controls and their effect; returns the clipping claim (norm before and after)."""
    st.subheader(t("grad.clip"))
    left, right = st.columns(2)
    moved = {"on_change": follow, "args": (LAB, END)}  # the summary says the clipped norm too
    on = left.toggle(t("grad.clip_on"), value=True, key="grad_clip", **moved)
    c = right.slider(t("grad.clip_max"), 0.1, 10.0, 1.0, step=0.1, key="grad_clip_max", disabled=not on, **moved)
    claim = clipping(lab, c, on)
    norm, after = claim.values["norm"], claim.values["after"]
    st.markdown(t("grad.clip_body", norm=norm, step=0.1 * norm))
    st.write(t("grad.clip_after", after=after, step=0.1 * after) if on else t("grad.clip_off"))
    return claim


def sentence_text(claim: Claim) -> str:
    """The sentence claim in words: each model's first word against its last, as "n× more/less"."""
    rel = {kind: relation(r) for kind, r in claim.values["ratios"].items()}
    words = {kind: t(f"grad.{r.key}", **r.values) for kind, r in rel.items()}
    others = t("grad.other_sep").join(t("grad.other", model=kind, rel=words[kind]) for kind in words
                                      if kind != "SimpleRNN")
    return t(f"grad.sentence_{claim.key}", T=claim.values["T"], first=claim.values["first"],
             last=claim.values["last"], rnn=words["SimpleRNN"], others=others, margin=MARGIN,
             below=", ".join(claim.values["below"]), least=times_text(claim.values["least"], down=True))


def trained_models(big: bool) -> SentenceView:
    """The trained models on the learner's sentence: each word's pull on the verdict, what carries the gradient."""
    st.subheader(t("grad.trained"))
    st.write(t("grad.trained_body"))
    view = sentence_view(st.session_state.get("lang", "en"),
                         sentence_input("grad_sentence", t("grad.sentence"), DEFAULT_SENTENCE))
    for name, err in view.faults.items():
        st.error(fault_message(name, err), icon=":material/warning:")
    if not view.readings:
        st.info(t("grad.trained_empty"))
        return view
    longest, aligned = on_the_last_word(view.readings)
    st.html(linechart.lines(aligned, longest, t("grad.dependence_y"), t("axis.token"), big=big, log=True))
    if view.claim is not None:
        st.markdown(sentence_text(view.claim))
    st.markdown(f"**{t('grad.state_figure')}**")
    st.caption(t("grad.state_body"))
    curves = {}
    for kind, r in view.readings.items():
        curves[t("grad.state_lstm") if kind == "LSTM" else kind] = (r.state_distances, r.state_norms)
        if r.forget_path is not None:
            curves[t("grad.state_belt")] = r.forget_path
    st.html(linechart.lines(curves, None, t("grad.state_y"), t("grad.x"), big=big, log=True, split=1.0,
                            dashed=(t("grad.state_belt"),), colours={t("grad.state_belt"): figures.OKABE_ITO[1]}))
    # the belt is the LSTM's own path: its orange, dashed; every cell keeps the colour of the chart above
    belt = belt_claim(view.readings)
    if belt is not None:
        st.markdown(t("grad.belt_line", **belt.values))
    return view


def memory_task(big: bool) -> tuple[int, dict | None, bool]:
    """The live memory task: (the longest gap chosen, the finished result or None, whether it is training)."""
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
            return max_distance, None, False
    if job is None:
        return max_distance, None, False
    if job.state == "failed":
        st.warning(t("grad.memory_failed", why=job.error))
        return max_distance, None, False
    if job.active:  # it runs apart from this page: touching a control never loses it; poll once a second
        fragment(memory_progress, run_every=1.0)(max_distance)
        return max_distance, None, True
    right.caption(t("grad.memory_cached"))
    draw_memory(job.result, big)
    return max_distance, job.result, False


def memory_progress(max_distance: int) -> None:
    """The training's place in line or its progress; a full rerun draws the result once it is done."""
    job = memory_job(max_distance)
    if job is None:
        return
    if job.state == "queued":
        st.info(t("grad.memory_queued", n=place(job) + 1), icon=":material/hourglass_top:")
    elif job.state == "running":
        st.progress(job.fraction, t("grad.memory_progress", cell=job.label or "…"))
    else:
        st.rerun(scope="app")  # done or failed: stop polling, the whole page draws it


def memory_lines(result: dict) -> tuple[str, str]:
    """(the reach claim, the accuracy claim) in words."""
    reach, acc = memory_reach_claim(result), memory_accuracy_claim(result)
    r, a = reach.values["ratios"], acc.values["acc"]
    return (t(f"grad.memory_{reach.key}", gap=reach.values["gap"], rnn=r["SimpleRNN"], lstm=r["LSTM"], gru=r["GRU"],
              margin=MARGIN),
            t(f"grad.memory_acc_{acc.key}", gap=acc.values["gap"], rnn=a["SimpleRNN"], lstm=a["LSTM"], gru=a["GRU"],
              chance=acc.values["chance"]))


def draw_memory(result: dict, big: bool) -> None:
    gaps = result["distances"]
    accuracy = {cell: [result["accuracy"][cell][d] for d in gaps] for cell in result["accuracy"]}
    accuracy[t("grad.memory_chance")] = [result["chance"]] * len(gaps)
    chart(figures.reach_by_gap(accuracy, gaps, t("grad.memory_x"), t("grad.memory_y"), big, log=False))
    reach = {cell: [result["reach"][cell][d] for d in gaps] for cell in result["reach"]}
    chart(figures.reach_by_gap(reach, gaps, t("grad.memory_x"), t("grad.memory_reach_y"), big))
    st.markdown(" ".join(memory_lines(result)))


def questions(lab: GradientLab, settings: tuple, c: float, view: SentenceView) -> list[Question]:
    """Each asks about a setting the page did not show when asked (another ρ, another c): the learner answers,
    then moves the slider to see it."""
    units, steps, rho, activation, seed = settings
    outcome = asked_fate(fate(lab.walk.norms).key, *settings)
    outcomes = {w: t(f"quiz.grad.{w}") for w in ("vanish", "keep", "explode")}
    norm, c = clipping(lab, c, True).values["norm"], asked_limit(c)
    why = t("quiz.grad.q1_why", **outcome.values) + (" " + t("quiz.grad.q1_tamed") if outcome.values["tamed"] else "")
    asked = [
        question(t("quiz.grad.q1", rho=outcome.values["rho"], k=outcome.values["k"]),
                 outcomes[outcome.key], list(outcomes.values()), why),
        question(t("quiz.grad.q2", norm=norm, c=c, section=t("grad.clip")), f"{min(norm, c):.3g}",
                 [f"{norm:.3g}", f"{norm / c:.3g}", f"{c / 2:.3g}", "0"], t("quiz.grad.q2_why")),
    ]
    if len(view.readings) >= 2:
        ratios = ", ".join(f"{kind} {r.first_to_last:.3g}" for kind, r in view.readings.items())
        asked.append(question(t("quiz.grad.q3"), most_dependent_on_first(view.readings), list(view.readings),
                              t("quiz.grad.q3_why", values=ratios)))
    return asked


def drawn_now() -> tuple:
    """The toy lab's settings and clip limit as drawn now: (units, steps, rho, activation, seed, c)."""
    settings, _, clip = st.session_state[SHOWN]
    return (*settings, clip.values["c"])


def asked_quiz(view: SentenceView) -> None:
    """The quiz, asked at settings it keeps (ui.quiz.asked_at): its numbers stay while the learner moves the
    sliders to check an answer, so an answer is not lost by checking it."""
    *settings, c = asked_at("grad", drawn_now)
    units, steps, rho, activation, seed = settings
    intro = t("quiz.grad.asked", rho=rho, act=act_name(activation), T=steps, D=units, seed=seed)
    quiz("grad", questions(gradient_lab(*settings), tuple(settings), c, view), intro=intro, now=drawn_now)


def summary(lab: GradientLab, rho: float, activation: str, clip: Claim, view: SentenceView, max_distance: int,
            memory: dict | None, training: bool) -> None:
    """What the lesson showed: one line per view, each built from its claims."""
    st.subheader(t("grad.summary"))
    lines = [t("grad.sum.strength"),
             t("grad.sum.lab", rho=rho, act=act_name(activation), T=len(lab.walk.norms),
               verdict=verdict(fate(lab.walk.norms)),
               pascanu=t(f"grad.sum.pascanu_{pascanu_claim(lab).key}", product=lab.factor)),
             t(f"grad.sum.{clip.key}", **clip.values)]
    if view.claim is not None:
        lines.append(t("grad.sum.sentence", claim=sentence_text(view.claim)))
    if memory is None:
        lines.append(t("grad.sum.memory_running" if training else "grad.sum.memory_missing", max=max_distance))
    else:
        reach, acc = memory_lines(memory)
        lines.append(t("grad.sum.memory", max=max_distance, reach=reach, acc=acc))
    lines.append(t("grad.sum.cure"))
    st.markdown("\n".join(f"- {line}" for line in lines))


def toy_lab(big: bool) -> None:
    """The settings and all they change on the toy network (the walk back, clipping), in one fragment: a slider
    moved reruns this part and the summary (END), not the trained models, the memory task and the quiz between."""
    settings = controls(big)
    lab = gradient_lab(*settings)
    follow_back(lab, big)
    st.session_state[SHOWN] = (settings, lab, clip_controls(lab))


def closing(view: SentenceView, max_distance: int, memory: dict | None, training: bool) -> None:
    """The summary, from the toy lab as last drawn and the sections between (as the last full run drew them)."""
    settings, lab, clip = st.session_state[SHOWN]
    summary(lab, settings[2], settings[3], clip, view, max_distance, memory, training)


def render() -> None:
    notices, _ = lesson_header(t("grad.title"), t("grad.intro"))
    big = presenting()
    fragment(toy_lab, key=LAB)(big)
    view = trained_models(big)
    max_distance, memory, training = memory_task(big)
    fragment(asked_quiz, key=QUIZ)(view)
    fragment(closing, key=END)(view, max_distance, memory, training)
    show_param_notices(notices)


render()
