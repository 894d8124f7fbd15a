"""Lesson 2: the trained embedding table: the learner's vectors, a 2-D map, neighbours and analogies."""
from __future__ import annotations

import streamlit as st

from rnn_core.text import tokenize
from ui import compute_korean as ko
from ui import wordmap
from ui.compute import analogy_of, neighbours, sentence_vectors, table_name, word_map
from ui.i18n import t
from ui.layout import (code, heatmap, lesson_header, main_view, markdown_table, picker, presenting, sentence_input,
                       show_param_notices)
from ui.models import ModelFileError, embedding_table, sentiment_model, show_fault
from ui.quiz import Question, question, quiz, shape

TOP = 171  # px above the main view when presenting at 1280x720 (tests/browser/test_classroom.py checks it)

DEFAULT = {"en": ("a great movie with a terrible ending", "great", ("actor", "man", "woman")),
           "ko": ("최고의 영화지만 결말은 최악", "재밌다", ("여배우", "여자", "남자"))}
SOURCES = {"en": ("word2vec", "sentiment"), "ko": ("word2vec", "sentiment")}
FREQUENT = 300


def vectors_of_sentence(name: str, text: str, big: bool) -> None:
    """The embedding rows of the learner's tokens, as a heatmap (tokens x dimensions)."""
    view = sentence_vectors(name, text)
    if view.tokens:
        st.markdown(f"**{t('emb.heatmap', model=name, T=len(view.tokens), E=view.rows.shape[1])}**")
        scale = max(1e-6, float(abs(view.rows).max()))
        heatmap(view.rows / scale, view.tokens, None, t("text.dimension"), t("step.time_axis"), "e / max|e|", True, big)


def first_token(text: str, lang: str) -> str:
    """The first token of what was typed, cut the way the vocabulary is (so no markup ever reaches the page)."""
    tokens = tokenize(text, "words" if lang == "en" else "syllables")
    return tokens[0] if tokens else ""


def show_neighbours(rows: list[tuple[str, float]] | None, missing: str) -> None:
    """A table of (token, cosine) rows, or the message ``missing`` when there are none."""
    if rows is None:
        st.warning(missing)
        return
    st.markdown(markdown_table((t("emb.neighbour"), t("emb.cosine")), [(code(w), f"{s:.4f}") for w, s in rows]))


def questions(model, tokens: tuple[str, ...], found: str, close: list[tuple[str, float]] | None) -> list[Question]:
    V, E, T = model.card.vocab_size, model.card.embedding_dim, len(tokens)
    asked = [
        question(t("quiz.emb.q1", model=model.card.name), f"{V * E:,}", [f"{V + E:,}", f"{V:,}", f"{E * E:,}"],
                 t("quiz.emb.q1_why", V=f"{V:,}", E=E)),
        question(t("quiz.emb.q2", T=T, model=model.card.name), shape(T, E), [shape(E, T), shape(T, V), shape(T)],
                 t("quiz.emb.q2_why", T=T, E=E)),
    ]
    if close and len(close) >= 4:  # the nearest word against three further down the list
        (best, score), others = close[0], close[-3:]
        asked.append(question(t("quiz.emb.q3", word=found), f"`{best}`", [f"`{w}`" for w, _ in others],
                              t("quiz.emb.q3_why", best=score, others=", ".join(f"{s:.3f}" for _, s in others))))
    return asked


def show_korean_rows(rows, missing: str) -> None:
    """A table of ko-word2vec morphemes (as read: 재밌(다)) with part of speech, cosine and the sentiment
    model's p(positive), or the message ``missing`` when there are none."""
    if rows is None:
        st.warning(missing)
        return
    header = (t("emb.neighbour"), t("korean.emb.tag"), t("emb.cosine"), t("korean.emb.p"))
    st.markdown(markdown_table(header, [(code(r.label), t(f"korean.tag.{r.tag}"), f"{r.cosine:.4f}", f"{r.p:.3f}")
                                        for r in rows]))


def nearest(source: str, lang: str, found: str | None, morphemes: bool) -> list[tuple[str, float]] | None:
    """(word as shown, cosine) of the neighbours the page lists below (cached: computed once for both)."""
    if not found:
        return None
    if morphemes:
        return [(r.label, r.cosine) for r in ko.word_neighbours(found).rows]
    return neighbours(source, lang, found)


def korean_neighbours(found: str | None, typed: str) -> None:
    """Lesson 2 in Korean: the looked-up morpheme, its neighbours, and the claim read off their numbers."""
    if found is None:
        st.warning(t("korean.emb.not_found", typed=plain(typed)) if plain(typed) else t("korean.emb.type_word"))
        return
    view = ko.word_neighbours(found)
    st.markdown(t("korean.emb.looked_up", typed=plain(typed), word=view.word.label,
                  tag=t(f"korean.tag.{view.word.tag}") if view.word.tag else "-"))
    show_korean_rows(view.rows, "")
    if view.rows:
        st.markdown(t(f"korean.emb.claim_{view.claim}", word=view.word.label, side=t(f"korean.emb.{view.leaning}"),
                      p=view.word.p, n=view.same, k=len(view.rows), low=0.5 - ko.LEANING, high=0.5 + ko.LEANING))


