"""Lesson 1's Korean view (a Korean sentence cut four ways): key -> (English, Korean), merged into ui.i18n.STRINGS."""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "korean.title": ("Korean, cut four ways", "한국어 문장을 네 가지로 자르기"),
    "korean.why": (
        "Korean glues particles and endings onto its words: 영화가, 영화를 and 영화는 are the one noun 영화 "
        "(film) with a different particle each. Cut at spaces, each of them is a token of its own, so the "
        "vocabulary needs an entry for every combination and still misses many. Cut into syllables or into morphemes "
        "(the stem and the particles apart), the same small pieces come back again and again. BPE keeps a piece "
        "whole when the reviews use it often (a common word with its particle can stay one token) and splits only "
        "rarer words, so it almost never meets an unknown piece.",
        "한국어는 낱말에 조사와 어미가 붙습니다. '영화가', '영화를', '영화는'은 모두 명사 '영화'에 조사만 다르게 붙은 "
        "것입니다. 띄어쓰기로 자른 어절을 토큰으로 쓰면 셋이 서로 다른 토큰이 되어, 어휘에 모든 조합이 따로 들어가야 하고 "
        "그래도 모르는 어절이 많이 남습니다. 음절이나 형태소(어간과 조사, 어미를 따로)로 자르면 같은 작은 조각이 "
        "되풀이해서 나옵니다. BPE는 리뷰에 자주 나오는 조각은 통째로 남기고(흔한 낱말은 조사까지 한 토큰일 수 있습니다) "
        "드문 낱말만 잘게 나누므로, 모르는 조각을 거의 만나지 않습니다."),
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
        "어휘를 익힐 때 잰 값이며 ko-bpe 모델 카드에 적혀 있습니다."),
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
    # --- lesson 2 in Korean: word vectors over Kiwi morphemes (ko-word2vec) ------------------------------
    "korean.emb.source_w2v": (
        "skip-gram word vectors, 100 dimensions (morphemes of the NSMC reviews, trained to predict their neighbours)",
        "스킵그램 단어 벡터, 100차원 (NSMC 리뷰의 형태소로 주변 형태소를 예측하도록 학습)"),
    "korean.emb.looked_up": ("“{typed}” is looked up as the morpheme {word} ({tag}). Its nearest neighbours:",
                             "입력한 말: “{typed}” → 찾는 형태소: {word} ({tag}). 가장 가까운 이웃:"),
    "korean.emb.not_found": ("“{typed}” has no Korean morpheme that carries meaning in the word vectors' vocabulary. "
                             "Type a Korean word, e.g. 재밌다, 최악, 감동.",
                             "“{typed}”: 단어 벡터의 어휘에 뜻을 지닌 한국어 형태소가 없습니다. 재밌다, 최악, 감동 같은 "
                             "한국어 낱말을 입력해 보세요."),
    "korean.emb.type_word": ("Type a Korean word, e.g. 재밌다, 최악, 감동.",
                             "재밌다, 최악, 감동 같은 한국어 낱말을 입력해 보세요."),
    "korean.emb.tag": ("part of speech", "품사"),
    "korean.emb.p": ("p(positive), LSTM model", "LSTM 모델의 p(긍정)"),
    "korean.tag.noun": ("noun", "명사"),
    "korean.tag.proper_noun": ("proper noun", "고유 명사"),
    "korean.tag.verb": ("verb", "동사"),
    "korean.tag.adjective": ("adjective", "형용사"),
    "korean.tag.root": ("root (+하다)", "어근 (+하다)"),
    "korean.tag.adverb": ("adverb", "부사"),
    "korean.tag.interjection": ("interjection", "감탄사"),
    "korean.emb.positive": ("positive", "긍정"),
    "korean.emb.negative": ("negative", "부정"),
    "korean.emb.neither": ("neither", "어느 쪽도 아님"),
    "korean.emb.claim_same": (
        "Lesson 7's Korean LSTM sentiment model reads {word} alone as {side} (p(positive) = {p:.2f}), and {n} of its {k} "
        "nearest neighbours clearly lean the same way (p(positive) beyond {low:.2f} to {high:.2f}): morphemes used in the same places in reviews tend to carry the "
        "same feeling.",
        "7단원의 한국어 LSTM 감성 분석 모델이 {word} 하나만 읽고 내린 판정: {side} (p(긍정) = {p:.2f}). 가장 가까운 이웃 "
        "{k}개 중 {n}개도 같은 쪽으로 뚜렷이 기웁니다 (p(긍정)이 {low:.2f}–{high:.2f} 밖). 리뷰에서 같은 자리에 쓰이는 형태소는 같은 느낌을 담는 경우가 많습니다."),
    "korean.emb.claim_mixed": (
        "Lesson 7's Korean LSTM sentiment model reads {word} alone as {side} (p(positive) = {p:.2f}), but only {n} of its {k} "
        "nearest neighbours clearly lean the same way (p(positive) beyond {low:.2f} to {high:.2f}): skip-gram puts together morphemes used in the same places, and "
        "words of opposite feeling are often used in the same places.",
        "7단원의 한국어 LSTM 감성 분석 모델이 {word} 하나만 읽고 내린 판정: {side} (p(긍정) = {p:.2f}). 그런데 가장 가까운 "
        "이웃 {k}개 중 같은 쪽으로 뚜렷이 기우는 것은 {n}개뿐입니다 (p(긍정)이 {low:.2f}–{high:.2f} 밖). 스킵그램은 같은 자리에 쓰이는 형태소를 가깝게 놓는데, 느낌이 반대인 "
        "말도 같은 자리에 자주 쓰이기 때문입니다."),
    "korean.emb.claim_neither": (
        "Lesson 7's Korean LSTM sentiment model leans neither way on {word} alone (p(positive) = {p:.2f}): these neighbours "
        "are close because they are used in the same places, not because they carry a feeling.",
        "7단원의 한국어 LSTM 감성 분석 모델은 {word} 하나만으로는 어느 쪽으로도 기울지 않습니다 (p(긍정) = {p:.2f}). 이 이웃들은 "
        "느낌이 아니라 쓰이는 자리가 비슷해서 가깝습니다."),
    "korean.emb.honest_w2v": (
        "These 100-dimensional word vectors were trained by this project with skip-gram on the NSMC training "
        "reviews, cut into morphemes by Kiwi ({V:,} tokens in the vocabulary). Only morphemes that carry meaning "
        "(nouns, verb and adjective stems, roots, adverbs) are listed: particles and endings (이, 는, 었, 다) sit "
        "beside every word. A stem is written with its ending in brackets: 재밌(다). Lesson 7's Korean LSTM sentiment "
        "model reads syllables; its p(positive) of each word written alone is shown beside the neighbours.",
        "이 100차원 단어 벡터는 이 프로젝트가 NSMC 학습 리뷰를 Kiwi로 형태소 분석한 뒤 스킵그램으로 학습했습니다 "
        "(어휘 {V:,}개). 이웃 목록에는 뜻을 지닌 형태소(명사, 동사와 형용사의 어간, 어근, 부사)만 보여 줍니다. 조사와 "
        "어미(이, 는, 었, 다)는 어느 낱말 곁에나 나오기 때문입니다. 어간은 어미를 괄호에 넣어 재밌(다)처럼 적습니다. "
        "7단원의 한국어 LSTM 감성 분석 모델은 음절을 읽으며, 이웃마다 그 말 하나만 읽었을 때의 p(긍정)을 함께 보여 줍니다."),
    "korean.emb.analogy_note": (
        "Each word is read as its first morpheme that carries meaning (여배우 → 여배우, 좋다 → 좋(다)).",
        "각 낱말은 뜻을 지닌 첫 형태소로 읽습니다 (여배우 → 여배우, 좋다 → 좋(다))."),
    "korean.emb.no_kiwi": ("The morphological analyser (kiwipiepy) is not installed, so the Korean word vectors are "
                           "off; the sentiment model's embedding is shown instead.",
                           "형태소 분석기(kiwipiepy)가 설치되어 있지 않아 한국어 단어 벡터 대신 감성 분석 모델의 "
                           "임베딩을 보여 줍니다."),
    "korean.emb.analogy_works": ("With these vectors, {a} - {b} + {c} → {top}: the answer a reader expects.",
                                 "이 벡터에서 {a} - {b} + {c} → {top}: 기대한 답 그대로입니다."),
    "korean.emb.analogy_fails": (
        "With these vectors, {a} - {b} + {c} → {top}, not {expected}: this analogy fails on movie reviews. Words of "
        "opposite meaning used in the same places (생애 최고의 영화, 생애 최악의 영화) end up close, so the "
        "difference between them has no clear direction.",
        "이 벡터에서 {a} - {b} + {c} → {top}. 기대한 답은 {expected}. 영화 리뷰로 학습한 이 벡터에서는 이 유추가 "
        "성립하지 않습니다. 뜻이 반대인 말도 같은 자리에 쓰이면('생애 최고의 영화', '생애 최악의 영화'처럼) 벡터가 서로 가까워져서, "
        "둘의 차이가 뚜렷한 방향을 갖지 못합니다."),
    "korean.emb.map_stems": (
        "A verb or adjective stem is written with its ending in brackets: 재밌(다) is the stem of 재밌다.",
        "동사와 형용사는 어간 뒤에 괄호로 ‘다’를 붙여 적었습니다. 재밌(다)는 ‘재밌다’의 어간입니다."),
    "korean.emb.spelling": (
        "Reviews are full of playful spellings (재밋, 잼씀); the analyser reads some of them as nouns of their own "
        "or cuts them into odd pieces, and such forms show up among the neighbours too.",
        "리뷰에는 ‘재밋’, ‘잼씀’처럼 소리 나는 대로 쓴 말이 많습니다. 형태소 분석기가 이런 말을 따로 된 명사로 읽거나 "
        "어색하게 자르기도 해서, 그런 형태도 이웃에 나옵니다."),
    # lesson 4 in Korean: ko-lm, the next Kiwi morpheme after a Korean prefix (lessons/unrolled.py)
    "unroll.ko_lm_title": ("A language model: “이 영화 정말 ___”", "언어 모델: 다음에 올 토큰 맞히기"),
    "unroll.ko_lm_body": (
        "A many-to-many RNN (an LSTM with {units} units) trained on NSMC movie reviews, cut into morphemes by "
        "Kiwi, to predict the next token at every step. A token here is one morpheme: a stem, a particle or an "
        "ending. Perplexity on test reviews: {ppl:.0f}. On average the model is as unsure as if it picked among "
        "{ppl:.0f} equally likely morphemes, where a blind guess over its vocabulary of {vocab:,} morphemes would "
        "score {vocab:,}. Lower is better. (The SimpleRNN above reads syllables; this model reads morphemes.) Type "
        "the start of a sentence and see what it expects next.",
        "NSMC 영화 리뷰를 Kiwi 형태소 분석기로 잘라, 매 시점 다음 토큰을 예측하도록 학습한 다대다 RNN"
        "(유닛 {units}개의 LSTM)입니다. 여기서 토큰 하나는 형태소 하나이며, 어간일 수도 있고 조사나 어미일 수도 "
        "있습니다. 테스트 리뷰로 잰 퍼플렉서티는 {ppl:.0f}입니다. 평균적으로 형태소 {ppl:.0f}개 가운데 하나를 같은 확률로 "
        "고르는 만큼 헷갈린다는 뜻입니다. 어휘의 형태소 {vocab:,}개 가운데 아무렇게나 고르면 퍼플렉서티는 어휘 "
        "크기와 같은 {vocab:,}입니다. 낮을수록 좋습니다. (이 단원 맨 위의 SimpleRNN은 음절 단위로 읽고, 이 언어 "
        "모델과 아래 품사 태거는 형태소 단위로 읽습니다.) "
        "문장의 앞부분을 입력하면 다음에 올 토큰의 확률을 보여 줍니다."),
    "unroll.ko_lm_prefix": ("Start of a sentence (Korean)", "문장 앞부분 (한국어)"),
    "unroll.ko_lm_empty": ("Type at least one Korean word.", "한국어 낱말을 하나 이상 입력하세요."),
    "unroll.ko_lm_x": ("p(next token)", "p(다음 토큰)"),
    "unroll.ko_lm_word": ("next token", "다음 토큰"),
    "unroll.ko_lm_first": ("First prefix (Korean)", "첫 번째 문장 (한국어)"),
    "unroll.ko_lm_second": ("Second prefix (Korean)", "두 번째 문장 (한국어)"),
    "unroll.ko_lm_pair_body": (
        "Two prefixes that end with the same words but start differently. If the model uses what it read earlier, "
        "the two guesses differ. Next tokens are morphemes: a stem is written with 다 (재밌(다)), a particle or an "
        "ending after a hyphen (-가, -요).",
        "끝의 낱말은 같고 앞부분만 다른 두 문장입니다. 모델이 앞에서 읽은 내용을 쓴다면 두 예측이 달라집니다. 다음 "
        "토큰은 형태소입니다. 용언의 어간은 재밌(다)처럼 '다'를 붙여, 조사와 어미는 -가, -요처럼 붙임표를 앞에 "
        "달아 적었습니다."),
    "unroll.ko_lm_moved": (
        "The earlier words change the guess: {moved:.0%} of the probability, summed over all the model's tokens, moved "
        "from one token to another; the biggest change is {word}, {p1:.1%} → {p2:.1%}.",
        "앞의 낱말이 예측을 바꿉니다. 모델의 모든 토큰에 걸쳐 확률의 {moved:.0%} 정도가 다른 토큰으로 옮겨 갔습니다. 가장 "
        "크게 바뀐 토큰: {word} ({p1:.1%} → {p2:.1%})."),
    "unroll.ko_lm_same": (
        "Here the earlier words barely change the guess: summed over all the model's tokens, only {moved:.1%} of the "
        "probability moved (the biggest change, {word}, {p1:.1%} → {p2:.1%}). This model is an LSTM, yet it leans "
        "on the shared last words: gates let a network keep what came long before (lessons 5 and 6), but training "
        "to guess the next token rewards the nearest tokens most. Two prefixes whose last words differ change the "
        "guess far more, but then the earlier words are no longer the only difference.",
        "여기서는 앞의 낱말이 예측을 거의 바꾸지 못합니다. 모델의 모든 토큰에 걸쳐 다른 토큰으로 옮겨 간 확률은 "
        "{moved:.1%} 정도뿐입니다 (가장 크게 바뀐 토큰 {word}: {p1:.1%} → {p2:.1%}). 이 모델은 LSTM인데도 같은 끝 "
        "낱말에 기댑니다. 게이트는 훨씬 앞에서 읽은 내용을 간직할 수 있게 해 주지만(5, 6단원), 다음 토큰 맞히기 "
        "학습은 가장 가까운 토큰에 가장 큰 보상을 줍니다. 끝 낱말이 다른 두 문장은 예측이 훨씬 크게 달라지지만, "
        "그러면 앞부분만 다른 비교가 아니게 됩니다."),
}
