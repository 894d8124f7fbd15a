"""Lesson 1: from text to the (batch, time steps, features) tensor an RNN reads, with the real model's pipeline."""
from __future__ import annotations

import streamlit as st

from ui import matrices, state
from ui.compute import Pipeline, onehot_lookup, pipeline, shuffled_verdict
from ui.compute_korean import KoreanView, korean_view, unusable
from ui.i18n import t
from ui.layout import (code, heatmap, lesson_header, main_view, markdown_table, picker, presenting,
                       show_param_notices)
from ui.models import ModelFileError, sentiment_model, show_fault
from ui.quiz import Question, question, quiz, shape, verdict_word

TOP = 126  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

MAX_LINES = 8
DEFAULT_TEXT = {"en": "the movie was not fun.\nnot bad at all\nan absolutely wonderful film with a great cast",
                "ko": "영화가 정말 재밌어요\n나쁘지 않았어요\n배우는 좋은데 스토리가 엉망이다"}


def controls(big: bool) -> tuple[tuple[str, ...], int, str, str]:
    lang = st.session_state.get("lang", "en")
    if "text_lines" not in st.session_state:
        st.session_state.text_lines = state.cut(state.read("sentence") or DEFAULT_TEXT[lang])
    for key, url_key in (("text_maxlen", "maxlen"), ("text_padding", "padding"), ("text_truncating", "truncating")):
        state.init(key, url_key)
    st.text_area(t("text.batch", n=MAX_LINES), key="text_lines", height=132 if big else 110,  # 3 lines show
                 max_chars=state.MAX_TEXT)
    lines = tuple(line for line in state.cut(st.session_state.text_lines).splitlines() if line.strip())[:MAX_LINES]
    sides = {"pre": t("text.pre"), "post": t("text.post")}
    left, mid, right = st.columns([1, 1.3, 1.3])
    maxlen = left.slider(t("text.maxlen"), 1, 40, key="text_maxlen")
    padding = picker(mid, t("text.pad_side"), ("pre", "post"), key="text_padding", format_func=sides.get)
    truncating = picker(right, t("text.trunc_side"), ("pre", "post"), key="text_truncating", format_func=sides.get)
    state.write(sentence=state.cut(st.session_state.text_lines), maxlen=maxlen, padding=padding,
                truncating=truncating)
    return lines, maxlen, padding, truncating


def tokens_section(result: Pipeline, card) -> None:
    st.subheader(t("text.tokens"))
    note = t("text.scheme_words" if card.scheme == "words" else "text.scheme_syllables")
    st.write(t("text.tokens_body", V=card.vocab_size, scheme_note=note))
    tokens, ids = result.tokens[0], result.ids[0]
    st.html(matrices.token_chips(tokens, ids, presenting()))
    st.caption(t("text.oov_count", n=sum(i == 1 for i in ids), T=len(ids)))


def names(schemes) -> str:
    return ", ".join(t(f"korean.short.{s}") for s in schemes)


def cut_table(view: KoreanView) -> None:
    header = tuple(t(f"korean.col.{c}") for c in ("cut", "count", "vocab", "test_share", "unknown_here"))
    st.markdown(markdown_table(header, [(t(f"korean.name.{r.scheme}"), len(r.tokens), f"{r.vocab_size:,}",
                                         f"{r.test_share:.2%}", len(r.unknown)) for r in view.rows]))
    st.caption(t("korean.table_caption"))


def stem_section(view: KoreanView) -> None:
    """Why Korean needs more than spaces: one noun with three particles, and the vocabularies' entries for it."""
    st.write(t("korean.why"))
    st.caption(t("korean.stem_caption"))
    header = tuple(t(f"korean.col.{c}") for c in ("cut", "tokens", "distinct", "stem"))
    st.markdown(markdown_table(header, [(t(f"korean.name.{r.scheme}"), code(" · ".join(r.tokens)), len(set(r.tokens)),
                                         f"{entries:,}") for r, entries in zip(view.stem_rows, view.stem_entries)]))
    spaces, morphemes = view.stem_count("spaces"), view.stem_count("morphemes")
    key = "korean.stem_claim" if spaces > morphemes else "korean.stem_counts"
    st.write(t(key, spaces=spaces, morphemes=morphemes, examples=", ".join(view.stem_examples)))


def put_example_first(example: str) -> None:
    """The button's callback: the example sentence replaces the first line of the text box."""
    rest = st.session_state.text_lines.splitlines()[1:]
    st.session_state.text_lines = state.cut("\n".join([example, *rest]))


