"""Lesson 7: type a sentence, three trained models judge it; see how, word by word, and check it against Keras."""
from __future__ import annotations

from contextlib import nullcontext

import numpy as np
import streamlit as st

from rnn_core.sentiment import CELLS, label_of
from rnn_core.text import script_of
from ui import linechart, matrices, state
from ui import compute
from ui.i18n import t
from ui.layout import (code, lesson_header, main_view, markdown_table, presenting,
                       show_param_notices, verdict_metric)
from ui.compute_korean import MORPHEME_MODEL, morpheme_verdict
from ui.models import ModelFileError, TwinError, keras_probability, sentiment_model, show_fault
from ui.quiz import Question, question, quiz, verdict_word

TOP = 126  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

EXAMPLES = {
    "en": ["the movie was not fun.", "not bad at all", "the cast is good but the script is awful",
           "absolutely brilliant, i loved every minute of it!", "i wanted to like it, but it was boring"],
    "ko": ["영화가 정말 재밌어요", "나쁘지 않았어요", "배우는 좋은데 스토리가 엉망이다",
           "처음엔 지루했지만 결말이 정말 좋았다", "기대했는데 실망했다"],
}


def controls(big: bool) -> tuple[str, str, str, object]:
    """(model language, text, focus cell key, where the verdicts go) from the widgets, first filled from the URL.

    When presenting: the choices on one row, the sentence box beside the verdicts on the next.
    """
    if "demo_lang" not in st.session_state:
        st.session_state.demo_lang = st.session_state.get("lang", "en")
    state.init("demo_model", "model")
    if "demo_text" not in st.session_state:
        st.session_state.demo_text = state.read("sentence") or EXAMPLES[st.session_state.demo_lang][0]

    def use_example():
        st.session_state.demo_text = st.session_state.demo_example

    left, right, *last = st.columns([1.1, 2, 1.6] if big else [1, 2])
    languages = {k: t(f"lang.{k}") for k in ("en", "ko")}
    lang = left.radio(t("demo.model_language"), tuple(languages), key="demo_lang", horizontal=True,
                      format_func=languages.get)
    right.selectbox(t("demo.example"), EXAMPLES[lang], index=None, key="demo_example", on_change=use_example,
                    placeholder=t("demo.example_placeholder"))
    text_at, verdicts_at = st.columns([2, 3], vertical_alignment="bottom") if big else (st, nullcontext())
    text_at.text_area(t("demo.text"), key="demo_text", height=68 if big else 90)
    focus = (last[0] if big else st).radio(t("demo.model"), tuple(CELLS), key="demo_model", horizontal=True,
                                           format_func=lambda k: CELLS[k])
    return lang, st.session_state.demo_text, focus, verdicts_at


def read_all(lang: str, text: str) -> tuple[dict, dict]:
    """(card, reading) of every model of the language that can be used, by cell key; faults shown once."""
    cards, readings = {}, {}
    for key in CELLS:
        name = f"{lang}-{key}"
        try:
            cards[key], readings[key] = sentiment_model(name).card, compute.reading(name, text)
        except ModelFileError as err:
            show_fault(name, err)
    return cards, readings


def input_notices(text: str, lang: str) -> str:
    """Cut an oversized paste and say so; warn when the text is in the other language."""
    if len(text) > state.MAX_TEXT:
        st.warning(t("demo.input_cut", n=state.MAX_TEXT))
        text = state.cut(text)
    script = script_of(text)
    if script and script != lang:
        st.warning(t("demo.wrong_language", other=t(f"lang.{script}"), mine=t(f"lang.{lang}")),
                   icon=":material/translate:")
    return text


def verdicts(cards: dict, readings: dict, big: bool) -> None:
    """One metric per cell, side by side: its verdict and p(positive)."""
    if not big:  # presenting, the three metrics speak for themselves
        st.subheader(t("demo.side_by_side"))
    for column, (key, reading) in zip(st.columns(len(readings)), readings.items()):
        p = reading.probability
        verdict = t("demo.verdict_pos" if label_of(p) == "pos" else "demo.verdict_neg")
        accuracy = cards[key].metrics.get("test_accuracy")
        verdict_metric(column, CELLS[key], verdict, p,
                       help=f"{t('demo.test_accuracy')}: {accuracy}" if accuracy else None)


def keras_badge(name: str, reading) -> None:
    try:
        with st.spinner(t("demo.keras_loading")):
            diff = abs(keras_probability(name, reading.ids) - reading.probability)
    except TwinError as err:  # busy, hung, or refused: the NumPy verdict above stands
        st.caption(t("demo.keras_unavailable", why=t(f"twin.{err.reason}")))
        return
    except Exception as err:  # Keras missing or the file unreadable: the demo itself still works
        st.caption(t("demo.keras_unavailable", why=type(err).__name__))
        return
    if diff <= 1e-5:
        st.success(t("demo.keras_badge_ok", diff=diff), icon=":material/check_circle:")
    else:
        st.warning(t("demo.keras_badge_bad", diff=diff))


