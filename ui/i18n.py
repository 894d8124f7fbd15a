"""Every user-facing string, in English and Korean, keyed by id.

``t("key", **values)`` returns the string in the current language. A test fails if a
key lacks either language or the two disagree on their {placeholders}.
"""
from __future__ import annotations

import string

import streamlit as st

from ui.strings import classroom as _classroom
from ui.strings import korean as _korean
from ui.strings import playground as _playground

LANGUAGES = ("en", "ko")
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}

STRINGS: dict[str, tuple[str, str]] = {
    # --- shell ---------------------------------------------------------------
    "app.title": ("RNN Lab", "RNN Lab"),
    "app.tagline": ("Watch every number of a recurrent neural network move.",
                    "순환 신경망의 숫자 하나하나가 움직이는 모습을 직접 보세요."),
    "sidebar.language": ("Language", "언어"),
    "sidebar.present": ("Presentation mode", "발표 모드"),
    "sidebar.link": ("Link to this view (copy it for the class)", "이 화면의 링크 (수업용으로 복사하세요)"),
    "sidebar.qr": ("QR code of this link", "이 링크의 QR 코드"),
    "sidebar.qr_caption": ("Scan it with a phone camera to open this very view.",
                           "휴대폰 카메라로 찍으면 지금 이 화면이 열립니다."),
    "sidebar.qr_too_long": ("This link is longer than {n} characters, too dense for a QR code: shorten the sentence, "
                            "or copy the link.",
                            "링크가 {n}자보다 길어 QR 코드로 만들기에는 너무 촘촘합니다. 문장을 줄이거나 링크를 복사하세요."),
    "sidebar.reset": ("Reset to defaults", "기본값으로 되돌리기"),
    "sidebar.reset_help": ("Every control of every lesson back to its starting value (language and presentation "
                           "mode stay).", "모든 단원의 조작값을 처음 값으로 되돌립니다 (언어와 발표 모드는 그대로)."),
    "sidebar.present_help": ("Larger type and figures for a projector.", "프로젝터용으로 글자와 그림을 크게 보여 줍니다."),
    "steps.step": ("Step", "시점"),
    "steps.prev": ("◀ Previous", "◀ 이전"),
    "steps.next": ("Next ▶", "다음 ▶"),
    "steps.autoplay": ("Autoplay", "자동 재생"),
    "steps.speed": ("Seconds per step", "재생 간격 (초)"),
    "steps.speed_format": ("every %.1f s", "%.1f초마다"),  # on the thumb: with the labels hidden (presenting) it reads
    # on from Autoplay
    "present.about": ("About this lesson", "이 단원에 대하여"),
    "glossary.title": ("Glossary", "용어집"),
    "glossary.intro": ("The terms this course uses, in English and Korean.",
                       "이 과정에서 쓰는 용어를 영어와 한국어로 정리했습니다."),
    "glossary.en": ("English", "영어"),
    "glossary.ko": ("Korean", "한국어"),
    "glossary.avoid": ("not", "쓰지 않는 말"),
    "nav.home": ("Course map", "전체 단원"),
    "nav.hidden_state": ("3 · One step of an RNN", "3 · RNN 한 시점의 계산"),
    "nav.demo": ("7 · Try it: live sentiment", "7 · 직접 해 보기: 감성 분석"),
    "notice.bad_param": ("The link had an unusable value for '{name}'; the default is used instead.",
                         "링크의 '{name}' 값을 쓸 수 없어 기본값을 사용합니다."),
    # --- home ----------------------------------------------------------------
    "home.intro": (
        "RNN Lab follows a sentence through a recurrent neural network: from its words to vectors, "
        "through each update of the hidden state, back through time as gradients, through the LSTM "
        "and GRU gates, to the verdict of a trained sentiment model. Every number is computed live.",
        "RNN Lab은 한 문장이 순환 신경망을 지나가는 길을 따라갑니다. 토큰이 벡터가 되고, 은닉 상태가 시점마다 "
        "갱신되고, 기울기가 시간을 거슬러 흐르고, LSTM과 GRU의 게이트를 지나 학습된 감성 분석 모델이 판정을 "
        "내리기까지, 화면의 모든 숫자는 그 자리에서 계산됩니다."),
    "home.map": ("Course map", "전체 단원"),
    "home.open": ("Open the lesson", "단원 열기"),
    "home.soon": ("Being written", "준비 중"),
    "lesson.1.title": ("1 · From text to numbers", "1 · 텍스트에서 숫자로"),
    "lesson.1.body": ("Tokens, vocabulary ids, one-hot vs embedding lookup, padding and masking.",
                      "토큰, 어휘 번호, 원-핫과 임베딩 조회, 패딩과 마스킹."),
    "lesson.2.title": ("2 · Embeddings", "2 · 임베딩"),
    "lesson.2.body": ("Dense word vectors, and which words end up close together.",
                      "토큰마다 하나씩인 밀집 벡터, 그리고 어떤 토큰끼리 가까이 모이는가."),
    "lesson.3.title": ("3 · One step of an RNN", "3 · RNN 한 시점의 계산"),
    "lesson.3.body": ("h_t = tanh(x_t W_x + h_{t-1} W_h + b) with every matrix, shape and number.",
                      "h_t = tanh(x_t W_x + h_{t-1} W_h + b)의 모든 행렬, 크기, 숫자."),
    "lesson.4.title": ("4 · Unrolled through time", "4 · 시간 축으로 펼치기"),
    "lesson.4.body": ("The same cell copied over the sentence; return_sequences; architectures.",
                      "문장 길이만큼 복사된 같은 셀, return_sequences, 여러 구조."),
    "lesson.5.title": ("5 · Vanishing and exploding gradients", "5 · 기울기 소실과 폭주"),
    "lesson.5.body": ("Backpropagation through time and why long memories fade.",
                      "시간에 따른 역전파(BPTT)와 긴 기억이 흐려지는 이유."),
    "lesson.6.title": ("6 · LSTM and GRU gates", "6 · LSTM과 GRU의 게이트"),
    "lesson.6.body": ("Forget, input and output gates, the cell state, the GRU's update and reset gates.",
                      "망각·입력·출력 게이트, 셀 상태, GRU의 업데이트·리셋 게이트."),
    "lesson.7.title": ("7 · Try it: live sentiment", "7 · 직접 해 보기: 실시간 감성 분석"),
    "lesson.7.body": ("Type a sentence and watch trained RNN, LSTM and GRU models judge it word by word.",
                      "문장을 입력하면 학습된 RNN, LSTM, GRU 모델이 토큰을 하나씩 읽으며 판정을 쌓아 가는 모습을 "
                      "봅니다."),
    # --- lesson 1: text to vectors --------------------------------------------
    "nav.text": ("1 · From text to numbers", "1 · 텍스트에서 숫자로"),
    "text.title": ("From text to numbers", "텍스트에서 숫자로"),
    "text.intro": (
        "A network only reads numbers. Before an RNN sees your sentence, it is standardised, cut into tokens, "
        "each token replaced by its id in the trained model's vocabulary, and each id by a row of the embedding "
        "table. Everything below is the pipeline lesson 7's sentiment model ({model}) was trained with.",
        "신경망은 숫자만 읽습니다. RNN이 문장을 보기 전에, 문장은 정규화된 뒤 토큰으로 잘리고, 각 토큰은 학습된 모델 "
        "어휘의 번호로, 각 번호는 임베딩 표의 한 행으로 바뀝니다. 아래는 7단원의 감성 분석 모델({model})이 학습한 그대로의 과정입니다."),
    "text.batch": ("Your sentences (one per line, up to {n})", "문장 입력 (한 줄에 하나, 최대 {n}개)"),
    "text.empty": ("Type at least one sentence.", "문장을 하나 이상 입력하세요."),
    "text.tokens": ("1. Tokens and their ids", "1. 토큰과 번호"),
    "text.tokens_body": (
        "The vocabulary holds {V} entries: id 0 is padding, id 1 stands for every out-of-vocabulary (OOV) token. "
        "{scheme_note}",
        "어휘에는 {V}개 항목이 있습니다. 0번은 패딩, 1번은 어휘에 없는(OOV) 모든 토큰을 뜻합니다. {scheme_note}"),
    "text.scheme_words": ("English is cut into lower-case words; contractions are split (wasn't → was n't).",
                          "영어는 소문자 단어로 자르고 축약형은 나눕니다 (wasn't → was n't)."),
    "text.scheme_syllables": ("Korean is cut into syllables, so 영화가 and 영화는 share 영 and 화.",
                              "한국어는 음절로 자릅니다. 그래서 ‘영화가’와 ‘영화는’ 두 단어가 ‘영’, ‘화’ 두 토큰을 "
                              "함께 씁니다."),
    "text.oov_count": ("Each token over its id. {n} of {T} tokens are out of vocabulary (orange, id 1); blue ones are "
                       "in it.",
                       "토큰마다 아래에 id가 적혀 있습니다. 토큰 {T}개 중 {n}개가 어휘 밖입니다(주황색, id 1). 파란색은 "
                       "어휘에 있는 토큰입니다."),
    "text.onehot": ("2. One-hot vector or table lookup: the same numbers", "2. 원-핫 벡터와 표 조회: 같은 숫자"),
    "text.onehot_body": (
        "A one-hot row has {V} entries, all 0 except a single 1 at the token's id. Multiplying the ({T} × {V}) "
        "one-hot matrix by the ({V} × {E}) embedding table gives exactly the rows you get by looking the ids up "
        "(largest difference: {diff:.1e}), but it costs {mults:,} multiplications instead of copying {copies:,} "
        "numbers.",
        "원-핫 행은 {V}개 값 중 토큰 번호 자리만 1이고 나머지는 0입니다. ({T} × {V}) 원-핫 행렬에 ({V} × {E}) "
        "임베딩 표를 곱하면 번호로 행을 바로 찾은 결과와 정확히 같지만(최대 차이 {diff:.1e}), 곱셈이 {mults:,}번 "
        "필요합니다. 조회는 숫자 {copies:,}개를 복사할 뿐입니다."),
    "text.vectors": ("The embedding vectors of your first sentence ({T} tokens × {E} dimensions)",
                     "첫 문장의 임베딩 벡터 (토큰 {T}개 × {E}차원)"),
    "text.onehot_pick": ("Token to look up", "조회할 토큰"),
    "text.onehot_panel": ("one_hot({token}): {V} entries, 0 everywhere except a 1 at id {id} (ids {a}–{b} shown)",
                          "one_hot({token}): 값 {V}개, 번호 {id} 자리만 1이고 나머지는 0 ({a}–{b}번만 표시)"),
    "text.lookup_panel": ("one_hot({token}) · E = row {id} of E ({E} numbers)",
                          "one_hot({token}) · E = E의 {id}번 행 (숫자 {E}개)"),
    "text.onehot_id": ("id", "번호"),
    "text.onehot_check": (
        "The product above and the row looked up directly differ by at most {gap:.1e}: the same {E} numbers.",
        "위의 곱과 번호로 바로 찾은 행의 차이는 최대 {gap:.1e}입니다. 같은 숫자 {E}개입니다."),
    "text.dimension": ("embedding dimension", "임베딩 차원"),
    "text.padding": ("3. Padding, truncation and the batch tensor", "3. 패딩, 자르기, 배치 텐서"),
    "text.maxlen": ("Length (time steps)", "길이 (시점 수)"),
    "text.pad_side": ("Padding", "패딩 위치"),
    "text.trunc_side": ("Truncation", "자르는 위치"),
    "text.pre": ("pre (at the start)", "pre (앞쪽)"),
    "text.post": ("post (at the end)", "post (뒤쪽)"),
    "text.ids_caption": (
        "Every sentence becomes a row of exactly {L} ids: short ones are filled with 0, long ones cut. Grey cells "
        "are padding (id 0), which the mask (mask_zero=True) tells the RNN to skip; orange cells are tokens the "
        "vocabulary does not know (id 1); blue cells are tokens it knows.",
        "모든 문장은 정확히 id {L}개짜리 행이 됩니다. 짧으면 0으로 채우고 길면 자릅니다. 회색 칸은 패딩(id 0)이며, "
        "마스크(mask_zero=True)가 RNN에 이 칸을 건너뛰라고 알립니다. 주황색 칸은 어휘에 없는 토큰(id 1), 파란색 칸은 "
        "어휘에 있는 토큰입니다."),
    "text.shape": ("The batch the RNN reads has shape (batch, time steps, features) = **({B}, {L}, {E})**.",
                   "RNN이 읽는 배치의 모양 (배치, 시점, 특성): **({B}, {L}, {E})**"),
    "text.sentence_axis": ("sentence", "문장"),
    "text.position_axis": ("position", "위치"),
    "text.mask": ("4. Masking: the hidden state freezes on padding", "4. 마스킹: 패딩에서 은닉 상태가 멈춘다"),
    "text.mask_body": (
        "The trained {model} reads your first sentence padded to {L} steps: {n} of them are padding, {side}. "
        "On a masked step it copies its previous state instead of reading a token.",
        "학습된 {model} 모델이 첫 문장을 {L}개 시점에 맞춰 패딩해서 읽습니다. 그중 {n}개는 {side}에 붙은 패딩입니다. "
        "마스크된 시점에서는 토큰을 읽지 않고 이전 상태를 그대로 복사합니다."),
    "text.mask_same": (
        "So the verdict is the same as without padding: {p_pad:.4f} padded, {p_plain:.4f} unpadded.",
        "그래서 판정이 패딩 없을 때와 같습니다: 패딩 {p_pad:.4f}, 패딩 없음 {p_plain:.4f}."),
    "text.mask_differs": (
        "Here the verdict is not the same as without padding ({p_pad:.4f} padded, {p_plain:.4f} unpadded): "
        "the mask did not hide the padding completely.",
        "이번에는 판정이 패딩 없을 때와 다릅니다 (패딩 {p_pad:.4f}, 패딩 없음 {p_plain:.4f}). 마스크가 패딩을 "
        "완전히 가리지 못했습니다."),
    "text.mask_pre": (
        "With the padding at the start, the state simply stays at its starting zeros until the first token. Choose "
        "Padding: post to watch it hold its last value after the sentence ends.",
        "패딩이 앞쪽에 있으면 상태는 첫 토큰이 나올 때까지 처음의 0에 머물 뿐입니다. 패딩 위치를 post로 바꾸면 "
        "문장이 끝난 뒤 마지막 값을 그대로 유지하는 모습을 볼 수 있습니다."),
    "text.mask_full": (
        "Your first sentence fills all {L} steps ({T} tokens), so nothing is padded or masked here{cut}. Raise the "
        "length or type a shorter sentence to see masking.",
        "첫 문장이 {L}개 시점을 모두 채우므로 ({T}개 토큰) 패딩도 마스크도 없습니다{cut}. 마스킹을 보려면 길이를 "
        "늘리거나 더 짧은 문장을 입력해 보세요."),
    "text.mask_cut": ("; {n} tokens are cut", ". 토큰 {n}개는 잘렸습니다"),
    "text.masked": ("masked", "마스크됨"),
    "text.order": ("5. Order matters", "5. 순서가 중요하다"),
    "text.order_flips": (
        "The same tokens in another order, and the verdict flips: p(positive) = {p_shuffled:.3f} ({shuffled_word}) "
        "instead of {p:.3f} ({word}). A bag of words could not notice; an RNN does, because it reads one token "
        "after another.",
        "같은 토큰을 순서만 바꿔서 읽게 했더니 판정이 뒤집힙니다: 섞은 순서 p(긍정) = {p_shuffled:.3f} ({shuffled_word}), "
        "원래 순서 {p:.3f} ({word}). 단어 가방 모델은 순서를 보지 않아 이 차이를 모르지만, RNN은 토큰을 차례로 "
        "읽기 때문에 압니다."),
    "text.order_moves": (
        "The same tokens in another order: p(positive) = {p_shuffled:.3f} instead of {p:.3f}. The verdict stays "
        "{word}, but the number moves by {delta:.3f}: a bag of words would give exactly the same number; an RNN "
        "reads one token after another.",
        "같은 토큰을 순서만 바꿔서 읽게 했습니다: 섞은 순서 p(긍정) = {p_shuffled:.3f}, 원래 순서 {p:.3f}. 판정은 그대로 "
        "{word}이지만 값이 {delta:.3f}만큼 움직입니다. 단어 가방 모델이라면 값이 똑같겠지만, RNN은 토큰을 차례로 "
        "읽습니다."),
    "text.order_barely": (
        "This order barely changes anything (p(positive) = {p_shuffled:.3f} instead of {p:.3f}): on this sentence "
        "the model happens to read the tokens almost like a bag of words. Shuffle again, or try a sentence whose "
        "meaning rests on order, such as the example below.",
        "이 순서로는 거의 달라지지 않습니다 (섞은 순서 p(긍정) = {p_shuffled:.3f}, 원래 순서 {p:.3f}). 이 문장에서는 "
        "모델이 우연히 토큰을 단어 가방처럼 읽은 셈입니다. 다시 섞거나, 아래 예처럼 순서에 뜻이 달린 문장을 넣어 "
        "보세요."),
    "text.order_one": ("One token has no order to change: type a longer sentence.",
                       "토큰이 하나뿐이라 바꿀 순서가 없습니다. 더 긴 문장을 입력해 보세요."),
    "text.order_example": (
        "Order at work, on this model: {a} → {pa:.2f}, {b} → {pb:.2f}.",
        "이 모델에서 순서가 하는 일: {a} → {pa:.2f}, {b} → {pb:.2f}."),
    "text.shuffle": ("Shuffle the words", "토큰 섞기"),
    "text.shuffled": ("Shuffled: {text}", "섞은 문장: {text}"),
    # --- lesson 2: embeddings -------------------------------------------------
    "nav.embeddings": ("2 · Embeddings", "2 · 임베딩"),
    "emb.title": ("Embeddings", "임베딩"),
    "emb.intro": (
        "Each token id picks one row of the embedding table: a dense vector of numbers that training has "
        "adjusted ({E} in lesson 7's sentiment model, {model}, whose rows your sentence gets). Every vector below is a real "
        "one: the map and the neighbours use the vectors you choose.",
        "토큰 번호 하나가 임베딩 표의 한 행을 고릅니다. 이 행은 학습으로 조정된 숫자로 이루어진 밀집 벡터입니다 (7단원의 감성 분석 모델 "
        "{model}에서는 {E}차원, 즉 숫자 {E}개이며, 내 문장의 행도 이 모델에서 가져옵니다). 아래 벡터는 모두 실제 벡터이고, "
        "지도와 이웃은 위에서 고른 벡터 종류로 그립니다."),
    "emb.honest": (
        "These vectors were trained to tell positive from negative reviews, so words end up close when they push "
        "the verdict the same way (great, excellent, wonderful), not when they mean similar things. City names or "
        "king - man + woman = queen, the classic word2vec examples, need vectors trained to predict neighbouring "
        "words; here such analogies mostly fail, and the results below show it honestly.",
        "이 벡터는 긍정과 부정 리뷰를 가르도록 학습되었기 때문에, 뜻이 비슷한 토큰보다 판정을 같은 쪽으로 미는 "
        "토큰끼리 가까워집니다. 예를 들어 ‘좋’ 곁에는 ‘훌’(훌륭)과 ‘쾌’(유쾌)가, ‘쓰’(쓰레기) 곁에는 ‘돈’(돈 "
        "아깝다)이 있습니다. 도시 이름이나 ‘왕 - 남자 + 여자 = 여왕’ 같은 word2vec의 고전 예시는 주변 단어를 "
        "예측하도록 학습한 벡터가 필요하고, 여기서는 대부분 성립하지 않습니다. 아래 결과가 그대로 보여 줍니다."),
    "emb.sentence": ("Sentence", "문장"),
    "emb.source": ("Vectors", "벡터"),
    "emb.source_w2v": ("skip-gram word vectors, 100 dimensions (trained to predict neighbouring words)",
                       "스킵그램 단어 벡터, 100차원 (주변 단어를 예측하도록 학습)"),
    "emb.source_sentiment": ("the {model} sentiment model's embedding", "{model} 감성 모델의 임베딩"),
    "emb.honest_w2v": (
        "These 100-dimensional vectors were trained by this project with skip-gram (Mikolov et al., 2013) on "
        "the IMDB and SST-2 reviews: a word's vector learns to predict the words around it, so words used in the "
        "same contexts end up close. Movie reviews are a small corpus about films: actor names and film words "
        "are well placed, city names and royal families much less: actor - man + woman gives actress here, but "
        "king - man + woman does not give queen. The results below are what the vectors really give.",
        "이 100차원 벡터는 이 프로젝트가 IMDB와 SST-2 리뷰로 스킵그램(Mikolov 외, 2013)을 학습해 만들었습니다. "
        "단어 벡터가 주변 단어를 예측하도록 학습되므로 같은 문맥에서 쓰이는 단어끼리 가까워집니다. 영화 리뷰는 영화에 "
        "관한 작은 말뭉치라서 배우 이름이나 영화 용어는 잘 자리 잡지만 도시나 왕족 이름은 덜 그렇습니다. 여기서 "
        "actor - man + woman은 actress가 되지만 king - man + woman은 queen이 되지 않습니다. 아래 결과는 벡터가 실제로 "
        "주는 그대로입니다."),
    "emb.heatmap": ("The vectors of your tokens in {model} ({T} × {E})", "{model}에서 내 토큰의 벡터 ({T} × {E})"),
    "emb.map": ("{n} frequent tokens and yours, projected on two axes (PCA)", "자주 쓰는 토큰 {n}개와 내 토큰을 두 축에 투영 (PCA)"),
    "emb.map_caption": (
        "The two axes (one scale on both) keep only {a:.1%} and {b:.1%} of the variance of these vectors: nearness "
        "on the map is a rough guide, and the neighbours below are measured by cosine over every dimension. Hover "
        "over or tap a dot for its token and coordinates.",
        "두 축(눈금 간격은 같음)은 이 벡터들 분산의 {a:.1%}와 {b:.1%}만 담습니다. 그래서 지도 위의 거리는 대략적인 참고일 "
        "뿐이며, 아래의 이웃은 모든 차원에 걸친 코사인 유사도로 잽니다. 점에 마우스를 올리거나 점을 탭하면 토큰과 좌표가 "
        "보입니다."),
    "emb.map_others": ("frequent tokens", "자주 쓰는 토큰"),
    "emb.map_mine": ("your tokens", "내 토큰"),
    "emb.map_found": ("the token you searched for", "찾은 토큰"),
    "emb.map_not_on": ("The token you searched for, “{word}”, is in the vocabulary but not among the tokens drawn "
                       "on this map: its nearest neighbours are listed below.",
                       "찾은 토큰 “{word}”: 어휘에는 있지만 이 지도에 그린 토큰에는 없습니다. 가장 가까운 이웃은 아래 표에서 "
                       "볼 수 있습니다."),
    "emb.axis1": ("principal axis 1", "주성분 축 1"),
    "emb.axis2": ("principal axis 2", "주성분 축 2"),
    "emb.search": ("Find a token", "토큰 찾기"),
    "emb.search_help": ("Marks it on the map and lists its nearest neighbours by cosine similarity.",
                        "지도에 표시하고 코사인 유사도로 가장 가까운 이웃을 보여 줍니다."),
    "emb.not_found": ("“{word}” is not in the model's vocabulary.", "“{word}”: 모델 어휘에 없는 토큰입니다."),
    "emb.neighbour": ("neighbour", "이웃"),
    "emb.cosine": ("cosine similarity", "코사인 유사도"),
    "emb.analogy": ("Analogy: a - b + c", "유추: a - b + c"),
    "emb.analogy_missing": ("Each of a, b and c must be in the vocabulary.", "a, b, c가 모두 어휘에 있어야 합니다."),
    # --- lesson 3: one step --------------------------------------------------
    "step.title": ("One step of an RNN", "RNN 한 시점의 계산"),
    "step.intro": (
        "An RNN is a single layer used again and again. At every time step it reads one input vector x_t "
        "and its own previous output h_{t-1}, its memory, and produces a new hidden state h_t.",
        "RNN은 하나의 층을 반복해서 쓰는 구조입니다. 시점마다 입력 벡터 x_t와 자신의 직전 출력 h_{t-1}"
        "(기억)을 읽어 새 은닉 상태 h_t를 만듭니다."),
    "step.sentence": ("Sentence", "문장"),
    "step.sentence_help": ("Each word becomes one time step.", "단어 하나가 한 시점이 됩니다."),
    "step.d": ("Input size d", "입력 크기 d"),
    "step.d_help": ("Features per word: the length of each input vector x_t.", "단어당 특성 수: 입력 벡터 x_t의 길이."),
    "step.D": ("Hidden size D", "은닉 크기 D"),
    "step.D_help": ("Units: the length of the hidden state h_t.", "유닛 수: 은닉 상태 h_t의 길이."),
    "step.seed": ("Random seed for the weights", "가중치 난수 시드"),
    "step.weights": ("Weights", "가중치"),
    "step.empty": ("Type at least one word to see the RNN step. (Letters, digits, ! and ? become tokens; emoji and "
                   "other symbols are skipped.)",
                   "RNN의 계산을 보려면 단어를 하나 이상 입력하세요. (글자, 숫자, !와 ?는 토큰이 되고, 이모지와 그 밖의 "
                   "기호는 건너뜁니다.)"),
    "step.too_long": ("Only the first {n} words are used in this lesson.",
                      "이 단원에서는 앞의 {n}개 단어만 사용합니다."),
    "step.toy_note": (
        "The weights here are random (fixed by the seed) and each word's vector x_t comes from a small random "
        "embedding table: the numbers are real computations, but nothing here is trained yet.",
        "여기서 가중치는 시드로 고정된 난수이고, 단어 벡터 x_t는 작은 무작위 임베딩 표에서 가져옵니다. "
        "숫자는 모두 실제 계산 결과이지만, 아직 학습된 것은 아닙니다."),
    "step.equation_row": ("Row-vector form (Keras)", "행 벡터 형식 (Keras)"),
    "step.equation_col": ("Column-vector form (the notes)", "열 벡터 형식 (강의 노트)"),
    "step.col_explain": (
        "Same numbers, transposed. W_x here is always Keras's (d × D) kernel, with the row x_t on its left (x_t W_x); "
        "the notes' matrix is its transpose W_xᵀ, (D × d), acting on a column x_t. Each cell shows its value to two "
        "decimals; hover over it or tap it for five.",
        "같은 숫자를 전치한 것입니다. 여기서 W_x는 언제나 Keras의 (d × D) 커널이고, 행 벡터 x_t가 왼쪽에 곱해집니다"
        "(x_t W_x). 강의 노트의 행렬은 그 전치인 W_xᵀ, 즉 (D × d) 행렬이며 열 벡터 x_t에 곱합니다. 칸마다 값이 소수 "
        "둘째 자리까지 적혀 있고, 마우스를 올리거나 탭하면 다섯째 자리까지 보입니다."),
    "step.figure": ("Step t = {t}, word “{word}”: every matrix with its shape", "시점 t = {t}, 단어 “{word}”: 모든 행렬과 크기"),
    "step.figure_caption": (
        "x_t W_x, h_{t-1} W_h and b add up to the pre-activation z_t; tanh squashes it into h_t, each value between "
        "-1 and 1. At t = 1 there is no earlier state: h_0 is all zeros. Each cell is rounded to two decimals and "
        "the sums use the full values, so a sum checked by hand can differ in the last digit. Colour: blue "
        "negative, red positive.",
        "x_t W_x와 h_{t-1} W_h, b를 더한 값이 사전 활성값 z_t이고, tanh가 이 값을 -1과 1 사이로 눌러 h_t를 "
        "만듭니다. t = 1일 때는 이전 상태가 없으므로 h_0은 모두 0입니다. 칸의 값은 소수 둘째 자리에서 반올림한 "
        "것이고 합은 반올림 전의 값으로 계산하므로, 손으로 더해 보면 마지막 자리가 다를 수 있습니다. 색: "
        "파랑은 음수, 빨강은 양수."),
    "step.numbers": ("The numbers of this step", "이 시점의 숫자"),
    "step.unit": ("unit", "유닛"),
    "step.time_axis": ("time step · token", "시점 · 토큰"),
    "step.sharing": ("Parameter sharing: the same weights at every step", "파라미터 공유: 모든 시점에 같은 가중치"),
    "step.sharing_body": (
        "All {T} steps use the very same W_x, W_h and b: their checksum, a short fingerprint of every number in "
        "them, reads {checksum} at every step. Only the input and the memory change. That is why an RNN can read a "
        "sentence of any length with a fixed number of parameters.",
        "{T}개 시점 모두 똑같은 W_x, W_h, b를 씁니다. 이 값들을 짧게 요약한 체크섬 {checksum} 역시 어느 시점에서나 "
        "같습니다. 바뀌는 것은 입력과 기억뿐입니다. 그래서 RNN은 고정된 개수의 파라미터로 어떤 길이의 문장이든 읽을 수 "
        "있습니다."),
    "step.states_figure": ("Hidden state after each word (rows: time steps, columns: units)",
                           "단어마다의 은닉 상태 (행: 시점, 열: 유닛)"),
    "step.states_caption": ("The highlighted row is the step shown above. Hover or tap for exact values.",
                            "강조된 행이 위에서 보여 준 시점입니다. 정확한 값은 마우스를 올리거나 탭해서 확인하세요."),
    "step.params": ("How many parameters?", "파라미터는 몇 개일까?"),
    "step.params_body": (
        "W_x has d × D = {wx} entries, W_h has D × D = {wh}, b has D = {b}. Together: "
        "D · (d + D + 1) = {D} · ({d} + {D} + 1) = **{total}**.",
        "W_x는 d × D = {wx}개, W_h는 D × D = {wh}개, b는 D = {b}개입니다. 모두 합하면 D · (d + D + 1) = {D} · ({d} "
        "+ {D} + 1) = **{total}개**."),
    "step.params_notes": (
        "The notes' example, SimpleRNN(3) on inputs of shape (2, 10), has 3 · (10 + 3 + 1) = {n} parameters; "
        "the number of time steps (2) does not appear, because the weights are shared.",
        "노트의 예시 SimpleRNN(3)에 (2, 10) 입력을 넣으면 3 · (10 + 3 + 1) = {n}개입니다. 시점 수(2)는 식에 "
        "나오지 않습니다. 가중치를 공유하기 때문입니다."),
    "step.code": ("The whole RNN in a NumPy loop", "NumPy 반복문으로 쓴 RNN 전체"),
    "step.code_body": (
        "This is the function that just ran (its real source): the notes' column-vector loop, here with "
        "10 time steps, 4 inputs and 8 hidden units. Press the button to run it on fresh random inputs.",
        "방금 실행된 함수의 실제 소스입니다. 노트의 열 벡터 반복문을 10개 시점, 입력 4개, 은닉 유닛 8개로 "
        "실행합니다. 버튼을 누르면 새 무작위 입력으로 다시 실행합니다."),
    "step.run": ("Run it again", "다시 실행"),
    "step.run_result": ("Output shape {shape} (time steps × hidden units). Run #{k}:",
                        "출력 크기 {shape} (시점 × 은닉 유닛). 실행 #{k}:"),
    "step.saturation": (
        "With the notes' weights drawn from [0, 1), nearly every value sits at 0.99…: tanh is saturated. "
        "Weights centred on zero, as Keras initialises them, keep the states alive.",
        "노트처럼 가중치를 [0, 1)에서 뽑으면 거의 모든 값이 0.99…에 붙습니다. tanh가 포화된 것입니다. "
        "Keras처럼 0 근처에서 초기화하면 상태가 살아 있습니다."),
    "step.weights_from": ("Weights drawn from", "가중치 분포"),
    "step.weights_notes": ("[0, 1) as in the notes", "노트처럼 [0, 1)"),
    "step.weights_centred": ("centred on 0", "0을 중심으로"),
    # --- lesson 4: unrolled through time --------------------------------------
    "nav.unrolled": ("4 · Unrolled through time", "4 · 시간 축으로 펼치기"),
    "unroll.title": ("Unrolled through time", "시간 축으로 펼치기"),
    "unroll.intro": (
        "Unrolling draws the one recurrent cell once per time step: the same W_x, W_h and b, fed the word of that "
        "step and the state of the step before. Play your sentence through the trained {model} word by word.",
        "펼치기는 하나의 순환 셀을 시점마다 한 번씩 그린 그림입니다. 같은 W_x, W_h, b에 그 시점의 토큰과 직전 "
        "시점의 상태가 들어갑니다. 학습된 {model} 모델로 문장을 토큰 하나씩 재생해 보세요."),
    "unroll.sentence": ("Sentence", "문장"),
    "unroll.counter": ("Step {t} of {T}: “{word}” · p(positive) so far = {p:.3f}",
                       "{T}개 시점 중 {t}번째: “{word}” · 지금까지의 p(긍정) = {p:.3f}"),
    "unroll.states": ("Hidden states so far (rows: time steps, columns: the {D} units; striped: not read yet)",
                      "지금까지의 은닉 상태 (행: 시점, 열: 유닛 {D}개, 빗금: 아직 읽지 않음)"),
    "unroll.verdict": ("Verdict after each step", "시점마다의 판정"),
    "unroll.empty": ("Type a sentence with at least one word.", "토큰이 하나 이상 나오는 문장을 입력하세요."),
    "unroll.rs": ("return_sequences: one state or all of them", "return_sequences: 상태 하나 또는 전부"),
    "unroll.rs_toggle": ("return_sequences=True", "return_sequences=True"),
    "unroll.batch": ("batch size", "배치 크기"),
    "unroll.steps": ("time steps", "시점 수"),
    "unroll.features": ("input features", "입력 특성 수"),
    "unroll.units": ("units", "유닛 수"),
    "unroll.rs_result": (
        "SimpleRNN({D}) on inputs of shape ({B}, {T}, {d}) returns **{shape}**: {what}. It has {params} parameters, "
        "however many time steps there are.",
        "SimpleRNN({D}) 층에 ({B}, {T}, {d}) 입력을 넣으면 나오는 크기: **{shape}** ({what}). 파라미터는 시점 수와 "
        "상관없이 {params}개입니다."),
    "unroll.rs_last": ("the last hidden state of each sequence", "각 시퀀스의 마지막 은닉 상태"),
    "unroll.rs_all": ("every hidden state of every sequence", "모든 시퀀스의 모든 은닉 상태"),
    "unroll.readout": ("Reading out the hidden states: last, mean or concatenation",
                       "은닉 상태 읽어 내기: 마지막, 평균, 이어 붙이기"),
    "unroll.readout_heads": (
        "A head needs a fixed size, so each read-out got its own logistic head, trained on the frozen {model}'s states "
        "with the text padded to {L} steps (the concatenation then holds {n:,} numbers). Their verdicts on your "
        "sentence:",
        "헤드는 입력 크기가 고정되어야 하므로, 읽어 내는 방식마다 로지스틱 헤드를 따로 두고 고정된 {model} 모델의 "
        "은닉 상태로 학습했습니다. 문장은 {L}개 시점에 맞춰 패딩하므로 이어 붙이면 숫자가 {n:,}개입니다. 내 문장에 "
        "대한 세 헤드의 판정:"),
    "unroll.readout_agree": ("The three read-outs agree on this sentence.", "이 문장에서는 세 방식의 판정이 같습니다."),
    "unroll.readout_disagree": ("The three read-outs disagree on this sentence.",
                                "이 문장에서는 세 방식의 판정이 엇갈립니다."),
    "unroll.readout_best_last": (
        "On the test split the last state reads best (accuracy {last:.3f}; mean {mean:.3f}, concatenation "
        "{concat:.3f}). That fits how this SimpleRNN was trained: with a head on h_T, so it learnt to gather its "
        "verdict in the last state.",
        "테스트 데이터에서는 마지막 상태가 가장 잘 읽힙니다 (정확도 {last:.3f}, 평균 {mean:.3f}, 이어 붙이기 "
        "{concat:.3f}). 이 SimpleRNN은 h_T 위에 헤드를 두고 학습했으니, 판정을 마지막 상태에 모으도록 배운 것과 "
        "맞아떨어집니다."),
    "unroll.readout_best_other": (
        "On the test split {best} reads best (accuracy: last {last:.3f}, mean {mean:.3f}, concatenation "
        "{concat:.3f}).",
        "테스트 데이터에서는 {best} 방식이 가장 잘 읽힙니다 (정확도: 마지막 {last:.3f}, 평균 {mean:.3f}, 이어 붙이기 "
        "{concat:.3f})."),
    "unroll.concat": ("concatenation", "이어 붙이기"),
    "unroll.readout_body": (
        "Many-to-one models need one vector for the whole text. The last state h_T is the usual choice; the mean "
        "of all states weighs every word equally; concatenating keeps everything but its size grows with the "
        "length: here {last}, {mean} and {concat}.",
        "다대일 모델은 문장 전체를 대표할 벡터 하나가 필요합니다. 보통 마지막 상태 h_T를 쓰고, 모든 상태의 평균은 "
        "시점마다 같은 가중치를 주며, 이어 붙이기는 모두 담지만 길이에 따라 커집니다. 여기서는 {last}, {mean}, "
        "{concat}."),
    "unroll.last": ("last h_T", "마지막 h_T"),
    "unroll.mean": ("mean of h_1..h_T", "h_1..h_T의 평균"),
    "unroll.stack": ("A stacked (deep) RNN", "쌓은(깊은) RNN"),
    "unroll.stack_body": (
        "The lower layer must return all its states (return_sequences=True) so that the upper layer has a sequence "
        "to read. Shapes and parameter counts below come from running the layers on a batch of {B} sequences "
        "of {T} steps.",
        "아래층은 모든 상태를 돌려줘야(return_sequences=True) 위층이 읽을 시퀀스가 생깁니다. 아래 크기와 파라미터 수는 "
        "시점 {T}개짜리 시퀀스 {B}개 배치로 실제로 층을 실행해 얻은 값입니다."),
    "unroll.layer": ("layer", "층"),
    "unroll.output": ("output shape", "출력 크기"),
    "unroll.params": ("parameters", "파라미터"),
    "unroll.formula": ("formula", "공식"),
    "unroll.total": ("total", "합계"),
    "unroll.vocab": ("vocabulary V", "어휘 크기 V"),
    "unroll.embed": ("embedding E", "임베딩 차원 E"),
    "unroll.units1": ("units, layer 1", "1층 유닛"),
    "unroll.units2": ("units, layer 2", "2층 유닛"),
    "unroll.bi": ("Bidirectional: reading both ways", "양방향: 양쪽으로 읽기"),
    "unroll.bi_body": (
        "A bidirectional layer runs one RNN left to right and another right to left and joins their states, so "
        "the state at each word knows the words before and after it. Forward and backward states of your "
        "sentence ({D} units each, joined into {twoD}); random weights.",
        "양방향 층에서는 RNN 하나가 왼쪽에서 오른쪽으로, 다른 하나가 오른쪽에서 왼쪽으로 읽고 두 상태를 이어 붙입니다. 그래서 "
        "각 단어의 상태가 앞뒤 단어를 모두 압니다. 내 문장의 순방향·역방향 상태 (방향마다 유닛 {D}개, 합쳐 {twoD}개). 가중치는 무작위입니다."),
    "unroll.bi_axis": ("units: forward | backward", "유닛: 순방향 | 역방향"),
    "unroll.arch": ("One-to-many, many-to-one, many-to-many", "일대다, 다대일, 다대다"),
    "unroll.arch_pick": ("Architecture", "구조"),
    "arch.one_to_many": ("one-to-many: image captioning (one image in, a sentence out)",
                         "일대다: 이미지 캡셔닝 (이미지 하나를 넣으면 문장이 나옴)"),
    "arch.many_to_one": ("many-to-one: sentiment of a review (IMDB, Korean NSMC), topic of a news story (Reuters, 46 "
                         "topics), a news recommendation from the articles a reader has opened",
                         "다대일: 리뷰 감성 분석 (IMDB, 한국어 NSMC), 뉴스 주제 분류 (로이터, 46개 주제), 독자가 읽은 기사를 "
                         "바탕으로 한 뉴스 추천"),
    "arch.many_to_many": ("many-to-many, aligned: part-of-speech tagging, one tag per word",
                          "다대다 (정렬): 품사 태깅, 단어마다 태그 하나"),
    "arch.seq2seq": ("many-to-many, encoder-decoder: translation (read the whole sentence, then write another)",
                     "다대다 (인코더-디코더): 번역 (문장 전체를 읽은 뒤 다른 문장을 씀)"),
    "input.other_language": (
        "This sentence is in {other}, but this page reads it with the {mine} models, so its numbers mean little.",
        "이 문장은 {other} 문장인데, 이 화면은 {mine} 모델로 읽습니다. 그래서 나오는 숫자에 큰 의미가 없습니다."),
    "input.use_default": ("Use the {mine} example sentence", "{mine} 예문으로 바꾸기"),
    "unroll.lm": ("A language model: “the movie is ___”", "언어 모델: 다음에 올 단어 맞히기"),
    "unroll.lm_body": (
        "A many-to-many RNN (an LSTM with {units} units) trained on IMDB reviews to predict the next word at every "
        "step. On test reviews its perplexity is {ppl:.0f}: on average it is as unsure as if it picked among "
        "{ppl:.0f} equally likely words, where a blind guess over its {vocab:,} words would score {vocab:,}. Lower "
        "is better. Type the start of a sentence and see what it expects next.",
        "IMDB 영어 리뷰로 매 시점 다음 단어를 예측하도록 학습한 다대다 RNN(유닛 {units}개의 LSTM)입니다. 테스트 "
        "리뷰에서 잰 퍼플렉서티는 {ppl:.0f}입니다. 평균적으로 단어 {ppl:.0f}개 가운데 하나를 같은 확률로 고르는 "
        "만큼 헷갈린다는 뜻이며, 어휘 {vocab:,}개에서 아무렇게나 고르면 그 값이 {vocab:,}입니다. 낮을수록 좋습니다. "
        "영어 문장의 앞부분을 입력하면 다음에 올 단어의 확률을 보여 줍니다."),
    "unroll.lm_pair": ("Does the earlier text change the guess?", "앞에서 읽은 내용이 예측을 바꿀까요?"),
    "unroll.lm_pair_body": (
        "Two prefixes that end with the same words but start differently (the tokenizer drops the full stop). If "
        "the model uses what it read earlier, the two guesses differ. `n't` is the split-off end of words like `isn't`.",
        "끝의 단어는 같고 앞부분만 다른 두 문장입니다 (마침표는 토큰화에서 빠집니다). 모델이 앞에서 읽은 내용을 "
        "쓴다면 두 예측이 달라집니다. `n't`는 `isn't` 같은 단어에서 떼어 낸 끝부분입니다."),
    "unroll.lm_first": ("First prefix (English)", "첫 번째 문장 (영어)"),
    "unroll.lm_second": ("Second prefix (English)", "두 번째 문장 (영어)"),
    "unroll.lm_word": ("next word", "다음 단어"),
    "unroll.lm_moved": (
        "The earlier words change the guess: {moved:.0%} of the probability, summed over all the model's words, moved "
        "from one word to another; the biggest change is {word}, {p1:.1%} → {p2:.1%}.",
        "앞의 단어가 예측을 바꿉니다. 모델의 모든 단어에 걸쳐 확률의 {moved:.0%}가 다른 단어로 옮겨 갔고, 가장 크게 바뀐 "
        "단어는 {word}입니다 ({p1:.1%} → {p2:.1%})."),
    "unroll.lm_same": (
        "Here the earlier words barely change the guess: summed over all the model's words, only {moved:.1%} of the "
        "probability moved (the biggest change, {word}, {p1:.1%} → {p2:.1%}). This model is an LSTM, yet it leans "
        "on the shared last words: gates let a network keep what came long before (lessons 5 and 6), but training "
        "to guess the next word rewards the nearest words most. Two prefixes whose last words differ change the guess "
        "far more, but then the earlier words are no longer the only difference.",
        "여기서는 앞의 단어가 예측을 거의 바꾸지 못합니다. 모델의 모든 단어에 걸쳐 확률의 {moved:.1%}만 다른 "
        "단어로 옮겨 갔습니다 (가장 크게 바뀐 {word}: {p1:.1%} → {p2:.1%}). 이 모델은 LSTM인데도 같은 끝 단어에 "
        "기댑니다. 게이트는 훨씬 앞에서 읽은 내용을 간직할 수 있게 해 주지만(5, 6단원), 다음 단어 맞히기 학습은 "
        "가장 가까운 단어에 가장 큰 보상을 줍니다. 끝 단어가 다른 두 문장은 예측이 훨씬 크게 달라지지만, "
        "그러면 앞부분만 다른 비교가 아니게 됩니다."),
    "unroll.lm_prefix": ("Start of a sentence (English)", "문장 앞부분 (영어)"),
    "unroll.lm_empty": ("Type at least one English word.", "영어 단어를 하나 이상 입력하세요."),
    "unroll.lm_x": ("p(next word)", "p(다음 단어)"),
    "unroll.pos": ("Part-of-speech tagging: one tag per morpheme", "품사 태깅: 형태소마다 품사 하나"),
    "unroll.pos_body": (
        "Tagging is many-to-many with aligned outputs: at every time step the tagger reads one more morpheme and "
        "gives a probability to each part of speech, read from that step's hidden state alone. This tagger is a "
        "SimpleRNN with {units} units that this project trained on {reviews:,} NSMC reviews, which Kiwi (the Korean "
        "analyser used throughout this app) had split into morphemes and tagged. The tagger never sees Kiwi's tags: "
        "it reads the written forms only, and only up to the current one.",
        "태깅은 출력이 입력과 나란히 놓이는 다대다 구조입니다. 태거는 시점마다 형태소를 하나 더 읽고, 그 시점의 "
        "은닉 상태만 보고 품사마다 확률을 냅니다. 이 태거는 유닛 {units}개짜리 SimpleRNN입니다. 형태소 분석기 "
        "Kiwi(이 앱에서 한국어를 자르는 분석기)가 형태소로 나누고 품사를 붙인 NSMC 리뷰 {reviews:,}개로 "
        "학습시켰습니다. 태거는 Kiwi가 붙인 품사(정답)를 보지 못하고, 지금 시점까지의 형태소 글자만 읽습니다."),
    "unroll.pos_english": (
        "This tagger was trained on Korean, so type a Korean sentence: Kiwi tags Korean, and no tagged English text "
        "was available to train an English one. The parts of speech are named in English. The example, 이 영화가 "
        "최고이다, means “this movie is the best”.",
        "태거는 한국어를 읽습니다."),
    "unroll.pos_input": ("A Korean sentence (the tagger reads Korean)", "태깅할 문장"),
    "unroll.pos_empty": ("The tagger found no morpheme. Type a Korean sentence.",
                         "형태소를 찾지 못했습니다. 한국어 문장을 입력하세요."),
    "unroll.pos_x": ("part of speech", "품사"),
    "unroll.pos_y": ("morpheme (time step)", "형태소 (시점)"),
    "unroll.pos_value": ("p(tag)", "p(품사)"),
    "unroll.pos_caption": (
        "Each column sums to 1 (values under 0.05 are not printed). The tagger's guess is the brightest cell of a "
        "column; the framed cell is Kiwi's tag.",
        "각 열의 확률을 모두 더하면 1입니다(0.05 미만은 숫자를 생략). 열마다 가장 밝은 칸이 태거가 고른 품사이고, "
        "테두리 친 칸이 Kiwi가 붙인 품사입니다."),
    "unroll.pos_agree": ("Here the tagger agrees with Kiwi on {agree} of {T} morphemes.",
                         "이 문장의 형태소 {T}개 중 {agree}개에서 태거가 Kiwi와 같은 품사를 골랐습니다."),
    "unroll.pos_contrast": (
        "The form {form} comes twice and gets two parts of speech: {first} at step {i}, {second} at step {j}. "
        "The input is the same; the hidden state, which carries the morphemes before it, is not.",
        "글자가 같은 형태소 {form} 두 개가 서로 다른 품사를 받았습니다. 시점 {i}에서는 {first}, 시점 {j}에서는 "
        "{second}입니다. 입력은 같지만 앞의 형태소를 담은 은닉 상태가 다르기 때문입니다."),
    "unroll.pos_no_contrast": (
        "No form comes twice with two different parts of speech in this sentence, so it does not show the context "
        "at work. Try a sentence such as {example}.",
        "이 문장에는 같은 형태소가 두 번 나와 다른 품사를 받은 경우가 없어서, 문맥이 품사를 바꾸는 모습은 "
        "보이지 않습니다. 다른 문장으로 해 보세요. 예: {example}"),
    "unroll.pos_unknown": ("{n} of these forms are outside the tagger's vocabulary: it tags them from what came "
                           "before alone.",
                           "이 중 형태소 {n}개는 태거의 어휘 밖이라서, 앞 문맥만 보고 품사를 정합니다."),
    "unroll.pos_cut": ("Only the first {n} morphemes are tagged.", "앞의 형태소 {n}개만 태깅했습니다."),
    "unroll.pos_test": (
        "Measured on {n:,} morphemes of NSMC test reviews: the tagger agrees with Kiwi on {acc:.1%}. Looking up "
        "each form's most frequent tag, with no context, agrees on {base:.1%}. On forms that carry several "
        "parts of speech ({amb_n:,} morphemes) it is {amb:.1%} against {amb_base:.1%}.",
        "NSMC 테스트 리뷰의 형태소 {n:,}개로 잰 결과, 태거가 고른 품사는 {acc:.1%}가 Kiwi와 같습니다. 문맥 없이 "
        "형태소마다 가장 흔한 품사를 찾아 쓰면 {base:.1%}입니다. 품사가 여럿인 형태소({amb_n:,}개)만 보면 "
        "{amb:.1%} 대 {amb_base:.1%}입니다."),
    "unroll.pos_helps": (
        "So the tagger beats the lookup: by {gain:.1f} percentage points in all and by {amb_gain:.1f} on the forms "
        "with several parts of speech, which only the context can settle.",
        "태거가 찾아보기보다 전체로는 {gain:.1f}%p, 품사가 여럿인 형태소에서는 {amb_gain:.1f}%p 더 맞힙니다. "
        "품사가 여럿인 형태소는 문맥을 봐야만 가릴 수 있습니다."),
    "unroll.pos_no_help": (
        "So on this test the context does not pay: the lookup that ignores it does as well or better.",
        "이 테스트에서는 문맥을 읽어도 나아지지 않습니다. 문맥을 무시한 찾아보기가 같거나 더 낫습니다."),
    "pos.tag.noun": ("noun", "명사"),
    "pos.tag.pronoun": ("pronoun", "대명사"),
    "pos.tag.verb": ("verb", "동사"),
    "pos.tag.adjective": ("adjective", "형용사"),
    "pos.tag.copula": ("copula (이다)", "서술격 조사(이다)"),
    "pos.tag.determiner": ("determiner", "관형사"),
    "pos.tag.adverb": ("adverb", "부사"),
    "pos.tag.interjection": ("interjection", "감탄사"),
    "pos.tag.particle": ("particle", "조사"),
    "pos.tag.ending": ("ending", "어미"),
    "pos.tag.affix": ("affix", "접사"),
    "pos.tag.symbol": ("symbol", "기호"),
    "pos.tag.other": ("other", "기타"),
    "arch.caption": ("Filled boxes are used: inputs at the bottom, outputs at the top, the same cell in the middle.",
                     "색이 채워진 상자가 쓰이는 부분입니다: 아래는 입력, 위는 출력, 가운데는 같은 셀."),
    # --- lesson 5: gradients through time -----------------------------------
    "nav.gradients": ("5 · Vanishing and exploding gradients", "5 · 기울기 소실과 폭주"),
    "grad.title": ("Vanishing and exploding gradients", "기울기 소실과 폭주"),
    "grad.intro": (
        "To learn from a word T − t steps back, the loss gradient must travel from h_T back to h_t. "
        "Backpropagation through time multiplies one Jacobian per step: dh_T/dh_t = J_T · J_(T−1) ⋯ J_(t+1), "
        "with J_s = diag(f′(z_s)) W_hᵀ for a SimpleRNN whose activation is f. If the factors keep shrinking vectors "
        "the product vanishes; it explodes only if they keep stretching them, each step stretching what the one "
        "before put out. First a toy RNN you can tune, then the trained models on your sentence, "
        "then a memory task trained here.",
        "T − t 시점 전의 토큰에서 배우려면 손실의 기울기가 h_T에서 h_t까지 거슬러 올라가야 합니다. 시간에 따른 "
        "역전파는 시점마다 야코비안을 하나씩 곱합니다: dh_T/dh_t = J_T · J_(T−1) ⋯ J_(t+1). 활성화 함수가 f인 "
        "SimpleRNN에서는 J_s = diag(f′(z_s)) W_hᵀ입니다. 야코비안들이 벡터를 계속 줄이면 곱은 사라지고(소실), "
        "앞 시점이 내보낸 벡터를 시점마다 계속 늘릴 때에만 커집니다(폭주). 먼저 직접 조절하는 작은 RNN을, 다음으로 내 문장을 읽는 학습된 모델을, 마지막으로 여기서 학습시키는 기억 과제를 "
        "봅니다."),
    "grad.rho": ("Spectral radius ρ of W_h", "W_h의 스펙트럼 반경 ρ"),
    "grad.rho_help": (
        "ρ is the largest |eigenvalue| of W_h. For a linear RNN, ρ < 1 makes the gradient vanish in the long run "
        "and ρ > 1 is needed for it to explode (Pascanu et al., 2013). With tanh or ReLU each factor also holds "
        "the activation's slopes: saturated units can make the gradient vanish even when ρ > 1.",
        "ρ는 W_h의 가장 큰 |고윳값|입니다. 선형 RNN에서는 ρ < 1이면 기울기가 결국 소실되고, 폭주하려면 ρ > 1이어야 "
        "합니다(Pascanu 외, 2013). tanh나 ReLU에서는 각 인수에 활성화 함수의 미분값도 곱해지므로, 포화된 유닛 "
        "때문에 ρ > 1이어도 기울기가 소실될 수 있습니다."),
    "grad.activation": ("Activation", "활성화 함수"),
    "grad.steps": ("Sequence length T", "시퀀스 길이 T"),
    "grad.units": ("Hidden units D", "은닉 유닛 D"),
    "grad.seed": ("Random seed", "난수 시드"),
    "grad.figure": ("How much gradient reaches each step back", "거슬러 올라간 시점마다 남는 기울기"),
    "grad.x": ("steps back in time, k = T − t", "거슬러 올라간 시점 수 k = T − t"),
    "grad.y": ("‖∂h_T / ∂h_t‖₂ (log scale)", "‖∂h_T / ∂h_t‖₂ (로그 눈금)"),
    "grad.bound": ("Pascanu bound (γ·σ_max(W_h))^k = {factor:.2f}^k", "Pascanu 상한 (γ·σ_max(W_h))^k = {factor:.2f}^k"),
    "grad.reference": ("same W_h, {act}", "같은 W_h, {act}"),
    "grad.rule_vanish": ("×{low:g}: below, vanished", "×{low:g}: 이 아래는 소실"),
    "grad.rule_explode": ("×{high:g}: above, exploded", "×{high:g}: 이 위는 폭주"),
    "grad.act.tanh": ("tanh", "tanh"),
    "grad.act.relu": ("ReLU", "ReLU"),
    "grad.act.linear": ("linear", "선형"),
    "grad.caption": (
        "Blue region: below 1, the gradient has shrunk; red region: above 1, it has grown; below the line marked "
        "×0.01 this lesson calls it vanished, above the one marked ×100 exploded. Pascanu, Mikolov "
        "and Bengio (2013) bound every factor: ‖J_s‖ ≤ γ·σ_max(W_h), where σ_max is the largest singular value "
        "of W_h (never below its spectral radius ρ) and γ the largest slope of the activation (1 for tanh, ReLU "
        "and linear). So σ_max < 1/γ is sufficient for the gradient to vanish, and σ_max > 1/γ is necessary for "
        "it to explode, but not sufficient.",
        "파란 영역은 1 미만으로 기울기가 줄어든 곳, 붉은 영역은 1 초과로 커진 곳입니다. ×0.01 선 아래로 내려가면 "
        "이 단원에서는 소실, ×100 선 위로 올라가면 폭주로 봅니다. Pascanu, Mikolov, "
        "Bengio(2013)는 모든 인수의 노름에 ‖J_s‖ ≤ γ·σ_max(W_h)라는 상한을 줍니다. σ_max는 W_h의 가장 큰 특잇값(스펙트럼 반경 ρ보다 "
        "작지 않음)이고, γ는 활성화 함수 미분값의 상한(tanh, ReLU, 선형 모두 1)입니다. 따라서 σ_max < 1/γ이면 "
        "기울기는 반드시 소실되고(충분조건), 폭주하려면 σ_max > 1/γ이어야 하지만 그것만으로 폭주가 보장되지는 않습니다"
        "(필요조건)."),
    "grad.pascanu_sufficient": (
        "Here σ_max = {sigma:.2f} (ρ = {rho:.2f}) and γ = {gamma:g}: γ·σ_max = {product:.2f} < 1, so the gradient "
        "must vanish; {k} steps back it is {ratio:.1e}.",
        "여기서는 σ_max = {sigma:.2f} (ρ = {rho:.2f}), γ = {gamma:g}: γ·σ_max = {product:.2f} < 1이므로 기울기는 "
        "반드시 소실됩니다. {k} 시점 전에는 {ratio:.1e}입니다."),
    "grad.pascanu_necessary": (
        "Here σ_max = {sigma:.2f} (ρ = {rho:.2f}) and γ = {gamma:g}: γ·σ_max = {product:.2f} > 1, so the gradient "
        "may explode, but need not; {k} steps back it is {ratio:.1e}: it {outcome}.",
        "여기서는 σ_max = {sigma:.2f} (ρ = {rho:.2f}), γ = {gamma:g}: γ·σ_max = {product:.2f} > 1이므로 기울기가 "
        "폭주할 수는 있지만 반드시 그렇지는 않습니다. {k} 시점 전에는 {ratio:.1e}배이므로 기울기가 {outcome}."),
    "grad.word_vanish": ("vanishes", "소실됩니다"),
    "grad.word_keep": ("neither vanishes nor explodes", "소실되지도 폭주하지도 않습니다"),
    "grad.word_explode": ("explodes", "폭주합니다"),
    "grad.short_vanish": ("vanished", "소실"),
    "grad.short_keep": ("between the two lines", "두 기준 사이"),
    "grad.short_explode": ("exploded", "폭주"),
    "grad.under": (
        "Every measured norm stays under the grey dotted bound, as the theorem requires. The bound is loose: it takes "
        "every slope to be γ and every step to stretch by σ_max in line with the step before, and a product of "
        "matrices stays below that (the line under the figure), even with a linear activation.",
        "측정한 노름은 모두 회색 점선 상한 아래에 있습니다. 이론이 요구하는 대로입니다. 상한이 느슨한 까닭은 모든 미분값을 "
        "γ로, 모든 시점이 앞 시점과 같은 방향으로 σ_max만큼 늘린다고 보기 때문입니다. 실제 행렬 곱은 그보다 "
        "작습니다(그래프 아래 설명). 선형 활성화에서도 마찬가지입니다."),
    "grad.sat_tanh": (
        "Saturation: on average {n:.1f} of {D} units sit near ±1 (|h| > 0.99, where tanh' < 0.02), and the mean "
        "slope tanh'(z) is {slope:.2f}.",
        "포화: 평균적으로 유닛 {D}개 중 {n:.1f}개가 ±1 가까이(|h| > 0.99, 이때 tanh' < 0.02) 있고, 미분값 tanh'(z)의 "
        "평균은 {slope:.2f}입니다."),
    "grad.sat_tanh_none": (
        "Saturation: no unit comes near ±1 at any step (|h| > 0.99, where tanh' < 0.02); the mean slope tanh'(z) "
        "is {slope:.2f}.",
        "포화: 어느 시점에서도 ±1 가까이(|h| > 0.99, 이때 tanh' < 0.02) 간 유닛이 없습니다. 미분값 tanh'(z)의 "
        "평균은 {slope:.2f}입니다."),
    "grad.sat_relu_none": (
        "No unit is off at any step (h = 0, slope 0); the mean slope is {slope:.2f}.",
        "어느 시점에서도 꺼진 유닛(h = 0, 미분값 0)이 없습니다. 미분값의 평균은 {slope:.2f}입니다."),
    "grad.sat_relu": (
        "On average {n:.1f} of {D} units are off (h = 0, slope 0); the mean slope is {slope:.2f}.",
        "평균적으로 유닛 {D}개 중 {n:.1f}개가 꺼져 있고(h = 0, 미분값 0), 미분값의 평균은 {slope:.2f}입니다."),
    "grad.sat_linear": (
        "A linear unit never saturates: every slope is 1, so each factor is W_hᵀ itself.",
        "선형 유닛은 포화되지 않습니다. 미분값이 늘 1이므로 각 인수는 W_hᵀ 그대로입니다."),
    "grad.side": (
        "Side by side, {k} steps back: {act} {ratio:.1e} ({fate}); the same weights with {ref}: {ref_ratio:.1e} "
        "({ref_fate}).",
        "나란히 보면 {k} 시점 전에 {act} 쪽이 {ratio:.1e} ({fate}), 같은 가중치에 {ref} 활성화 함수를 쓰면 "
        "{ref_ratio:.1e} ({ref_fate})입니다."),
    "grad.stops": (
        "What keeps {act} from exploding here is its slopes below 1 (saturated or switched-off units): the same "
        "W_h with every slope 1 (linear) explodes.",
        "여기서 {act} 쪽 기울기가 폭주하지 않는 것은 1보다 작은 미분값(포화되었거나 꺼진 유닛) 때문입니다. "
        "미분값이 모두 1인 같은 W_h(선형)는 폭주합니다."),
    "grad.clipped_plot": ("Some values fell outside 10⁻³⁰…10³⁰ and are drawn at the edge of the plot.",
                          "일부 값이 10⁻³⁰…10³⁰ 범위를 벗어나 그래프 가장자리에 그렸습니다."),
    "grad.verdict_vanish": (
        "After {k} steps back only {ratio:.1e} of the gradient is left, below the ×{low:g} this lesson calls "
        "vanished: it **vanishes**.",
        "{k} 시점을 거슬러 가면 기울기가 {ratio:.1e}배만 남습니다. 이 단원에서 소실로 보는 {low:g}배보다 작으니 "
        "**소실**됩니다."),
    "grad.verdict_explode": (
        "After {k} steps back the gradient is {ratio:.1e} times larger, above the ×{high:g} this lesson calls "
        "exploding: it **explodes**.",
        "{k} 시점을 거슬러 가면 기울기가 {ratio:.1e}배 커집니다. 이 단원에서 폭주로 보는 {high:g}배를 넘으니 "
        "**폭주**합니다."),
    "grad.verdict_keep_up": (
        "After {k} steps back the gradient is {ratio:.3g} times larger: it grows, but stays under the ×{high:g} this "
        "lesson calls exploding, so it neither vanishes nor explodes.",
        "{k} 시점을 거슬러 가면 기울기가 {ratio:.3g}배로 커집니다. 그래도 이 단원에서 폭주로 보는 {high:g}배에는 "
        "못 미치므로 폭주는 아닙니다."),
    "grad.verdict_keep_down": (
        "After {k} steps back {ratio:.3g} of the gradient is left: it shrinks, but stays above the ×{low:g} this "
        "lesson calls vanished, so it neither vanishes nor explodes.",
        "{k} 시점을 거슬러 가면 기울기가 {ratio:.3g}배로 줄어듭니다. 그래도 이 단원에서 소실로 보는 {low:g}배까지는 "
        "줄지 않으므로 소실은 아닙니다."),
    "grad.counter": ("{k} steps back · this factor ‖J‖ = {factor:.3f} · product = {product:.3e}",
                     "{k} 시점 전 · 이번 인수 ‖J‖ = {factor:.3f} · 곱 = {product:.3e}"),
    "grad.counter_one": ("1 step back · this factor ‖J‖ = {factor:.3f} · product = {product:.3e}",
                         "1 시점 전 · 이번 인수 ‖J‖ = {factor:.3f} · 곱 = {product:.3e}"),
    "grad.growth_one": (
        "One step back, the product is this factor itself. Further back it can never be more than the factors "
        "multiplied, since ‖J₁J₂‖ ≤ ‖J₁‖·‖J₂‖.",
        "1 시점 전에는 곱이 이번 인수 그 자체입니다. 더 거슬러 가도 곱은 인수들을 곱한 값보다 커질 수 없습니다"
        "(‖J₁J₂‖ ≤ ‖J₁‖·‖J₂‖)."),
    "grad.growth_many": (
        "Over these {k} steps the product's norm was multiplied by {product:.4f} a step ({product:.4f}^{k} ≈ "
        "{total:.4g}), the factors' ‖J‖ by {factors:.3f} (geometric mean; all of them multiplied: {most:.4g}). Since "
        "‖J₁J₂‖ ≤ ‖J₁‖·‖J₂‖ a product's norm never outgrows its factors' norms multiplied, and it falls behind "
        "them when what one step puts out does "
        "not point where the next step stretches most: factors above 1 can still make a product that shrinks.",
        "이 {k}개 시점에서 곱의 노름은 시점당 {product:.4f}배({product:.4f}^{k} ≈ {total:.4g}), 인수 ‖J‖는 "
        "기하평균 {factors:.3f}배(모두 곱하면 {most:.4g})가 되었습니다. ‖J₁J₂‖ ≤ ‖J₁‖·‖J₂‖이므로 곱의 노름은 인수 "
        "노름들의 곱을 넘지 못하고, 한 시점이 내보낸 벡터가 다음 시점이 가장 크게 늘리는 방향을 향하지 않으면 그보다 더 작아집니다. "
        "그래서 인수가 1보다 커도 곱은 줄어들 수 있습니다."),
    "grad.curve": ("the curve “{name}” above", "위 그래프의 “{name}”"),
    "grad.long_run_closer": (
        "Why ρ, not one step's ‖J‖, decides the long run: with a linear activation ({curve}) every factor is the "
        "same W_hᵀ, whose norm is σ_max = {sigma:.2f}, yet the product changes per step by ‖(W_hᵀ)ᵏ‖^(1/k), which "
        "lies between ρ and σ_max and tends to ρ as k grows (Gelfand's formula). Over these {k} steps it is "
        "×{per_step:.3f}, already close to ρ = {rho:.2f}.",
        "먼 과거까지의 증감을 정하는 것이 한 시점의 ‖J‖가 아니라 ρ인 이유: 선형 활성화({curve})에서는 모든 인수가 "
        "같은 W_hᵀ이고 노름도 모두 σ_max = {sigma:.2f}입니다. 그런데 곱은 시점당 ‖(W_hᵀ)ᵏ‖^(1/k)배씩 변하고, 이 "
        "값은 ρ와 σ_max 사이에 있으며 k가 커질수록 ρ에 다가갑니다(겔판트 공식, Gelfand). 이 {k}개 시점에서는 ×{per_step:.3f}, "
        "이미 ρ = {rho:.2f}에 가깝습니다."),
    "grad.long_run_between": (
        "Why ρ, not one step's ‖J‖, decides the long run: with a linear activation ({curve}) every factor is the "
        "same W_hᵀ, whose norm is σ_max = {sigma:.2f}, yet the product changes per step by ‖(W_hᵀ)ᵏ‖^(1/k), which "
        "lies between ρ and σ_max and tends to ρ as k grows (Gelfand's formula). Over these {k} steps it is "
        "×{per_step:.3f}: still nearer σ_max than ρ = {rho:.2f}, as a short walk can be.",
        "먼 과거까지의 증감을 정하는 것이 한 시점의 ‖J‖가 아니라 ρ인 이유: 선형 활성화({curve})에서는 모든 인수가 "
        "같은 W_hᵀ이고 노름도 모두 σ_max = {sigma:.2f}입니다. 그런데 곱은 시점당 ‖(W_hᵀ)ᵏ‖^(1/k)배씩 변하고, 이 "
        "값은 ρ와 σ_max 사이에 있으며 k가 커질수록 ρ에 다가갑니다(겔판트 공식, Gelfand). 이 {k}개 시점에서는 ×{per_step:.3f}, "
        "구간이 짧아 아직 ρ = {rho:.2f}보다 σ_max에 가깝습니다."),
    "grad.clip": ("Gradient clipping", "기울기 클리핑"),
    "grad.clip_on": ("Clip the gradient by its global norm", "전체 노름으로 기울기 클리핑"),
    "grad.clip_max": ("Largest allowed norm c", "허용하는 최대 노름 c"),
    "grad.clip_body": (
        "Loss L = sum(h_T). The gradient of L with respect to W_x, W_h and b has global norm **{norm:.3e}**. "
        "With learning rate 0.1 the update step would have norm {step:.3e}.",
        "손실 L = sum(h_T). W_x, W_h, b에 대한 L의 기울기 전체 노름은 **{norm:.3e}**입니다. "
        "학습률 0.1이면 업데이트 크기는 {step:.3e}입니다."),
    "grad.clip_after": ("Clipped to norm {after:.3e} (same direction): the update step becomes {step:.3e}.",
                        "잘라 낸 뒤의 노름: {after:.3e} (방향은 그대로). 업데이트 크기: {step:.3e}."),
    "grad.clip_off": ("Clipping is off: the update step uses the full norm, however large it is.",
                      "클리핑이 꺼져 있습니다. 업데이트는 노름이 아무리 커도 그대로 씁니다."),
    "grad.trained": ("The trained models on your sentence", "학습된 모델로 내 문장 보기"),
    "grad.trained_body": (
        "The SimpleRNN, LSTM and GRU sentiment models read your sentence. How much does each model's verdict "
        "p = p(positive) depend on each word? The norm ‖dp/dx_t‖ of its gradient with respect to word t's "
        "embedding vector x_t, computed by backpropagation through time and divided by the last word's, so that "
        "models of different confidence compare.",
        "SimpleRNN, LSTM, GRU 감성 모델이 내 문장을 읽습니다. 각 모델의 판정 p = p(긍정)은 토큰마다 얼마나 "
        "좌우될까요? t번째 토큰의 임베딩 벡터 x_t에 대한 기울기의 노름 ‖dp/dx_t‖를 시간에 따른 역전파로 계산하고, "
        "확신의 정도가 다른 모델끼리 비교할 수 있도록 마지막 단어의 값으로 나눴습니다."),
    "grad.sentence": ("Sentence", "문장"),
    "grad.trained_empty": ("Type a sentence of at least two tokens to compare the trained models.",
                           "학습된 모델을 비교하려면 토큰이 두 개 이상인 문장을 입력하세요."),
    "grad.dependence_y": ("‖dp/dx_t‖ ÷ ‖dp/dx_T‖ (log scale)", "‖dp/dx_t‖ ÷ ‖dp/dx_T‖ (로그 눈금)"),
    "grad.more": ("{n}× more", "{n}배 더"),
    "grad.less": ("{n}× less", "{n}배 덜"),
    "grad.other": ("{model} {rel}", "{model}의 판정은 {rel}"),
    "grad.other_sep": ("; ", ", "),
    "grad.sentence_shown": (
        "On this sentence ({T} tokens) the fading shows. Compared with its last word “{last}”, the SimpleRNN's "
        "verdict depends {rnn} on its first word “{first}”; {others}: each gated cell keeps at least {least}× "
        "more of the first word than the SimpleRNN.",
        "이 문장({T}개 토큰)에서는 기울기가 사라지는 모습이 보입니다. 마지막 토큰 “{last}”에 비해 SimpleRNN의 "
        "판정은 첫 토큰 “{first}”에 {rnn} 좌우되고, {others} 좌우됩니다. 게이트 셀은 모두 첫 토큰을 "
        "SimpleRNN보다 {least}배 이상 더 간직합니다."),
    "grad.sentence_partly": (
        "On this sentence ({T} tokens) the fading shows only in part. Compared with its last word “{last}”, the "
        "SimpleRNN's verdict depends {rnn} on its first word “{first}”; {others}: only the {below} keeps at least "
        "{margin:g}× more of the first word than the SimpleRNN.",
        "이 문장({T}개 토큰)에서는 기울기가 사라지는 모습이 일부만 보입니다. 마지막 토큰 “{last}”에 비해 "
        "SimpleRNN의 판정은 첫 토큰 “{first}”에 {rnn} 좌우되고, {others} 좌우됩니다. 첫 토큰을 SimpleRNN보다 "
        "{margin:g}배 이상 더 간직하는 것은 {below}뿐입니다."),
    "grad.sentence_not_shown": (
        "This sentence does not show the fading. Compared with its last word “{last}”, the SimpleRNN's verdict "
        "depends {rnn} on its first word “{first}”; {others}: no gated cell keeps {margin:g}× more of the first "
        "word than the SimpleRNN. {T} tokens may be too few, or the first word may matter little; the memory task "
        "below measures the fading at gaps set on purpose.",
        "이 문장에서는 기울기가 사라지는 모습이 보이지 않습니다. 마지막 토큰 “{last}”에 비해 SimpleRNN의 판정은 "
        "첫 토큰 “{first}”에 {rnn} 좌우되고, {others} 좌우됩니다. 첫 토큰을 SimpleRNN보다 {margin:g}배 더 "
        "간직하는 게이트 셀은 없습니다. 토큰 {T}개로는 너무 짧거나 첫 토큰이 별로 중요하지 않을 수 있습니다. "
        "아래 기억 과제는 간격을 일부러 정해 놓고 측정합니다."),
    "grad.state_figure": ("What carries the gradient back: the whole state", "기울기를 실어 나르는 것: 상태 전체"),
    "grad.state_body": (
        "‖ds_T/ds_t‖ by distance, where the state s is h for the SimpleRNN and the GRU, and h and c together for "
        "the LSTM (h alone leaves out the cell-state path). Dotted: that path on its own. Since c_t = f_t·c_(t-1) "
        "+ i_t·g_t, the direct route from c_T back to c_(T-k) multiplies only forget gates (the largest product "
        "over the units). A norm is the largest stretch in any direction, while the verdict reads one direction "
        "of h_T, so a curve here can stay high while a word's pull on the verdict, above, fades.",
        "거리별 ‖ds_T/ds_t‖입니다. 상태 s는 SimpleRNN과 GRU에서는 h, LSTM에서는 h와 c를 함께 묶은 것입니다(h만 보면 "
        "셀 상태 경로가 빠집니다). 점선은 그 경로만 따로 본 것입니다. c_t = f_t·c_(t-1) + i_t·g_t이므로 c_T에서 "
        "c_(T-k)로 곧장 거슬러 가는 길에는 망각 게이트만 곱해집니다(유닛 중 가장 큰 곱). 노름은 어느 방향으로든 가장 "
        "크게 늘어나는 정도이고 판정은 h_T의 한 방향만 읽으므로, 위 그래프에서 토큰이 판정에 미치는 힘이 줄어드는 "
        "동안에도 여기 곡선은 높게 남을 수 있습니다."),
    "grad.state_y": ("‖ds_T / ds_t‖₂ (log scale)", "‖ds_T / ds_t‖₂ (로그 눈금)"),
    "grad.state_lstm": ("LSTM (h and c)", "LSTM (h와 c)"),
    "grad.state_belt": ("LSTM belt alone (∏f)", "LSTM 벨트만 (∏f)"),
    "grad.belt_line": (
        "Along the belt alone, the LSTM's most persistent unit keeps {kept:.2g} of its first-word cell content "
        "through {steps} forget gates; the whole state's gradient back to the first word has norm {state:.2g}.",
        "벨트만 따라가면 LSTM에서 가장 오래 기억하는 유닛은 망각 게이트 {steps}개를 지난 뒤에도 첫 토큰 때 셀 내용 "
        "가운데 {kept:.2g}만큼을 간직합니다. 첫 토큰까지 거슬러 올라간 상태 전체의 기울기 노름은 {state:.2g}입니다."),
    "grad.memory": ("Train it live: remembering across a gap", "직접 학습시키기: 간격을 넘어 기억하기"),
    "grad.memory_body": (
        "A task that needs long-term memory, like knowing from the first word of a long sentence whether to say "
        "he or she: a sequence starts with one of 8 symbols, then N random distractors, then a question mark, "
        "and the network must answer the first symbol (chance = 1/8). A SimpleRNN, an LSTM and a GRU of 24 "
        "units each are trained here on N up to the maximum, then tested at fixed gaps. For each trained "
        "network we also measure how much its answer depends on the first symbol compared with the question "
        "mark, ‖dp/dx_first‖ ÷ ‖dp/dx_last‖ (p: the probability of the right answer), the median over 200 test "
        "sequences per gap.",
        "긴 문장의 첫 단어를 보고 ‘그’와 ‘그녀’ 중 무엇을 쓸지 알아야 하는 것처럼 장기 기억이 필요한 과제입니다. "
        "시퀀스는 8개 기호 중 하나로 시작하고, 무작위 방해 토큰 N개, 물음표가 이어집니다. 신경망은 첫 기호를 "
        "맞혀야 합니다(무작위로 찍으면 1/8). 유닛 24개짜리 SimpleRNN, LSTM, GRU를 최대 N까지의 시퀀스로 여기서 학습시키고 "
        "정해진 간격에서 시험합니다. 학습된 신경망마다 답이 물음표에 비해 첫 기호에 얼마나 좌우되는지도 잽니다: "
        "‖dp/dx_first‖ ÷ ‖dp/dx_last‖ (p: 정답의 확률), 간격마다 시험 시퀀스 200개의 중앙값입니다."),
    "grad.memory_max": ("Longest gap N", "가장 긴 간격 N"),
    "grad.memory_run": ("Train the three networks", "세 신경망 학습시키기"),
    "grad.memory_progress": ("Training {cell}…", "{cell} 학습 중…"),
    "grad.memory_queued": ("Waiting for the trainer: number {n} in line. It keeps its place if you move on.",
                           "학습기를 기다리는 중입니다: {n}번째 순서입니다. 다른 곳으로 가도 순서는 그대로입니다."),
    "grad.memory_too_many": ("You already have two trainings waiting or running; let one finish first.",
                             "이미 학습 두 개가 대기 중이거나 진행 중입니다. 하나가 끝난 뒤 다시 시도하세요."),
    "grad.memory_cached": ("Already trained on this server for this setting: shown at once.",
                           "이 서버에서 이 설정으로 이미 학습했습니다. 바로 보여 줍니다."),
    "grad.memory_failed": ("The live training could not run here: {why}", "여기서는 실시간 학습을 실행할 수 없습니다: {why}"),
    "grad.memory_x": ("gap N (distractors between the symbol and the question)", "간격 N (기호와 질문 사이의 방해 토큰 수)"),
    "grad.memory_y": ("test accuracy", "테스트 정확도"),
    "grad.memory_chance": ("chance", "무작위 추측"),
    "grad.memory_reach_y": ("‖dp/dx_first‖ ÷ ‖dp/dx_last‖ (log scale)", "‖dp/dx_first‖ ÷ ‖dp/dx_last‖ (로그 눈금)"),
    "grad.memory_shown": (
        "At gap {gap}, compared with the question mark, the answer depends on the first symbol {rnn:.1e}× as much "
        "for the SimpleRNN, {lstm:.1e}× for the LSTM and {gru:.1e}× for the GRU: the SimpleRNN keeps the least, "
        "at least {margin:g}× less than each gated cell.",
        "간격 {gap}에서 물음표에 비해 답이 첫 기호에 좌우되는 정도는 SimpleRNN {rnn:.1e}배, LSTM {lstm:.1e}배, "
        "GRU {gru:.1e}배입니다. SimpleRNN이 가장 적게, 게이트 셀보다 {margin:g}배 이상 덜 간직합니다."),
    "grad.memory_not_shown": (
        "At gap {gap}, compared with the question mark, the answer depends on the first symbol {rnn:.1e}× as much "
        "for the SimpleRNN, {lstm:.1e}× for the LSTM and {gru:.1e}× for the GRU: in this run the SimpleRNN does "
        "not keep {margin:g}× less than both gated cells.",
        "간격 {gap}에서 물음표에 비해 답이 첫 기호에 좌우되는 정도는 SimpleRNN {rnn:.1e}배, LSTM {lstm:.1e}배, "
        "GRU {gru:.1e}배입니다. 이번 학습에서는 SimpleRNN이 두 게이트 셀보다 {margin:g}배 덜 간직하지는 않습니다."),
    "grad.memory_acc_gated_better": (
        "Test accuracy at gap {gap}: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (chance {chance:.3f}): "
        "both gated cells answer better.",
        "간격 {gap}에서 테스트 정확도: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (무작위 추측 {chance:.3f}). "
        "두 게이트 셀이 더 잘 맞힙니다."),
    "grad.memory_acc_rnn_better": (
        "Test accuracy at gap {gap}: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (chance {chance:.3f}): "
        "the SimpleRNN answers better than both gated cells.",
        "간격 {gap}에서 테스트 정확도: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (무작위 추측 {chance:.3f}). "
        "SimpleRNN이 두 게이트 셀보다 더 잘 맞힙니다."),
    "grad.memory_acc_mixed": (
        "Test accuracy at gap {gap}: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (chance {chance:.3f}): "
        "no clear order between the SimpleRNN and the gated cells.",
        "간격 {gap}에서 테스트 정확도: SimpleRNN {rnn:.2f}, LSTM {lstm:.2f}, GRU {gru:.2f} (무작위 추측 {chance:.3f}). "
        "SimpleRNN과 게이트 셀 사이에 뚜렷한 차이가 없습니다."),
    "grad.summary": ("What this lesson showed", "이 단원에서 본 것"),
    "grad.sum.strength": (
        "**Strength of RNNs:** one set of weights reads sequences of any length, and the order of the words "
        "matters to them.",
        "**RNN의 장점:** 가중치 한 벌로 어떤 길이의 시퀀스든 읽고, 토큰의 순서를 구분합니다."),
    "grad.sum.lab": ("**Your toy RNN** (ρ = {rho:.2f}, {act}, T = {T}): {verdict} {pascanu}",
                     "**직접 조절한 RNN** (ρ = {rho:.2f}, {act}, T = {T}): {verdict} {pascanu}"),
    "grad.sum.pascanu_sufficient": ("Pascanu's factor γ·σ_max = {product:.2f} < 1: it must vanish.",
                               "Pascanu의 인수 γ·σ_max = {product:.2f} < 1이므로 반드시 소실됩니다."),
    "grad.sum.pascanu_necessary": (
        "Pascanu's factor γ·σ_max = {product:.2f} > 1 only allows growth, it does not force it: the measured norms "
        "decide.",
        "Pascanu의 인수 γ·σ_max = {product:.2f} > 1은 커질 수 있다는 뜻일 뿐 반드시 커진다는 뜻은 아닙니다. 결과는 "
        "측정한 노름이 정합니다."),
    "grad.sum.clip": ("**Clipping** rescales a gradient longer than c to length c, keeping its direction: here "
                      "{norm:.3g} becomes {after:.3g}.",
                      "**클리핑**은 c보다 긴 기울기를 방향은 그대로 두고 길이 c로 줄입니다. 여기서는 노름이 {norm:.3g}에서 "
                      "{after:.3g}까지 줄어듭니다."),
    "grad.sum.clip_off": ("**Clipping** is off here: an update would use the full norm, {norm:.3g}.",
                          "**클리핑**이 꺼져 있습니다. 업데이트는 노름이 {norm:.3g}인 기울기를 그대로 씁니다."),
    "grad.sum.sentence": ("**Your sentence:** {claim}", "**내 문장:** {claim}"),
    "grad.sum.memory": ("**The memory task** (gaps up to {max}): {reach} {acc}",
                        "**기억 과제** (간격 최대 {max}): {reach} {acc}"),
    "grad.sum.memory_missing": (
        "**The memory task** has not been trained for gaps up to {max} yet: train it above to compare the cells "
        "at gaps set on purpose.",
        "**기억 과제**는 아직 최대 간격 {max}까지 학습시키지 않았습니다. 위에서 학습시키면 정해 놓은 간격에서 셀들을 "
        "비교할 수 있습니다."),
    "grad.sum.memory_running": (
        "**The memory task** for gaps up to {max} is training now; its line appears here when it is done.",
        "**기억 과제**는 지금 최대 간격 {max}까지 학습하는 중입니다. 학습이 끝나면 결과가 여기에 나옵니다."),
    "grad.sum.cure": (
        "**What the gates change (theory):** the LSTM updates its cell state by addition, c_t = f_t·c_(t-1) + "
        "i_t·g_t, so along that path the gradient is multiplied only by forget gates. Hochreiter and Schmidhuber's "
        "LSTM (1997) fixed that factor at 1, the constant error carousel (CEC); the forget gate, which Keras' LSTM "
        "has, came later (Gers, Schmidhuber and Cummins, 2000). The GRU's h_t = z_t·h_(t-1) + (1 − z_t)·n_t passes "
        "h on wherever z is near 1. Whether the trained networks use these paths is what the lines above measure.",
        "**게이트가 바꾸는 것 (이론):** LSTM은 셀 상태를 덧셈으로 갱신합니다: c_t = f_t·c_(t-1) + i_t·g_t. 그래서 이 "
        "경로를 따라서는 기울기에 망각 게이트만 곱해집니다. Hochreiter와 Schmidhuber의 LSTM(1997)은 이 인수를 1로 "
        "고정했고(상수 오차 회전목마, CEC), Keras의 LSTM에 있는 망각 게이트는 나중에 더해졌습니다(Gers, Schmidhuber, "
        "Cummins, 2000). GRU의 h_t = z_t·h_(t-1) + (1 − z_t)·n_t는 z가 1에 가까운 곳에서 h를 그대로 넘깁니다. "
        "학습된 신경망이 이 경로를 실제로 쓰는지는 위의 측정이 보여 줍니다."),
    # --- lesson 6: gates -------------------------------------------------------
    "nav.gates": ("6 · LSTM and GRU gates", "6 · LSTM과 GRU의 게이트"),
    "gates.title": ("LSTM and GRU gates", "LSTM과 GRU의 게이트"),
    "gates.intro": (
        "A plain RNN rewrites its whole memory at every step. An LSTM adds a cell state c_t, a conveyor belt that "
        "runs through time, and three gates, numbers between 0 and 1 computed from x_t and h_(t-1), that decide "
        "what to erase (forget gate f), what to write (input gate i, with the candidate g) and what to show "
        "(output gate o). These are the real gates of the trained sentiment models on your sentence.",
        "일반 RNN은 매 시점 기억 전체를 다시 씁니다. LSTM에는 시간을 따라 흐르는 컨베이어 벨트인 셀 상태 c_t와, "
        "x_t와 h_(t-1)로 계산한 0과 1 사이의 값인 게이트 세 개가 추가됩니다. 게이트는 무엇을 지울지(망각 게이트 f), "
        "무엇을 쓸지(입력 게이트 i와 후보 g), 무엇을 내보낼지(출력 게이트 o)를 정합니다. 아래는 학습된 감성 모델이 "
        "내 문장에서 실제로 여닫은 게이트입니다."),
    "gates.sentence": ("Sentence", "문장"),
    "gates.empty": ("Type a sentence with at least one word the model can read.",
                    "모델이 읽을 수 있는 토큰이 하나 이상 있는 문장을 입력하세요."),
    "gates.show": ("Show", "보기"),
    "gates.unit": ("Unit to follow", "따라갈 유닛"),
    "gates.value": ("value", "값"),
    "gates.q.i": ("input gate i", "입력 게이트 i"),
    "gates.q.f": ("forget gate f", "망각 게이트 f"),
    "gates.q.g": ("candidate g", "후보 값 g"),
    "gates.q.o": ("output gate o", "출력 게이트 o"),
    "gates.q.c": ("cell state c", "셀 상태 c"),
    "gates.q.h": ("hidden state h", "은닉 상태 h"),
    "gates.q.z": ("update gate z", "업데이트 게이트 z"),
    "gates.q.r": ("reset gate r", "리셋 게이트 r"),
    "gates.q.n": ("candidate n", "후보 값 n"),
    "gates.heatmap_caption": (
        "Rows are the tokens, columns the {units} units of the trained LSTM. Gates are sigmoids, between 0 and 1; "
        "the candidate g and h = o·tanh(c) lie between -1 and 1; the cell state c has no bound, so its colour "
        "scale follows its values (here ±{limit:.2f}). The unit you follow is framed. Hover or tap for exact values.",
        "행은 토큰(한국어 모델은 음절 하나가 토큰 하나입니다), 열은 학습된 LSTM의 유닛 {units}개입니다. 게이트는 "
        "시그모이드라서 0과 1 사이, 후보 g와 "
        "h = o·tanh(c)는 -1과 1 사이에 있습니다. 셀 상태 c에는 한계가 없어서 색 눈금을 값의 범위에 맞췄습니다"
        "(여기서는 ±{limit:.2f}). 따라가는 유닛의 열에는 테두리를 쳤습니다. 정확한 값은 마우스를 올리거나 탭해서 "
        "확인하세요."),
    "gates.heatmap_caption_gru": (
        "Rows are the tokens, columns the {units} units of the trained GRU. The gates z and r are sigmoids, between "
        "0 and 1; the candidate n lies between -1 and 1, and so does h, a mix of h_(t-1) and n. The unit you follow is "
        "framed. Hover or tap for exact values.",
        "행은 토큰(한국어 모델은 음절 하나가 토큰 하나입니다), 열은 학습된 GRU의 유닛 {units}개입니다. 게이트 z와 r은 "
        "시그모이드라서 0과 1 사이, 후보 값 n은 "
        "-1과 1 사이이고, h_(t-1)과 n을 섞은 h도 그 사이에 있습니다. 따라가는 유닛의 열에는 테두리를 쳤습니다. "
        "정확한 값은 마우스를 올리거나 탭해서 확인하세요."),
    "gates.c_beyond": (
        "On this sentence the gates go from {glow} to {ghigh}, h from {hlow:+.3f} to {hhigh:+.3f} and the "
        "cell state c from {clow:+.2f} to {chigh:+.2f}: in {n} of {D} units c goes beyond ±1 at some word, a range "
        "h = o·tanh(c) can never reach.",
        "이 문장에서 게이트는 {glow}에서 {ghigh}까지, h는 {hlow:+.3f}에서 {hhigh:+.3f}까지, 셀 상태 c는 "
        "{clow:+.2f}에서 {chigh:+.2f}까지입니다. 유닛 {D}개 중 {n}개에서 c가 어느 토큰에선가 ±1을 넘습니다. "
        "h = o·tanh(c)로는 닿을 수 없는 범위입니다."),
    "gates.c_within": (
        "On this sentence the gates go from {glow} to {ghigh}, h from {hlow:+.3f} to {hhigh:+.3f} and the "
        "cell state c from {clow:+.2f} to {chigh:+.2f}: c stays within ±1 here, though nothing bounds it.",
        "이 문장에서 게이트는 {glow}에서 {ghigh}까지, h는 {hlow:+.3f}에서 {hhigh:+.3f}까지, 셀 상태 c는 "
        "{clow:+.2f}에서 {chigh:+.2f}까지입니다. 여기서는 c가 ±1 안에 머물지만, c를 묶어 두는 한계는 없습니다."),
    "gates.unit_figure": ("Unit {unit} over the sentence", "문장을 따라가는 유닛 {unit}"),
    "gates.counter": ("Word {t} of {T}: “{word}”", "토큰 {T}개 중 {t}번째: “{word}”"),
    "gates.formulas": ("The formulas with this word's numbers (unit {unit}, token “{word}”)",
                       "이 토큰의 숫자로 쓴 공식 (유닛 {unit}, 토큰 “{word}”)"),
    "gates.belt": ("The conveyor belt", "컨베이어 벨트"),
    "gates.belt_caption": (
        "The cell state flows left to right: the forget gate scales what was there, the input gate adds new "
        "content, and the output gate decides how much of tanh(c_t) becomes h_t.",
        "셀 상태는 왼쪽에서 오른쪽으로 흐릅니다. 망각 게이트가 기존 내용을 줄이고, 입력 게이트가 새 내용을 더하며, "
        "출력 게이트가 tanh(c_t)의 얼마만큼을 h_t로 내보낼지 정합니다."),
    "gates.whatif": ("What if a gate were forced?", "게이트를 강제로 고정하면?"),
    "gates.override": ("Override", "고정할 게이트"),
    "gates.none": ("no override (the real model)", "고정 없음 (실제 모델)"),
    "gates.from": ("from token", "적용 시작 토큰"),
    "gates.whatif_result": ("Verdict of the real model: p(positive) = {real:.3f}. With the override: {forced:.3f}.",
                            "실제 모델의 판정: p(긍정) = {real:.3f}. 고정했을 때: {forced:.3f}."),
    "gates.whatif_figure": ("Unit {unit}: {what}, real and with the override", "유닛 {unit}: {what}, 실제와 고정했을 때"),
    "gates.real": ("real", "실제"),
    "gates.forced": ("override", "고정"),
    "gates.gru_intro": (
        "The GRU has no separate cell state. Its update gate z does the forget and input gates' work at once: "
        "h_t = z·h_(t-1) + (1 - z)·n keeps a share z of the old memory and fills the rest with the candidate n. "
        "The reset gate r decides how much of the old memory goes into that candidate.",
        "GRU에는 별도의 셀 상태가 없습니다. 업데이트 게이트 z가 망각 게이트와 입력 게이트의 일을 한 번에 합니다: "
        "h_t = z·h_(t-1) + (1 - z)·n은 옛 기억의 z만큼을 남기고 나머지를 후보 값 n으로 채웁니다. 리셋 게이트 r은 "
        "후보 값을 만들 때 옛 기억을 얼마나 쓸지 정합니다."),
    "gates.gru_whatif_result": ("GRU verdict: p(positive) = {real:.3f} for real, {forced:.3f} with the override.",
                                "GRU 판정: 실제 p(긍정) = {real:.3f}, 고정했을 때 {forced:.3f}."),
    "gates.summary": ("What this lesson showed", "이 단원에서 본 것"),
    "gates.sum.range": ("**Ranges:** {claim}", "**값의 범위:** {claim}"),
    "gates.sum.long": (
        "**The conveyor belt:** along the belt alone, unit {unit} keeps {kept:.2f} of its cell content from the "
        "first word to the last, through {steps} forget gates (the lowest {fmin:.2f}).",
        "**컨베이어 벨트:** 벨트만 따라가면 유닛 {unit}의 셀 상태는 망각 게이트 {steps}개(가장 낮은 값 "
        "{fmin:.2f})를 지나고도 첫 토큰 때 내용의 {kept:.2f}만큼을 마지막 토큰까지 간직합니다."),
    "gates.sum.short": (
        "**The conveyor belt:** along the belt alone, even the most persistent unit ({unit}) keeps only "
        "{kept:.2g} of its cell content from the first word to the last, through {steps} forget gates (the lowest "
        "{fmin:.2f}): on this sentence the belt carries little from the first word to the end.",
        "**컨베이어 벨트:** 벨트만 따라가면 가장 오래 기억하는 유닛({unit})도 망각 게이트 {steps}개(가장 낮은 값 "
        "{fmin:.2f})를 지나 첫 토큰 때 셀 내용의 {kept:.2g}만 남깁니다. 이 문장에서는 벨트가 첫 토큰의 내용을 "
        "끝까지 거의 나르지 못합니다."),
    "gates.sum.flips": (
        "**Forgetting on purpose:** with the forget gate forced to 0 from the first word (c_t then holds only "
        "i_t·g_t), the LSTM's verdict moves from {p:.3f} to {q:.3f} and turns {word}.",
        "**일부러 잊게 하기:** 첫 토큰부터 망각 게이트를 0으로 고정하면(c_t에는 i_t·g_t만 남음) LSTM의 p(긍정)이 "
        "{p:.3f}에서 {q:.3f}(으)로 바뀌어 판정이 {word}(으)로 뒤집힙니다."),
    "gates.sum.same": (
        "**Forgetting on purpose:** with the forget gate forced to 0 from the first word (c_t then holds only "
        "i_t·g_t), the LSTM's verdict moves from {p:.3f} to {q:.3f}; it stays {word}.",
        "**일부러 잊게 하기:** 첫 토큰부터 망각 게이트를 0으로 고정하면(c_t에는 i_t·g_t만 남음) LSTM의 p(긍정)이 "
        "{p:.3f}에서 {q:.3f}(으)로 바뀌지만 판정은 {word} 그대로입니다."),
    "gates.sum.gru": (
        "**GRU:** on this sentence its update gate z averages {mean:.2f} (from {low} to {high}): each step "
        "keeps that share of h_(t-1) and fills the rest from the candidate n.",
        "**GRU:** 이 문장에서 업데이트 게이트 z의 평균은 {mean:.2f}입니다(가장 낮은 값 {low}, 가장 높은 값 {high}). "
        "매 시점 h_(t-1)의 그만큼을 남기고 나머지를 후보 값 n으로 채웁니다."),
    # --- lesson 7: live demo ------------------------------------------------
    "demo.title": ("Try it: live sentiment", "직접 해 보기: 감성 분석"),
    "demo.intro": (
        "Type a movie review. Three trained models, a SimpleRNN, an LSTM and a GRU, read it token by token; "
        "the last hidden state goes through one dense neuron that outputs p(positive).",
        "영화 리뷰를 입력해 보세요. 학습된 세 모델(SimpleRNN, LSTM, GRU)이 토큰을 하나씩 읽고, 마지막 은닉 "
        "상태를 뉴런 하나짜리 밀집층에 넣어 p(긍정)을 냅니다."),
    "demo.text": ("Your sentence", "문장 입력"),
    "demo.example": ("Pick an example", "예문 고르기"),
    "demo.example_placeholder": ("choose an example sentence", "예문을 고르세요"),
    "demo.model": ("Model to open up", "자세히 볼 모델"),
    "demo.model_language": ("Models for", "모델 언어"),
    "demo.verdict_pos": ("Positive", "긍정"),
    "demo.verdict_neg": ("Negative", "부정"),
    "demo.verdict": ("{model}: **{verdict}**, p(positive) = {p:.3f}", "{model}: **{verdict}**, p(긍정) = {p:.3f}"),
    "demo.side_by_side": ("The same sentence, three cells", "같은 문장, 세 가지 셀"),
    "demo.buildup": ("How the verdict builds up", "판정이 쌓여 가는 모습"),
    "demo.buildup_caption": (
        "p(positive) after each prefix: the dense layer applied to the hidden state after token t. "
        "Above the dashed line the model would say positive.",
        "앞부분을 t번째 토큰까지 읽었을 때의 p(긍정): t번째 토큰 뒤의 은닉 상태에 밀집층을 적용한 값입니다. 점선 "
        "위쪽이면 긍정으로 판정합니다."),
    "demo.push": ("Which tokens pushed the verdict", "판정을 움직인 토큰"),
    "demo.push_caption": (
        "For each token: p(positive) of the whole text minus p(positive) with that token removed. "
        "Bars to the right pushed towards positive.",
        "각 토큰마다: 전체 문장의 p(긍정)에서 그 토큰을 뺀 문장의 p(긍정)을 뺀 값. 오른쪽 막대는 긍정 쪽으로 민 토큰입니다."),
    "demo.tokens": ("Tokens the model reads", "모델이 읽는 토큰"),
    "demo.tokens_caption": ("Each token over its id; orange: out of vocabulary (id 1), blue: in it.",
                            "토큰마다 아래에 id가 있습니다. 주황색은 어휘 밖(id 1), 파란색은 어휘에 있는 토큰입니다."),
    "demo.card": ("Model card", "모델 카드"),
    "demo.keras_badge_ok": ("Keras check: the NumPy forward pass equals the Keras model on this sentence "
                            "(|difference| = {diff:.1e}).",
                            "Keras 확인: 이 문장에서 NumPy 순전파와 Keras 모델의 결과가 같습니다 (|차이| = {diff:.1e})."),
    "demo.keras_badge_bad": ("Keras check: NumPy and Keras differ by {diff:.1e} on this sentence.",
                             "Keras 확인: 이 문장에서 NumPy와 Keras가 {diff:.1e}만큼 다릅니다."),
    "demo.keras_unavailable": ("Keras check unavailable here: {why}", "여기서는 Keras 확인을 할 수 없습니다: {why}"),
    "twin.busy": ("the Keras worker is busy with another request; the NumPy verdict above is complete",
                  "Keras 작업 프로세스가 다른 요청을 처리하는 중입니다. 위의 NumPy 판정은 그대로 유효합니다"),
    "twin.timeout": ("the Keras worker did not answer in time and is being restarted",
                     "Keras 작업 프로세스가 제때 답하지 않아 다시 시작합니다"),
    "twin.down": ("the Keras worker could not start", "Keras 작업 프로세스를 시작할 수 없습니다"),
    "twin.refused": ("the Keras worker refused the request", "Keras 작업 프로세스가 요청을 거절했습니다"),
    "demo.keras_loading": ("Loading Keras for the check (once per server)…",
                           "Keras 확인을 준비하는 중… (서버당 한 번)"),
    "demo.empty": ("Type a sentence (or pick an example) to see the verdict.",
                   "판정을 보려면 문장을 입력하거나 예문을 고르세요."),
    "demo.nothing_readable": ("No tokens could be read from this text (only emoji, spaces or symbols other than ! "
                              "and ?). Try a sentence with words.",
                              "이 텍스트에서 읽을 수 있는 토큰이 없습니다 (이모지, 공백, 또는 !와 ?가 아닌 기호뿐). "
                              "글자가 있는 문장을 입력해 보세요."),
    "demo.symbols_only": ("Your text holds no word, only {tokens}: the models give a verdict for any input, but this "
                          "one says nothing about meaning.",
                          "입력에 단어는 없고 {tokens}만 있습니다. 모델은 어떤 입력에도 판정을 내리지만, 이 판정은 "
                          "뜻에 대해 아무것도 말해 주지 않습니다."),
    "demo.few_known": ("Only {known} of your {T} tokens are in the model's vocabulary: too few for a fair verdict.",
                       "토큰 {T}개 중 모델의 어휘에 있는 것은 {known}개뿐입니다. 공정한 판정을 내리기에는 너무 적습니다."),
    "demo.limits": ("Where the models go wrong", "모델이 틀리는 곳"),
    "demo.limits_body": ("Sentiment models trained on reviews learn which words go with which verdict, and how "
                         "order changes a little of that. They stumble on contrast (a 'but' that turns the verdict), "
                         "sarcasm (praise that means the opposite) and words they never saw. Here are such "
                         "sentences with what a reader would say and what each model says. Each model's cell: right (✓) or "
                         "wrong (✗), its verdict, then its p(positive).",
                         "리뷰로 학습한 감성 분석 모델은 어떤 단어가 어떤 판정과 함께 나오는지, 그리고 순서가 그것을 "
                         "얼마나 바꾸는지를 배웁니다. 그래서 대조(판정을 뒤집는 '하지만'), 반어(칭찬처럼 말하지만 실은 비난), 처음 "
                         "보는 단어에서 자주 틀립니다. 아래는 그런 문장과, 사람이 읽은 판정, 각 모델의 판정입니다. 모델 칸에는 "
                         "맞음(✓) 또는 틀림(✗), 모델의 판정, p(긍정)이 차례로 있습니다."),
    "demo.limits_kind": ("kind", "종류"),
    "demo.limits_reader": ("a reader says", "사람의 판정"),
    "demo.limits_sentence": ("sentence", "문장"),
    "demo.limits_summary": ("On these {total} sentences the models are wrong {wrong} times out of {cases}; even the "
                            "fewest mistakes ({best}) are {best_wrong}.",
                            "이 문장 {total}개에서 모델들은 {cases}번 중 {wrong}번 틀렸습니다. 가장 적게 틀린 "
                            "모델({best})도 {best_wrong}번 틀렸습니다."),
    "limit.contrast": ("contrast", "대조"),
    "limit.sarcasm": ("sarcasm", "반어"),
    "limit.unseen": ("unseen words", "처음 보는 단어"),
    "limit.negation": ("negation", "부정문(안/못)"),
    "demo.all_oov": ("None of these tokens is in the model's vocabulary, so the verdict says little.",
                     "어떤 토큰도 모델의 어휘에 없어서 이 판정은 별 의미가 없습니다."),
    "demo.wrong_language": ("This looks like {other} text, but the models are {mine}. Switch the model language "
                            "for a meaningful verdict.",
                            "{other} 텍스트로 보이는데 모델은 {mine} 모델입니다. 의미 있는 판정을 보려면 모델 언어를 바꾸세요."),
    "demo.truncated": ("The text is long: the models read only its last {n} tokens ({dropped} dropped from the start).",
                       "텍스트가 길어서 모델은 마지막 {n}개 토큰만 읽습니다 (앞에서 {dropped}개 생략)."),
    "demo.input_cut": ("The text was cut to its first {n} characters.", "텍스트를 앞의 {n}자로 잘랐습니다."),
    "demo.model_error": ("The {model} model cannot be used: {why}. The other models and lessons still work.",
                         "{model} 모델을 쓸 수 없습니다: {why}. 다른 모델과 단원은 계속 쓸 수 있습니다."),
    "axis.p_positive": ("p(positive)", "p(긍정)"),
    "hover.row": ("row", "행"),
    "hover.column": ("column", "열"),
    "hover.value": ("value", "값"),
    "axis.push": ("Δ p(positive)", "Δ p(긍정)"),
    "fault.missing": ("the file {file} is missing", "{file} 파일이 없습니다"),
    "fault.malformed": ("the file {file} is not in the expected form (its fields, names or layers are wrong)",
                        "{file} 파일의 형식이 올바르지 않습니다 (필드, 이름 또는 층이 맞지 않음)"),
    "fault.too_large": ("the file {file} is too large to be a shipped model", "{file} 파일이 너무 커서 배포된 모델일 수 없습니다"),
    "fault.changed": ("the file {file} does not match the sha256 in its model card (it was changed or damaged)",
                      "{file} 파일이 모델 카드의 sha256과 다릅니다 (바뀌었거나 손상됨)"),
    "fault.unreadable": ("the file {file} cannot be read", "{file} 파일을 읽을 수 없습니다"),
    "demo.no_model": ("No model for this language could be loaded.", "이 언어의 모델을 하나도 불러오지 못했습니다."),
    "demo.morph_title": ("Read as morphemes", "형태소로 읽으면"),
    "demo.morph_body": (
        "{name} is an LSTM trained on the same NSMC reviews, but it reads Kiwi morphemes instead of syllables. "
        "Your sentence as it reads it:",
        "{name} 모델은 같은 NSMC 리뷰로 학습한 LSTM인데, 음절 대신 Kiwi 형태소를 읽습니다. 이 모델이 읽는 내 문장은 다음과 같습니다."),
    "demo.morph_better": (
        "On the NSMC test split it scores {acc:.4f}, above the best syllable model ({best}, {best_acc:.4f}): a whole "
        "morpheme such as 재밌(다) or 지루(하다) carries more meaning than its syllables. The three models above still "
        "read syllables, so that they differ only in their cell and lessons 3 to 6 can follow the same syllables "
        "step by step.",
        "NSMC 테스트 정확도는 {acc:.4f}입니다. 가장 좋은 음절 모델({best}, {best_acc:.4f})보다 높습니다. "
        "재밌(다)나 지루하(다) 같은 형태소 하나가 음절보다 더 많은 뜻을 담기 때문으로 보입니다. 위의 세 모델은 "
        "음절을 읽습니다. 그래야 셀만 다르게 비교할 수 있고, 3단원부터 6단원까지 같은 음절을 시점마다 따라갈 수 있습니다."),
    "demo.morph_not_better": (
        "On the NSMC test split it scores {acc:.4f}, no better than the best syllable model ({best}, {best_acc:.4f}), "
        "so the demo keeps the syllable models.",
        "NSMC 테스트 정확도는 {acc:.4f}입니다. 가장 좋은 음절 모델({best}, {best_acc:.4f})보다 낫지 않습니다. "
        "그래서 데모는 음절 모델을 씁니다."),
    "demo.morph_unknown": ("{n} of these morphemes are out of its vocabulary.",
                           "이 가운데 {n}개는 모델의 어휘에 없는 형태소입니다."),
    "demo.test_accuracy": ("test accuracy", "테스트 정확도"),
    "card.field": ("field", "항목"),
    "card.value": ("value", "값"),
    "card.data": ("data", "데이터"),
    "card.layers": ("layers", "층 구성"),
    "card.tokens": ("tokens: scheme, vocabulary, length", "토큰: 방식, 어휘 크기, 길이"),
    "card.tokens_value": ("{scheme}, {vocab:,} tokens, at most {maxlen} per text ({cut})",
                          "{scheme}, 토큰 {vocab:,}개, 문장당 최대 {maxlen}개 ({cut})"),
    "card.scheme.words": ("words", "단어"),
    "card.scheme.syllables": ("syllables", "음절"),
    "card.cut.pre": ("a longer text keeps its end", "더 긴 문장은 끝부분을 남김"),
    "card.cut.post": ("a longer text keeps its start", "더 긴 문장은 앞부분을 남김"),
    "card.split.train": ("train", "학습"),
    "card.split.validation": ("validation", "검증"),
    "card.split.test": ("test", "테스트"),
    "card.training_value": ("{run} epochs run, epoch {best} kept · {seconds} s · {optimizer}",
                            "{run}에폭 학습, {best}번째 에폭 사용 · {seconds}초 · {optimizer}"),
    "card.parameters": ("parameters", "파라미터 수"),
    "card.training": ("training: epochs, time, optimizer", "학습: 에폭, 시간, 옵티마이저"),
    "card.validation": ("validation accuracy", "검증 정확도"),
    "card.test": ("test accuracy (official test split)", "테스트 정확도 (공식 테스트 세트)"),
    "card.short": ("accuracy on our short everyday sentences", "짧은 일상 문장 정확도"),
    "card.short_wrong": ("Short sentences this model gets wrong: {sentences}", "이 모델이 틀리는 짧은 문장: {sentences}"),
    "card.command": ("reproduce with", "재현 명령"),
    "axis.token": ("token", "토큰"),
    "lang.en": ("English", "영어"),
    "lang.ko": ("Korean", "한국어"),
    # Predict, then reveal
    "quiz.title": ("Predict, then reveal", "먼저 예측하고, 답 확인하기"),
    "quiz.intro": ("Pick an answer first; the answer is computed from the settings above, so it follows them.",
                   "먼저 답을 고르세요. 정답은 위 설정으로 계산되므로, 설정을 바꾸면 함께 바뀝니다."),
    "quiz.intro_first": (
        "Pick your answers before reading on: the sections below show each one, computed from the settings above.",
        "아래를 읽기 전에 먼저 답을 골라 보세요. 정답은 위 설정으로 계산되며, 아래 내용에서 직접 확인할 수 있습니다."),
    "quiz.pick": ("Pick an answer to see the computed one.", "답을 고르면 계산된 정답이 보입니다."),
    "quiz.right": ("Right.", "정답입니다."),
    "quiz.again": ("Ask again at the settings now", "지금 설정으로 다시 묻기"),
    "quiz.wrong": ("Not quite. The answer: {answer}.", "아쉽네요. 정답: {answer}."),  # an option may be a phrase
    "quiz.yes": ("yes", "예"),
    "quiz.no": ("no", "아니요"),
    "quiz.positive": ("positive", "긍정"),
    "quiz.negative": ("negative", "부정"),
    "quiz.at_start": ("at the start", "앞쪽"),
    "quiz.at_end": ("at the end", "뒤쪽"),
    "quiz.no_zeros": ("none: the sentence is cut instead", "없음: 대신 문장이 잘림"),
    "quiz.text.q1": ("Your {B} sentences, padded to {L} steps, go through the embedding layer ({E} numbers per "
                     "token). What shape comes out?",
                     "내 문장 {B}개를 패딩하거나 잘라 {L}개 시점에 맞춘 뒤 임베딩 층(토큰당 숫자 {E}개)에 넣으면 어떤 "
                     "크기가 나올까요?"),
    "quiz.text.q1_why": ("Batch × time steps × features: one {E}-number vector at every position, padding included.",
                         "배치 × 시점 × 특성: 패딩을 포함한 모든 위치에 {E}개짜리 벡터가 하나씩 있습니다."),
    "quiz.text.q2": ("How many numbers are in the one-hot vector of one token for {model}?",
                     "{model}에서 토큰 하나의 원-핫 벡터에는 숫자가 몇 개 있을까요?"),
    "quiz.text.q2_why": ("One slot per vocabulary entry. The embedding lookup just reads row number id instead of "
                         "multiplying this long vector by the table.",
                         "어휘 항목마다 한 칸입니다. 임베딩 조회는 이 긴 벡터를 표에 곱하는 대신 토큰 번호에 "
                         "해당하는 행을 읽을 뿐입니다."),
    "quiz.text.q3": ("Your first sentence has {T} tokens, the length is {L} and padding is “{side}”. Where do the "
                     "zeros go?",
                     "첫 문장은 토큰 {T}개, 길이는 {L}, 패딩은 “{side}”입니다. 0은 어디에 들어갈까요?"),
    "quiz.text.q3_why_pad": ("{n} zeros are added {side}, up to {L} steps.",
                             "{side}에 0을 {n}개 채워 {L}개 시점을 맞춥니다."),
    "quiz.text.q3_why_cut": ("It is already {T} tokens long, so {n} tokens are cut instead (truncating “{side}”).",
                             "이미 토큰이 {T}개라서 0 대신 토큰 {n}개가 잘립니다 (잘라내기 “{side}”)."),
    "quiz.emb.q1": ("How many weights does the embedding table of {model} hold?",
                    "{model}의 임베딩 표에는 가중치가 몇 개 있을까요?"),
    "quiz.emb.q1_why": ("{V} rows, one per token id, times {E} columns.",
                        "토큰 번호마다 한 행씩, {V}행 × {E}열입니다."),
    "quiz.emb.q2": ("{model} cuts your sentence into {T} tokens. What shape does it have after its embedding layer?",
                    "내 문장은 {model} 기준으로 토큰 {T}개입니다. 임베딩 층을 지나면 어떤 크기가 될까요?"),
    "quiz.emb.q2_why": ("One row of the table per token: {T} rows of {E} numbers.",
                        "토큰마다 표의 한 행: {E}개 숫자의 행이 {T}개입니다."),
    "quiz.emb.q3": ("Which of these words has the vector closest (by cosine) to “{word}”?",
                    "다음 중 벡터가 “{word}”에 (코사인으로) 가장 가까운 토큰은?"),
    "quiz.emb.q3_why": ("cosine {best:.3f}; the others score {others}.", "코사인 {best:.3f}, 나머지는 {others}."),
    "quiz.step.q1": ("With d = {d} inputs and D = {D} units, how many parameters does the SimpleRNN cell have?",
                     "입력 크기 d = {d}, 은닉 크기 D = {D}일 때 SimpleRNN 셀의 파라미터는 몇 개일까요?"),
    "quiz.step.q1_why": ("W_x has d·D = {wx}, W_h has D·D = {wh}, b has D = {b}.",
                         "W_x는 d·D = {wx}, W_h는 D·D = {wh}, b는 D = {b}개입니다."),
    "quiz.step.q2": ("What is the shape of the hidden state h_t here?", "여기서 은닉 상태 h_t의 크기는?"),
    "quiz.step.q2_why": ("One number per hidden unit, at every step.", "시점마다 은닉 유닛당 숫자 하나입니다."),
    "quiz.step.q3": ("If your sentence were twice as long ({T} words), how many parameters would the cell have?",
                     "문장이 두 배로 길어지면({T}단어) 셀의 파라미터는 몇 개일까요?"),
    "quiz.step.q3_why": ("The same weights are reused at every step, so the length does not count.",
                         "모든 시점이 같은 가중치를 다시 쓰므로 길이는 상관없습니다."),
    "quiz.unroll.q1": ("SimpleRNN({D}) reads a batch of shape ({B}, {T}, {d}) with return_sequences=False. What "
                       "shape comes out?",
                       "SimpleRNN({D}) 층이 ({B}, {T}, {d}) 배치를 return_sequences=False로 읽습니다. 출력 크기는?"),
    "quiz.unroll.q1_why": ("Only the last hidden state of each sequence: batch × units.",
                           "시퀀스마다 마지막 은닉 상태만: 배치 × 유닛."),
    "quiz.unroll.q2": ("And with return_sequences=True?", "return_sequences=True라면?"),
    "quiz.unroll.q2_why": ("Every step's hidden state: batch × time steps × units.",
                           "모든 시점의 은닉 상태: 배치 × 시점 × 유닛."),
    "quiz.unroll.q3": ("In the stacked model, how many parameters does SimpleRNN({U2}) on top of SimpleRNN({U1}) "
                       "have?",
                       "쌓은 모델에서 SimpleRNN({U1}) 위에 놓인 SimpleRNN({U2}) 층의 파라미터는 몇 개일까요?"),
    "quiz.unroll.q3_why": ("Its inputs are the {U1} states of the layer below: {U2}·({U1} + {U2} + 1).",
                           "입력은 아래층의 상태 {U1}개입니다: {U2}·({U1} + {U2} + 1)."),
    "quiz.grad.asked": (
        "Asked at ρ = {rho:.2f}, {act}, T = {T}, D = {D}, seed {seed}: the questions keep their numbers while you "
        "move the sliders to check your answers.",
        "아래 문제는 ρ = {rho:.2f}, {act}, T = {T}, D = {D}, 난수 시드 {seed} 설정에서 낸 것입니다. 슬라이더를 움직여 "
        "답을 확인하는 동안에도 문제의 숫자는 바뀌지 않습니다."),
    "quiz.grad.q1": (
        "If ρ were {rho}, the other settings as listed above, what would happen to the gradient {k} steps back? "
        "Answer, then set ρ to {rho} and the step to t = T − {k} with the sliders to see it.",
        "나머지 설정은 위에 적힌 대로 두고 ρ = {rho}일 때 {k} 시점 전까지 거슬러 올라간 기울기는 어떻게 될까요? "
        "답을 고른 뒤 ρ 슬라이더를 {rho}에, 시점 슬라이더를 t = T − {k}에 맞춰 확인해 보세요."),
    "quiz.grad.vanish": ("it vanishes (below 0.01)", "소실된다 (0.01 미만)"),
    "quiz.grad.explode": ("it explodes (above 100)", "폭주한다 (100 초과)"),
    "quiz.grad.keep": ("it stays between 0.01 and 100", "0.01과 100 사이에 머문다"),
    "quiz.grad.q1_why": ("At ρ = {rho}, {k} steps back, the computed norm is {ratio:.2e}.",
                         "ρ = {rho}, {k} 시점 전에서 계산한 노름은 {ratio:.2e}입니다."),
    "quiz.grad.q1_tamed": (
        "ρ > 1 alone does not make a gradient explode: where the activation's slope is below 1 (tanh saturating, "
        "a ReLU unit switched off) it scales the factors down; γ·σ_max > 1 is necessary for an explosion, not "
        "sufficient (Pascanu et al. 2013).",
        "ρ > 1이라고 해서 기울기가 반드시 폭주하지는 않습니다. 활성화 함수의 미분값이 1보다 작은 곳(포화된 tanh, "
        "꺼진 ReLU 유닛)에서는 그만큼 인수가 작아집니다. γ·σ_max > 1은 폭주의 필요조건일 뿐 충분조건이 아닙니다"
        "(Pascanu 외, 2013)."),
    "quiz.grad.q2": (
        "At the settings listed above the weight gradient has norm {norm:.3g}. What would its norm be after clipping "
        "its global norm to c = {c:g}? Answer, then set c with the slider in “{section}” to see it.",
        "위에 적힌 설정에서 가중치 기울기의 노름은 {norm:.3g}입니다. 전체 노름 기준 최대 노름 c = {c:g}에 맞춰 "
        "클리핑하면 노름은 얼마가 될까요? 답을 고른 뒤 ‘{section}’의 슬라이더로 c를 맞춰 확인해 보세요."),
    "quiz.grad.q2_why": ("Clipping rescales only a gradient longer than the limit, keeping its direction.",
                         "클리핑은 한도보다 긴 기울기만 방향은 그대로 두고 길이를 줄입니다."),
    "quiz.grad.q3": ("On your sentence, which trained model's verdict depends most on its first word, compared with "
                     "its last?",
                     "내 문장에서 마지막 토큰에 비해 첫 토큰에 판정이 가장 많이 좌우되는 학습된 모델은?"),
    "quiz.grad.q3_why": ("‖dp/dx_1‖ ÷ ‖dp/dx_T‖: {values}.", "‖dp/dx_1‖ ÷ ‖dp/dx_T‖: {values}."),
    "quiz.gates.q1": ("Between which values can an LSTM gate lie?", "LSTM 게이트 값은 어느 범위에 있을까요?"),
    "quiz.gates.q1_why": ("Gates are sigmoids. On your sentence they range from {low} to {high}.",
                          "게이트는 시그모이드입니다. 내 문장에서는 {low}에서 {high}까지입니다."),
    "quiz.gates.q2": ("Force the forget gate to 0 at “{word}”. What does c_t keep of c_(t-1) there?",
                      "“{word}”에서 망각 게이트를 0으로 고정하면 c_t는 c_(t-1)에서 무엇을 남길까요?"),
    "quiz.gates.nothing": ("nothing: c_t = i_t·g_t", "아무것도: c_t = i_t·g_t"),
    "quiz.gates.all": ("all of it", "전부"),
    "quiz.gates.half": ("half of it", "절반"),
    "quiz.gates.q2_why": ("Unit {unit}: c_t = {c:+.4f} and i_t·g_t = {ig:+.4f}.",
                          "유닛 {unit}: c_t = {c:+.4f}, i_t·g_t = {ig:+.4f}."),
    "quiz.gates.q3": ("What does the trained LSTM say about your sentence?", "학습된 LSTM은 내 문장을 어떻게 판정할까요?"),
    "quiz.gates.q3_why": ("p(positive) = {p:.3f}.", "p(긍정) = {p:.3f}."),
    "quiz.demo.q1": ("Which token pushed the {model} verdict hardest (removing it changes p(positive) most)?",
                     "{model} 판정을 가장 크게 움직인 토큰은 (빼면 p(긍정)이 가장 많이 바뀌는 것)?"),
    "quiz.demo.q1_why": ("Removing it moves p(positive) by {delta:+.3f}.", "빼면 p(긍정)이 {delta:+.3f} 움직입니다."),
    "quiz.demo.q2": ("Do SimpleRNN, LSTM and GRU agree on your sentence?",
                     "SimpleRNN, LSTM, GRU가 내 문장에 같은 판정을 내릴까요?"),
    "quiz.demo.q2_why": ("p(positive): {values}.", "p(긍정): {values}."),
    "quiz.demo.q3": ("The {model} model reads “{sentence}”. Positive or negative?",
                     "{model} 모델이 다음 문장을 읽습니다: “{sentence}”. 긍정일까요, 부정일까요?"),
}