def sentence_claims(view: KoreanView) -> None:
    if view.most_unknown:
        worst = [view.row(s) for s in view.most_unknown]
        st.write(t("korean.most_here", items=", ".join(
            t("korean.n_of", name=t(f"korean.short.{r.scheme}"), n=len(r.unknown), T=len(r.tokens)) for r in worst)))
        if view.no_unknown:
            st.write(t("korean.clean_here", names=names(view.no_unknown)))
        return
    st.write(t("korean.no_effect"))
    if view.example:
        st.write(t("korean.try_example"))
        st.code(view.example, language=None, wrap_lines=True)
        spaces = view.row("spaces", view.example_rows)
        clean = [r.scheme for r in view.example_rows if not r.unknown]
        st.text(t("korean.example_effect", n=len(spaces.unknown), tokens=" · ".join(spaces.unknown),
                  clean=names(clean)))
        st.button(t("korean.use_example"), key="korean_example", on_click=put_example_first, args=(view.example,))


def korean_section(sentence: str) -> None:
    """Lesson 1 in Korean: the first sentence cut by spaces, syllables, Kiwi morphemes and BPE, side by side."""
    st.subheader(t("korean.title"))
    fault = unusable()
    if fault:
        show_fault(*fault)
        return
    try:
        view = korean_view(sentence)
    except ImportError:
        st.warning(t("korean.no_kiwi"), icon="⚠️")
        return
    stem_section(view)
    st.caption(t("korean.sentence"))
    st.code(view.text, language=None, wrap_lines=True)  # the learner's text as typed: never Markdown or HTML
    if view.cut_off:
        st.caption(t("korean.cut_off", n=len(view.text)))
    if not any(r.tokens for r in view.rows):
        st.info(t("korean.nothing"), icon=":material/edit:")
        return
    for pair in (view.rows[:2], view.rows[2:]):
        for column, row in zip(st.columns(2), pair):
            column.markdown(f"**{t(f'korean.name.{row.scheme}')}**")
            column.caption(t(f"korean.about.{row.scheme}"))
            column.code(" · ".join(row.tokens), language=None, wrap_lines=True)
            column.text(t("korean.unknown_here", tokens=" · ".join(row.unknown)) if row.unknown
                        else t("korean.none_here"))
    cut_table(view)
    smallest, lowest, highest = view.row(view.smallest_vocab), view.row(view.lowest_share), view.row(view.highest_share)
    st.write(t("korean.claim_vocab", smallest=t(f"korean.short.{smallest.scheme}"), V=smallest.vocab_size,
               lowest=t(f"korean.short.{lowest.scheme}"), low=lowest.test_share,
               highest=t(f"korean.short.{highest.scheme}"), high=highest.test_share))
    sentence_claims(view)


def lookup_section(result: Pipeline, card, big: bool) -> None:
    st.subheader(t("text.onehot"))
    T, E, V = len(result.vectors), card.embedding_dim, card.vocab_size  # the first maxlen tokens
    st.write(t("text.onehot_body", V=V, T=T, E=E, diff=result.onehot_gap, mults=T * V * E, copies=T * E))
    if T:
        onehot_row(result, card, big)
    if T:
        st.markdown(f"**{t('text.vectors', T=T, E=E)}**")
        heatmap(result.vectors, result.tokens[0][:T], None, t("text.dimension"), t("step.time_axis"), "e", True, big)


def onehot_row(result: Pipeline, card, big: bool) -> None:
    """One token of the first sentence: its one-hot row (a window around its id) and the embedding row it selects."""
    tokens, ids = result.tokens[0][: len(result.vectors)], result.ids[0][: len(result.vectors)]
    choices = list(range(len(tokens)))
    start = next((k for k, i in enumerate(ids) if i > 1), 0)  # a token in the vocabulary, if there is one
    key = f"text_onehot_{len(tokens)}"
    st.session_state.setdefault(key, start)  # the starting value through Session State (no index=: see ui.fragments)
    k = st.selectbox(t("text.onehot_pick"), choices, key=key,
                     format_func=lambda j: f"{j + 1}. {tokens[j]} (id {ids[j]})")
    view = onehot_lookup(card.name, ids[k])
    titles = (t("text.onehot_panel", token=tokens[k], V=f"{card.vocab_size:,}", id=ids[k], a=view.ids[0],
                b=view.ids[-1]), t("text.lookup_panel", token=tokens[k], id=ids[k], E=card.embedding_dim))
    st.html(matrices.onehot_lookup(view.ids, view.onehot, view.product, titles, t("text.onehot_id"),
                                   t("text.dimension"), big))
    st.caption(t("text.onehot_check", gap=view.gap, E=card.embedding_dim))


def padded_batch(result: Pipeline, big: bool) -> None:
    """The batch after padding and truncation, one token per cell (the main figure)."""
    title = t("text.padding")  # "3. ...": presenting, it comes first, so without its number
    st.subheader(title.split(". ", 1)[-1] if big else title)
    st.html(matrices.token_grid(result.padded_tokens, result.padded, t("text.position_axis"), t("text.sentence_axis"),
                                big))