def build_up(readings: dict, big: bool) -> None:
    """p(positive) after each word, the three cells on one chart (the main figure)."""
    st.markdown(f"**{t('demo.buildup')}**")
    curves = {CELLS[k]: r.prefix_probabilities for k, r in readings.items()}
    tokens = max((r.tokens for r in readings.values()), key=len, default=[])
    st.html(linechart.lines(curves, tokens, t("axis.p_positive"), t("axis.token"), (0.0, 1.0), 0.5, big))


def explain(name: str, text: str, reading) -> None:
    """The push of every token and the token table."""
    big = presenting()
    st.subheader(t("demo.push"))
    explained = compute.pushes(name, text)
    st.html(matrices.bars(explained.tokens, explained.pushes, t("axis.push"), True, big))
    st.caption(t("demo.push_caption"))
    st.subheader(t("demo.tokens"))
    st.html(matrices.token_chips(reading.tokens, reading.ids.tolist(), big))
    st.caption(t("demo.tokens_caption"))


NEGATED = {"en": "not bad at all", "ko": "나쁘지 않았어요"}


def questions(card, readings: dict, tokens: list[str], pushes: np.ndarray) -> list[Question]:
    asked = []
    if len(set(tokens)) >= 2:
        top = int(np.argmax(np.abs(pushes)))
        others = [f"`{w}`" for w in dict.fromkeys(tokens) if w != tokens[top]][:3]
        asked.append(question(t("quiz.demo.q1", model=card.cell), f"`{tokens[top]}`", others,
                              t("quiz.demo.q1_why", delta=float(pushes[top]))))
    labels = {label_of(r.probability) for r in readings.values()}
    asked.append(question(t("quiz.demo.q2"), t("quiz.yes" if len(labels) == 1 else "quiz.no"),
                          [t("quiz.yes"), t("quiz.no")],
                          t("quiz.demo.q2_why", values=", ".join(f"{CELLS[k]} {r.probability:.3f}"
                                                                 for k, r in readings.items()))))
    sentence = NEGATED[card.language]
    p = compute.reading(card.name, sentence).probability
    asked.append(question(t("quiz.demo.q3", model=card.name, sentence=sentence), verdict_word(p),
                          [t("quiz.positive"), t("quiz.negative")], t("quiz.gates.q3_why", p=p)))
    return asked


def model_card(card) -> None:
    """The card of the model in focus: data, settings, measured metrics and file hashes. Text copied from the
    card file (its data notes, optimizer and command) is shown verbatim as code, in the card's own words."""
    short = card.metrics.get("short_sentences", {})
    rows = {
        t("card.data"): " · ".join(f"{t(SPLITS[k]) if k in SPLITS else k}: {code(v)}" for k, v in card.data.items()),
        t("card.layers"): code(f"Embedding({card.vocab_size}, {card.embedding_dim}, mask_zero=True) → "
                               f"{card.cell}({card.units}) → Dense(1, sigmoid)"),
        t("card.tokens"): t("card.tokens_value", scheme=t(f"card.scheme.{card.scheme}"), vocab=card.vocab_size,
                            maxlen=card.maxlen, cut=t(f"card.cut.{card.truncating}")),
        t("card.parameters"): f"{card.parameters:,}",
        t("card.training"): t("card.training_value", run=card.training.get("epochs_run"),
                              best=card.training.get("best_epoch"), seconds=card.training.get("seconds"),
                              optimizer=code(card.training.get("optimizer", ""))),
        t("card.validation"): ", ".join(f"{code(k.removeprefix('validation_').removesuffix('_accuracy'))} {v:.4f}"
                                        for k, v in card.metrics.items() if k.startswith("validation_")),
        t("card.test"): f"{card.metrics.get('test_accuracy', float('nan')):.4f} (n = {card.metrics.get('test_size')})",
        t("card.short"): f"{short.get('accuracy', float('nan')):.4f} (n = {short.get('count')})",
        "sha256": " · ".join(f"{code(k)}: {code(v[:16] + '…')}" for k, v in card.sha256.items()),
        t("card.command"): code(card.training.get("command", "")),
    }
    st.markdown(markdown_table((t("card.field"), t("card.value")), rows.items()))
    if short.get("wrong"):
        st.caption(t("card.short_wrong", sentences=" · ".join(short["wrong"])))