for _table in (_classroom.STRINGS, _playground.STRINGS, _korean.STRINGS):
    assert not set(_table) & set(STRINGS), set(_table) & set(STRINGS)
    STRINGS.update(_table)


def language() -> str:
    """The learner's language: chosen in the sidebar, kept in session state."""
    lang = st.session_state.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(text: str) -> str:
    """A number printed in e-notation as a school class writes it: a plain decimal from 10⁻² to 10³ with the same
    significant digits (3.167e-01 -> 0.3167, 5.486e+00 -> 5.486), else a power of ten (2.1e-03 -> 2.1×10⁻³);
    anything else (inf, nan, plain decimals) as it is."""
    mantissa, e, power = text.partition("e")
    if not e or not power.lstrip("+-").isdigit():
        return text
    p, decimals = int(power), len(mantissa.partition(".")[2])
    if -2 <= p <= 3:
        return f"{float(text):,.{max(decimals - p, 0)}f}"
    return f"{mantissa}×10{str(p).translate(SUPERSCRIPT)}"


class _Formatter(string.Formatter):
    """str.format, with every {value:.3e} written as power_of_ten does (the page's text, in both languages)."""

    def format_field(self, value, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        return power_of_ten(text) if format_spec.endswith("e") else text


FORMAT = _Formatter()


def t(key: str, **values) -> str:
    """The string ``key`` in the current language, with {placeholders} filled in (e-notation as 2.1×10⁻³)."""
    text = STRINGS[key][LANGUAGES.index(language())]
    return FORMAT.format(text, **values) if values else text