def batch_shape(result: Pipeline, card, maxlen: int) -> None:
    st.caption(t("text.ids_caption", L=maxlen))
    st.markdown(t("text.shape", B=len(result.padded), L=maxlen, E=card.embedding_dim))


def mask_section(result: Pipeline, card, maxlen: int, padding: str, big: bool) -> None:
    st.subheader(t("text.mask"))
    T = len(result.ids[0])
    if T >= maxlen:  # nothing padded: say so instead of the general claim
        cut_note = t("text.mask_cut", n=T - maxlen) if T > maxlen else ""
        st.write(t("text.mask_full", L=maxlen, T=T, cut=cut_note))
        return
    side = t("quiz.at_start") if padding == "pre" else t("quiz.at_end")
    st.write(t("text.mask_body", model=card.cell, L=maxlen, n=maxlen - T, side=side))
    same = abs(result.p_padded - result.p_plain) < 1e-5
    st.write(t("text.mask_same" if same else "text.mask_differs", p_pad=result.p_padded, p_plain=result.p_plain))
    if padding == "pre":
        st.caption(t("text.mask_pre"))
    labels = [tok or f"({t('text.masked')})" for tok in result.padded_tokens[0]]
    heatmap(result.masked_h, labels, None, t("step.unit"), t("step.time_axis"), "h", True, big)


def order_section(name: str, text: str) -> None:
    st.subheader(t("text.order"))
    seed = st.session_state.setdefault("text_shuffle_seed", 1)
    if st.button(t("text.shuffle")):
        seed = st.session_state.text_shuffle_seed = seed + 1
    view = shuffled_verdict(name, text, seed)
    if view.claim == "one":
        st.write(t("text.order_one"))
        return
    st.text(t("text.shuffled", text=view.text))
    st.write(t(f"text.order_{view.claim}", p=view.p, p_shuffled=view.p_shuffled, delta=abs(view.p - view.p_shuffled),
               word=verdict_word(view.p), shuffled_word=verdict_word(view.p_shuffled)))
    if view.claim != "flips" and view.example:
        a, pa, b, pb = view.example
        st.caption(t("text.order_example", a=a, pa=pa, b=b, pb=pb))


def questions(result: Pipeline, card, maxlen: int, padding: str, truncating: str) -> list[Question]:
    B, E, V, T = len(result.padded), card.embedding_dim, card.vocab_size, len(result.ids[0])
    sides = {"pre": t("quiz.at_start"), "post": t("quiz.at_end")}
    if T < maxlen:
        place, why = sides[padding], t("quiz.text.q3_why_pad", n=maxlen - T, side=sides[padding], L=maxlen)
    else:
        place, why = t("quiz.no_zeros"), t("quiz.text.q3_why_cut", T=T, n=T - maxlen, side=truncating)
    return [
        question(t("quiz.text.q1", B=B, L=maxlen, E=E), shape(B, maxlen, E),
                 [shape(B, maxlen), shape(maxlen, B, E), shape(B, E)], t("quiz.text.q1_why", E=E)),
        question(t("quiz.text.q2", model=card.name), f"{V:,}", [f"{E:,}", f"{maxlen:,}", f"{V * E:,}"],
                 t("quiz.text.q2_why")),
        question(t("quiz.text.q3", T=T, L=maxlen, side=padding), place,
                 [*sides.values(), t("quiz.no_zeros")], why),
    ]


def render() -> None:
    lang = st.session_state.get("lang", "en")
    name = f"{lang}-lstm"
    notices, _ = lesson_header(t("text.title"), t("text.intro", model=name))
    big = presenting()
    with main_view(above=TOP):
        lines, maxlen, padding, truncating = controls(big)
        show_param_notices(notices)
        try:
            card = sentiment_model(name).card
        except ModelFileError as err:
            show_fault(name, err)
            return
        if not lines:
            st.info(t("text.empty"), icon=":material/edit:")
            return
        result = pipeline(name, lines, maxlen, padding, truncating)
        if big:  # the projector shows the padded batch first, under its controls
            padded_batch(result, big)
    quiz("text", questions(result, card, maxlen, padding, truncating), before_answers=True)  # predict, then read
    if big:
        batch_shape(result, card, maxlen)
    tokens_section(result, card)
    if lang == "ko":
        korean_section(lines[0])
    else:
        st.caption(t("korean.en_note"))
    lookup_section(result, card, big)
    if not big:
        padded_batch(result, big)
        batch_shape(result, card, maxlen)
    mask_section(result, card, maxlen, padding, big)
    order_section(name, lines[0])

render()