def plain(text: str) -> str:
    """Only the letters and digits of what was typed (so no markup reaches a message), at most 20 of them."""
    return "".join(ch for ch in text if ch.isalnum())[:20]


def usable(source: str, lang: str) -> str:
    """``source`` if its vectors (and, for Korean word vectors, the analyser) can be used, else 'sentiment'."""
    try:
        embedding_table(source, lang)
        if lang == "ko" and source == "word2vec":
            ko.query_morpheme("")  # loads the analyser: ImportError without kiwipiepy
    except ModelFileError as err:
        show_fault(table_name(source, lang), err)
        return "sentiment"
    except ImportError:
        st.info(t("korean.emb.no_kiwi"))
        return "sentiment"
    return source


def render() -> None:
    lang = st.session_state.get("lang", "en")
    name = f"{lang}-lstm"
    try:
        model = sentiment_model(name)
    except ModelFileError as err:
        lesson_header(t("emb.title"), None)  # the title, then what went wrong
        show_fault(name, err)
        return
    defaults = {k: v[0] for k, v in DEFAULT.items()}
    notices, text = lesson_header(t("emb.title"), t("emb.intro", E=model.card.embedding_dim, model=name),
                                  lambda: sentence_input("emb_sentence", t("emb.sentence"), defaults))
    _, query, (a, b, c) = DEFAULT[lang]
    big = presenting()
    with main_view(above=TOP):
        pick_source, search = st.columns([3, 1], vertical_alignment="bottom")
        labels = {"word2vec": t("korean.emb.source_w2v" if lang == "ko" else "emb.source_w2v"),
                  "sentiment": t("emb.source_sentiment", model=name)}
        source = picker(pick_source, t("emb.source"), SOURCES[lang], format_func=labels.get, key=f"emb_source_{lang}")
        st.session_state.setdefault("emb_query", query)
        typed = search.text_input(t("emb.search"), key="emb_query", max_chars=40, help=t("emb.search_help"))
        source = usable(source, lang)
        morphemes = lang == "ko" and source == "word2vec"  # ko-word2vec: Kiwi morphemes, shown as 재밌(다)
        found = ko.query_morpheme(typed) if morphemes else first_token(typed, lang)
        tokens = tuple(sentence_vectors(name, text).tokens)
        view = ko.korean_word_map(text, FREQUENT) if morphemes else word_map(source, lang, tokens, FREQUENT)
        marked = (ko.readable(found) if found else None) if morphemes else (found or None)
        st.markdown(f"**{t('emb.map', n=FREQUENT)}**")
        st.html(wordmap.word_map(view.coords, view.labels, view.mine, marked, (t("emb.axis1"), t("emb.axis2")),
                                 (t("emb.map_others"), t("emb.map_mine"), t("emb.map_found")), big))
    st.caption(t("emb.map_caption", a=float(view.explained[0]), b=float(view.explained[1]))
               + (" " + t("korean.emb.map_stems") if morphemes else ""))  # what 재밌(다) on the map means
    close = nearest(source, lang, found, morphemes)
    if close is not None and marked not in view.labels:  # a known token, but not one of those drawn
        st.caption(t("emb.map_not_on", word=marked))
    shown_word = (ko.readable(found) if found else "") if morphemes else found
    quiz("emb", questions(model, tokens, shown_word, close), before_answers=True)
    if morphemes:
        korean_neighbours(found, typed)
        st.info(t("korean.emb.honest_w2v", V=len(embedding_table(source, lang)[0])) + "\n\n" + t("korean.emb.spelling"),
                icon=":material/info:")
    else:
        if found:
            show_neighbours(neighbours(source, lang, found), t("emb.not_found", word=found))
        st.info(t("emb.honest_w2v" if source == "word2vec" else "emb.honest"), icon=":material/info:")
    vectors_of_sentence(name, text, big)

    st.subheader(t("emb.analogy"))
    cols = st.columns(3)
    typed_abc = [col.text_input(label, value=default, key=f"emb_{label}", max_chars=40)
                 for col, label, default in zip(cols, "abc", (a, b, c))]
    if morphemes:
        show_korean_rows(ko.word_analogy(*typed_abc), t("emb.analogy_missing"))
        st.caption(t("korean.emb.analogy_note"))
        for check in (c for c in ko.classic_analogies() if c.top):
            st.markdown(t("korean.emb.analogy_works" if check.works else "korean.emb.analogy_fails",
                          a=check.words[0], b=check.words[1], c=check.words[2], top=check.top, expected=check.expected))
    else:
        show_neighbours(analogy_of(source, lang, *(first_token(w, lang) for w in typed_abc)), t("emb.analogy_missing"))
    show_param_notices(notices)


render()
