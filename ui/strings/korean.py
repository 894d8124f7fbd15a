"""Lesson 1's Korean view (a Korean sentence cut four ways): key -> (English, Korean), merged into ui.i18n.STRINGS."""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "korean.title": ("Korean, cut four ways", "한국어 문장을 네 가지로 자르기"),
    "korean.why": (
        "Korean glues particles and endings onto its words: 영화가, 영화를 and 영화는 are the one noun 영화 "
        "(film) with a different particle each. Cut at spaces, each of them is a token of its own, so the "
        "vocabulary needs an entry for every combination and still misses many. Cut into syllables, into morphemes "
        "(the stem and the particles apart) or into BPE subwords learnt from the reviews, the same small pieces "
        "come back again and again.",
        "한국어는 낱말에 조사와 어미가 붙습니다. '영화가', '영화를', '영화는'은 모두 명사 '영화'에 조사만 다르게 붙은 "
        "것입니다. 띄어쓰기로 자른 어절을 토큰으로 쓰면 셋이 서로 다른 토큰이 되어, 어휘에 모든 조합이 따로 들어가야 하고 "
        "그래도 모르는 어절이 많이 남습니다. 음절, 형태소(어간과 조사, 어미를 따로), 또는 리뷰에서 익힌 BPE 서브워드로 "
        "자르면 같은 작은 조각이 되풀이해서 나옵니다."),
    "korean.stem_caption": ("“영화가 영화를 영화는” cut four ways:", "“영화가 영화를 영화는”을 네 가지로 자르면:"),
    "korean.stem_claim": (
        "{spaces:,} entries of the spaces vocabulary begin with 영화 ({examples}, ...): one for every particle and "
        "ending glued to it. The morpheme vocabulary has only {morphemes:,} (compounds such as 영화관 among them), "
        "because its particles and endings are tokens of their own that every noun shares.",
        "어절 어휘에는 '영화'로 시작하는 항목이 {spaces:,}개나 있습니다 ({examples} 등). 붙는 조사와 어미마다 항목이 "
        "하나씩 필요하기 때문입니다. 형태소 어휘에는 {morphemes:,}개뿐입니다 (영화관 같은 합성어 포함). 조사와 어미가 "
        "모든 명사가 함께 쓰는 따로 떨어진 토큰이기 때문입니다."),
    "korean.stem_counts": ("Entries beginning with 영화: spaces vocabulary {spaces:,}, morpheme vocabulary {morphemes:,}.",
                           "'영화'로 시작하는 항목: 어절 어휘 {spaces:,}개, 형태소 어휘 {morphemes:,}개."),
    "korean.sentence": ("Your first sentence, cut four ways:", "첫 번째 문장을 네 가지로 자르면:"),
    "korean.cut_off": ("Only its first {n} characters are cut here.", "여기서는 처음 {n}자만 자릅니다."),
    "korean.nothing": ("Your first sentence has no token to cut.", "첫 번째 문장에는 자를 토큰이 없습니다."),
    "korean.name.spaces": ("Spaces (eojeol)", "어절 (띄어쓰기 단위)"),
    "korean.name.syllables": ("Syllables", "음절"),
    "korean.name.morphemes": ("Morphemes (Kiwi)", "형태소 (Kiwi)"),
    "korean.name.bpe": ("BPE subwords", "BPE 서브워드"),
    "korean.short.spaces": ("spaces", "어절"),
    "korean.short.syllables": ("syllables", "음절"),
    "korean.short.morphemes": ("morphemes", "형태소"),
    "korean.short.bpe": ("BPE", "BPE"),
    "korean.about.spaces": ("The words between spaces, particles and endings attached.",
                            "띄어쓰기로 나눈 어절. 조사와 어미가 붙은 그대로입니다."),
    "korean.about.syllables": ("One token per Hangul syllable: what this app's Korean sentiment models read.",
                               "한글 음절 하나가 토큰 하나입니다. 이 앱의 한국어 감성 분석 모델이 읽는 방식입니다."),
    "korean.about.morphemes": ("Kiwi's morphological analysis: stems, particles and endings apart (재밌 + 었 + 다).",
                               "형태소 분석기 Kiwi가 어간, 조사, 어미를 나눕니다 (재밌 + 었 + 다)."),
    "korean.about.bpe": ("Pieces learnt from NSMC's training reviews by byte-pair encoding: frequent words stay whole, "
                         "rare ones fall apart; ▁ marks the start of a word.",
                         "NSMC 학습 리뷰에서 BPE로 익힌 조각입니다. 자주 나오는 말은 통째로 남고 드문 말은 잘게 나뉩니다. "
                         "▁ 표시는 어절의 시작입니다."),
    "korean.unknown_here": ("Out of its vocabulary: {tokens}", "어휘 밖 토큰: {tokens}"),
    "korean.none_here": ("Every token is in its vocabulary.", "모든 토큰이 어휘에 있습니다."),
    "korean.col.cut": ("cut", "자르는 방식"),
    "korean.col.tokens": ("tokens", "토큰"),
    "korean.col.count": ("number of tokens", "토큰 수"),
    "korean.col.distinct": ("distinct tokens", "서로 다른 토큰 수"),
    "korean.col.stem": ("vocabulary entries beginning with 영화", "'영화'로 시작하는 어휘 항목 수"),
    "korean.col.vocab": ("vocabulary size", "어휘 크기"),
    "korean.col.test_share": ("out of vocabulary on NSMC test", "NSMC 테스트의 어휘 밖 비율"),
    "korean.col.unknown_here": ("out of vocabulary in your sentence", "내 문장의 어휘 밖 토큰 수"),
    "korean.table_caption": (
        "Out of vocabulary on NSMC test: the share of the tokens of all NSMC test reviews that the vocabulary "
        "lacks, measured when the vocabularies were learnt from the training reviews (model card ko-bpe).",
        "NSMC 테스트의 어휘 밖 비율: NSMC 테스트 리뷰 전체의 토큰 가운데 어휘에 없는 토큰의 비율입니다. 학습 리뷰로 "
        "어휘를 익힐 때 잰 값이며 모델 카드 ko-bpe에 적혀 있습니다."),
    "korean.claim_vocab": (
        "The smallest vocabulary is that of {smallest} ({V:,} entries). On NSMC test, {lowest} leaves the fewest "
        "tokens out of its vocabulary ({low:.2%}) and {highest} the most ({high:.1%}).",
        "어휘가 가장 작은 방식은 {smallest} 방식입니다 (항목 {V:,}개). NSMC 테스트에서 어휘 밖 토큰이 가장 적은 방식은 "
        "{lowest} 방식({low:.2%}), 가장 많은 방식은 {highest} 방식({high:.1%})입니다."),
    "korean.most_here": ("In your sentence, the most tokens out of vocabulary: {items}.",
                         "내 문장에서 어휘 밖 토큰이 가장 많은 방식: {items}."),
    "korean.n_of": ("{name} ({n} of {T})", "{name} ({T}개 중 {n}개)"),
    "korean.clean_here": ("No token out of vocabulary: {names}.", "어휘 밖 토큰이 없는 방식: {names}."),
    "korean.no_effect": ("Your sentence has no token out of vocabulary in any of the four cuts, so it does not show "
                         "the difference.",
                         "내 문장은 네 방식 모두 어휘 밖 토큰이 없어서 차이가 드러나지 않습니다."),
    "korean.try_example": ("Try this one:", "이 문장을 넣어 보세요."),
    "korean.example_effect": ("Cut at spaces, it has {n} token(s) out of vocabulary: {tokens}. None in: {clean}.",
                              "어절로 자르면 어휘 밖 토큰이 {n}개 나옵니다: {tokens}. 어휘 밖 토큰이 없는 방식: {clean}."),
    "korean.use_example": ("Put it on the first line", "첫 줄에 넣기"),
    "korean.no_kiwi": ("The morphological analyser (kiwipiepy) is not installed, so the Korean view is off.",
                       "형태소 분석기(kiwipiepy)가 설치되어 있지 않아 한국어 문장 자르기를 보여 줄 수 없습니다."),
    "korean.en_note": ("In Korean (한국어 in the sidebar), this lesson also cuts a Korean sentence four ways: spaces, "
                       "syllables, morphemes and BPE subwords.",
                       "한국어 화면에서는 이 단원이 한국어 문장을 어절, 음절, 형태소, BPE 서브워드의 네 가지로 자릅니다."),
}
