"""One vocabulary of terms: no Korean string uses a variant the glossary rules out, and particles agree
with what precedes them where that can be known (a digit) or cannot (a {placeholder})."""
from __future__ import annotations

import re
import string

from ui.glossary import GLOSSARY, violations
from ui.i18n import STRINGS


def test_no_korean_string_uses_a_ruled_out_variant():
    assert violations(STRINGS) == []


def test_a_planted_variant_is_found():
    planted = {"planted.bad": ("time step", "타임스텝마다 한 번"), "planted.ok": ("training step", "학습 스텝")}
    assert violations(planted) == [("planted.bad", "타임스텝", "시점")]


def test_the_glossary_is_consistent():
    ko_terms = [g.ko for g in GLOSSARY]
    assert len(set(ko_terms)) == len(ko_terms) and len({g.en for g in GLOSSARY}) == len(GLOSSARY)
    for term in GLOSSARY:  # a term never rules out itself, nor another term of the glossary
        assert not any(v in other for v in term.avoid for other in ko_terms if other not in term.unless), term


# --- particles ----------------------------------------------------------------------------------------
# A Korean particle depends on whether the word before it ends in a consonant: (8, 3)을 (삼), (8, 2)를 (이).
# Before a {placeholder} the value is unknown, so a plain particle is wrong for some values: rephrase, or write
# both forms as Korean interfaces do: {cell}은(는), {x}(으)로.
PAIRED = r"(?:이|가|을|를|은|는|과|와|으로|로|이나|나|이며|며|이고|고|이라|라)"
CONSONANT_DIGITS = set("013678")  # 영 일 삼 육 칠 팔 end in a consonant; 이 사 오 구 do not
TAKES_CONSONANT = {"이", "을", "은", "과", "으로", "이나", "이며", "이고", "이라"}


def _parenthetical(text: str, close: int) -> bool:
    """True when the bracket closing at ``close`` opens right after a word, as in Bengio(2013)는: the
    particle then agrees with that word, not with what is inside the brackets."""
    depth, i = 0, close
    while i >= 0:
        depth += {")": 1, "]": 1, "(": -1, "[": -1}.get(text[i], 0)
        if depth == 0:
            return i > 0 and not text[i - 1].isspace() and text[i - 1] not in "([{:=·"
        i -= 1
    return False


def placeholder_before_particle(text: str) -> list[str]:
    """Particles glued to a {placeholder}, or to a bracket or quote that closes right after one."""
    found = []
    pattern = r"\{[^{}]*\}(?:\*\*)?([)\]”'\"]?)(?:\*\*)?" + PAIRED + r"(?![가-힣]|\([가-힣]{1,2}\))"  # 은(는) is fine
    for m in re.finditer(pattern, text):
        if m.group(1) in ")]" and m.group(1) and _parenthetical(text, m.start(1)):
            continue
        found.append(m.group(0))
    return found


def digit_particle_mismatches(text: str) -> list[str]:
    """Particles after a literal digit (possibly behind a closing bracket) that do not agree with its reading."""
    found = []
    for m in re.finditer(r"(\d)([)\]]?)(" + PAIRED + r")(?![가-힣])", text):
        digit, bracket, particle = m.groups()
        if bracket and _parenthetical(text, m.start(2)):
            continue
        if particle == "로" and digit in "1789" or particle == "으로" and digit in "036":
            continue  # 로 after ㄹ (일, 칠, 팔) and vowels; 으로 after other consonants
        if particle in ("로", "으로") or (digit in CONSONANT_DIGITS) != (particle in TAKES_CONSONANT):
            found.append(m.group(0))
    return found


def korean_template(ko: str) -> str:
    """The text of a string with each placeholder kept as {name}, format specs dropped but a % kept
    ({a:.0%}와 is right: 퍼센트 ends in a vowel)."""
    return "".join(lit + (f"{{{name}}}" + "%" * spec.endswith("%") if name is not None else "")
                   for lit, name, spec, _ in string.Formatter().parse(ko))


def test_particles_after_placeholders_and_digits():
    bad = {key: placeholder_before_particle(korean_template(ko)) + digit_particle_mismatches(ko)
           for key, (_, ko) in STRINGS.items()}
    assert {k: v for k, v in bad.items() if v} == {}


def test_the_particle_checks_catch_planted_strings():
    assert placeholder_before_particle("{model}이 첫 문장을 읽습니다") == ["{model}이"]
    assert placeholder_before_particle("{model}이(가) 읽고 {c}(으)로 자릅니다") == []
    assert placeholder_before_particle("**{shape}**를 돌려줍니다") == ["{shape}**를"]
    assert placeholder_before_particle(korean_template("{a:.0%}와 {b:.0%}를")) == []
    assert placeholder_before_particle(korean_template("({B}, {T}, {d})을 넣으면")) == ["{d})을"]
    assert digit_particle_mismatches("(8, 3)를 넣으면") == ["3)를"] and digit_particle_mismatches("(8, 3)을") == []
    assert digit_particle_mismatches("1로 잘랐습니다") == [] and digit_particle_mismatches("2으로") == ["2으로"]
    assert digit_particle_mismatches("Bengio(2013)는 인수를") == []  # the particle agrees with Bengio
    assert placeholder_before_particle("유닛 수({n})는") == [] and placeholder_before_particle("값 ({n})는") == ["{n})는"]


def _glossary_page():
    import streamlit as st

    from ui.glossary import show_glossary

    st.session_state.setdefault("lang", "en")
    show_glossary()


def test_show_glossary_draws_the_table_in_both_languages():
    from streamlit.testing.v1 import AppTest

    for lang, first in (("en", "English"), ("ko", "한국어")):
        at = AppTest.from_function(_glossary_page)
        at.session_state["lang"] = lang
        at.run()
        assert not at.exception
        table = at.dataframe[0].value
        assert table.columns[0] == first and len(table) == len(GLOSSARY)
        assert ("쓰지 않는 말" in table.columns) == (lang == "ko")