SPLITS = {"train": "card.split.train", "validation": "card.split.validation", "test": "card.split.test"}


def render() -> None:
    notices, _ = lesson_header(t("demo.title"), t("demo.intro"))
    with main_view(above=TOP):
        answer = answer_view()
    show_param_notices(notices)
    if answer is None:
        return
    card, text, read, readings, cards = answer
    st.caption(t("demo.buildup_caption"))
    keras_badge(card.name, read)
    explained = compute.pushes(card.name, text)  # predict first: the push chart below shows the answer
    quiz("demo", questions(card, readings, explained.tokens, explained.pushes), before_answers=True)
    explain(card.name, text, read)
    with st.expander(t("demo.card")):
        model_card(card)
    names = tuple(c.name for c in cards.values())
    if card.language == "ko":
        names += morpheme_section(text)
    limits_section(card.language, names)


def answer_view():
    """The controls, the three verdicts and the build-up chart; (focus card, text, its reading, all readings)."""
    big = presenting()
    lang, text, focus, verdicts_at = controls(big)
    state.write(sentence=state.cut(text), model=focus)
    if not text.strip():
        st.info(t("demo.empty"), icon=":material/edit:")
        return None
    text = input_notices(text, lang)
    cards, readings = read_all(lang, text)
    if not readings:
        st.error(t("demo.no_model"))
        return None
    focus = focus if focus in readings else next(iter(readings))
    card, read = cards[focus], readings[focus]
    if len(read.ids) == 0:
        st.info(t("demo.nothing_readable"), icon=":material/abc:")
        return None
    if read.dropped:
        st.info(t("demo.truncated", n=card.maxlen, dropped=read.dropped))
    if compute.symbols_only(read.tokens):
        st.warning(t("demo.symbols_only", tokens=" ".join(read.tokens[:20])), icon=":material/warning:")
    elif read.known == 0:
        st.warning(t("demo.all_oov"))
    elif read.known < max(2, len(read.ids) / 2):
        st.warning(t("demo.few_known", known=read.known, T=len(read.ids)), icon=":material/warning:")
    with verdicts_at:  # beside the sentence box when presenting
        verdicts(cards, readings, big)
    build_up(readings, big)
    return card, text, read, readings, cards


def morpheme_section(text: str) -> tuple[str, ...]:
    """The Korean sentence read as morphemes by ko-lstm-morphemes, and which reading the demo uses and why;
    returns the model's name for the limits table when it could be used."""
    st.subheader(t("demo.morph_title"))
    try:
        view = morpheme_verdict(text)
    except ModelFileError as err:
        show_fault(MORPHEME_MODEL, err)
        return ()
    if view is None:
        st.info(t("demo.nothing_readable"), icon=":material/abc:")
        return (MORPHEME_MODEL,)
    st.write(t("demo.morph_body", name=MORPHEME_MODEL))
    st.text(" ".join(view.tokens[:60]))  # the learner's own words, as plain text
    if view.unknown:
        st.caption(t("demo.morph_unknown", n=view.unknown))
    verdict = t("demo.verdict_pos" if label_of(view.p) == "pos" else "demo.verdict_neg")
    verdict_metric(st, f"LSTM · {MORPHEME_MODEL}", verdict, view.p)
    st.write(t("demo.morph_better" if view.better else "demo.morph_not_better", acc=view.accuracy, best=view.best,
               best_acc=view.best_accuracy))
    return (MORPHEME_MODEL,)


def limits_section(lang: str, names: tuple[str, ...]) -> None:
    """Hard sentences, a reader's verdict and each model's, with the count of mistakes read off them."""
    st.subheader(t("demo.limits"))
    st.write(t("demo.limits_body"))
    view = compute.limits(lang, names)
    word = {"pos": t("demo.verdict_pos"), "neg": t("demo.verdict_neg")}
    table = {t("demo.limits_kind"): [t(f"limit.{kind}") for kind, *_ in view.rows],
             t("demo.limits_sentence"): [sentence for _, sentence, *_ in view.rows],
             t("demo.limits_reader"): [word[expected] for _, _, expected, _ in view.rows]}
    for name in names:
        table[name] = [f"{'✓' if label_of(p[name]) == expected else '✗'} {word[label_of(p[name])]} {p[name]:.3f}"
                       for _, _, expected, p in view.rows]
    st.table(table, hide_index=True)  # a static table wraps its cells: no model column cut off on a projector
    fewest = min(view.wrong.values())
    best = ", ".join(name for name, wrong in view.wrong.items() if wrong == fewest)  # every model that ties
    st.caption(t("demo.limits_summary", total=len(view.rows), wrong=sum(view.wrong.values()), cases=view.cases,
                 best=best, best_wrong=fewest))

render()
