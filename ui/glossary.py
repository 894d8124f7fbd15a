"""One vocabulary of terms, English and Korean, kept in one place.

Every Korean string of the app uses the Korean term below, and never a variant the glossary rules out
(tests/test_glossary.py scans ui.i18n.STRINGS with ``violations``). The Korean terms follow the course's
lecture notes where they choose one (시점 for a time step, 은닉 상태, 셀, 가중치, 편향, 층, 시퀀스,
패딩, 마스킹, 임베딩) and the common Korean deep-learning usage elsewhere. ``show_glossary`` draws the
table for the learner.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    en: str  # the English term
    ko: str  # the Korean term every Korean string uses
    avoid: tuple[str, ...] = ()  # Korean variants ruled out
    unless: tuple[str, ...] = ()  # phrases in which a ruled-out variant is the right word after all


GLOSSARY: tuple[Term, ...] = (
    # the course
    Term("lesson", "단원", avoid=("레슨", "챕터")),
    Term("recurrent neural network (RNN)", "순환 신경망", avoid=("재귀 신경망", "회귀 신경망", "순환신경망")),
    Term("sentiment analysis", "감성 분석", avoid=("감정 분석", "감성분석")),
    Term("verdict (positive / negative)", "판정 (긍정 / 부정)"),
    # 1 · text to numbers
    Term("token", "토큰", avoid=("토켄",)),
    Term("syllable", "음절", avoid=("실러블",)),
    Term("vocabulary", "어휘", avoid=("단어장", "단어 사전", "단어 집합", "보캐뷸러리")),
    Term("out of vocabulary (OOV)", "어휘 밖", avoid=("사전 밖", "미등록")),
    Term("one-hot vector", "원-핫 벡터", avoid=("원핫", "원 핫")),
    Term("embedding", "임베딩", avoid=("임베드", "매립")),
    Term("sequence", "시퀀스", avoid=("순서열", "시퀸스")),
    Term("padding", "패딩", avoid=("덧대기",)),
    Term("masking; mask", "마스킹; 마스크", avoid=("가리기", "가림 처리")),
    Term("batch", "배치", avoid=("미니 배치",)),
    Term("features", "특성", avoid=("피처", "피쳐")),
    Term("dimension", "차원"),
    # 2 · embeddings
    Term("cosine similarity", "코사인 유사도"),
    Term("nearest neighbour", "가장 가까운 이웃"),
    Term("analogy", "유추"),
    Term("principal component (PCA)", "주성분"),
    # 3 · one step
    Term("time step", "시점", avoid=("타임스텝", "타임 스텝", "시간 스텝", "시간 단계", "단계", "스텝"),
         unless=("학습 스텝",)),
    Term("training step", "학습 스텝", avoid=("학습 단계", "훈련 스텝")),
    Term("hidden state", "은닉 상태", avoid=("히든 스테이트", "은닉상태", "숨은 상태")),
    Term("layer", "층", avoid=("레이어",)),
    Term("unit", "유닛"),
    Term("weight", "가중치", avoid=("웨이트",)),
    Term("bias", "편향", avoid=("바이어스",)),
    Term("parameter", "파라미터", avoid=("매개변수", "모수")),
    Term("activation function", "활성화 함수", avoid=("활성 함수",)),
    Term("pre-activation", "사전 활성값"),
    Term("parameter sharing", "파라미터 공유"),
    # 4 · unrolled
    Term("unrolling", "펼치기"),
    Term("many-to-one; one-to-many; many-to-many", "다대일; 일대다; 다대다",
         avoid=("many-to-one", "one-to-many", "many-to-many", "다 대 일", "일 대 다", "다 대 다")),
    Term("dense layer", "밀집층", avoid=("덴스층", "덴스 층")),
    Term("bidirectional", "양방향"),
    Term("language model", "언어 모델", avoid=("언어모형", "언어 모형", "언어모델")),
    Term("prefix (the start of a text)", "앞부분", avoid=("접두어", "접두사", "프리픽스")),
    Term("perplexity", "퍼플렉서티", avoid=("혼란도",)),
    Term("part-of-speech tagging", "품사 태깅"),
    # 5 · gradients
    Term("gradient", "기울기", avoid=("그래디언트", "그라디언트", "경사도")),
    Term("vanishing gradient", "기울기 소실", avoid=("그래디언트 소실", "기울기 손실")),
    Term("exploding gradient", "기울기 폭주", avoid=("폭발",)),
    Term("backpropagation through time (BPTT)", "시간에 따른 역전파", avoid=("시간 역전파", "시간을 통한 역전파")),
    Term("Jacobian", "야코비안", avoid=("자코비안",)),
    Term("spectral radius", "스펙트럼 반경", avoid=("스펙트럼 반지름", "스펙트럴 반경")),
    Term("norm", "노름"),
    Term("gradient clipping", "기울기 클리핑", avoid=("그래디언트 클리핑",)),
    Term("long-term dependency", "장기 의존성"),
    # 6 · gates
    Term("cell state", "셀 상태", avoid=("셀상태", "세포 상태")),
    Term("gate", "게이트"),
    Term("forget gate", "망각 게이트", avoid=("삭제 게이트", "포겟 게이트", "잊기 게이트")),
    Term("input gate", "입력 게이트", avoid=("인풋 게이트",)),
    Term("output gate", "출력 게이트", avoid=("아웃풋 게이트",)),
    Term("candidate", "후보 값", avoid=("후보값", "후보 벡터")),
    Term("update gate", "업데이트 게이트", avoid=("갱신 게이트",)),
    Term("reset gate", "리셋 게이트", avoid=("재설정 게이트", "초기화 게이트")),
    # 7, 8 · models and training
    Term("loss", "손실"),
    Term("learning rate", "학습률"),
    Term("epoch", "에폭", avoid=("에포크",)),
    Term("accuracy (validation / test)", "정확도 (검증 / 테스트)"),
)


def violations(strings: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(key, ruled-out variant, the glossary's term) for every Korean string that uses a variant the
    glossary rules out, outside the phrases where that variant is right."""
    found = []
    for key, (_, ko) in strings.items():
        for term in GLOSSARY:
            text = ko
            for phrase in term.unless:
                text = text.replace(phrase, " ")
            for variant in sorted(term.avoid, key=len, reverse=True):  # 타임스텝 is reported, not also 스텝
                if variant in text:
                    found.append((key, variant, term.ko))
                    text = text.replace(variant, " ")
    return found


def show_glossary() -> None:
    """A popover with the table of terms, the learner's language first (Korean adds the ruled-out words)."""
    import streamlit as st

    from ui.i18n import language, t

    korean = language() == "ko"
    with st.popover(t("glossary.title"), icon=":material/translate:", width="stretch"):
        st.caption(t("glossary.intro"))
        columns = {t("glossary.ko"): [g.ko for g in GLOSSARY], t("glossary.en"): [g.en for g in GLOSSARY]}
        if not korean:
            columns = dict(reversed(columns.items()))
        else:
            columns[t("glossary.avoid")] = [", ".join(g.avoid) for g in GLOSSARY]
        st.dataframe(columns, hide_index=True, width="stretch")
