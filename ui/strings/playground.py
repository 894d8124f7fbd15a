"""The playground feature's strings: key -> (English, Korean), merged into ui.i18n.STRINGS."""
from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "nav.playground": ("8 · Train it yourself", "8 · 직접 학습시켜 보기"),
    "lesson.8.title": ("8 · Train it yourself", "8 · 직접 학습시켜 보기"),
    "lesson.8.body": ("Train a small RNN, LSTM or GRU live, race the three, and set a network's weights by hand.",
                      "작은 RNN, LSTM, GRU를 직접 학습시키고, 셋을 경주시키고, 신경망의 가중치를 손으로 정해 봅니다."),
    "play.title": ("Train it yourself", "직접 학습시켜 보기"),
    "play.intro": (
        "Training is a loop: a forward pass over a batch of sequences, the loss, backpropagation through time, "
        "and one update of the weights (Adam). Here a small network learns in NumPy in front of you, one step at a "
        "time. Pick a task and a cell, press play, and watch the loss fall, the gradient's norm jump and get "
        "clipped, and the hidden state learn to keep what matters.",
        "학습은 반복입니다. 시퀀스 묶음(배치)에 대한 순전파, 손실 계산, 시간에 따른 역전파(BPTT), 그리고 가중치 한 번 "
        "갱신(Adam). 여기서는 작은 신경망이 NumPy로 눈앞에서 학습 스텝을 하나씩 밟아 갑니다. 과제와 셀을 고르고 재생을 누른 뒤, "
        "손실이 줄고, 기울기의 노름이 튀었다가 잘리고, 은닉 상태가 중요한 것을 간직하는 법을 익히는 모습을 지켜보세요."),
    # --- settings -------------------------------------------------------------
    "play.task": ("Task", "과제"),
    "play.task.memory": ("Remember the first symbol", "첫 기호 기억하기"),
    "play.task.adding": ("Adding problem", "덧셈 문제"),
    "play.task.parity": ("Parity", "홀짝(패리티)"),
    "play.task.next": ("Next character", "다음 글자"),
    "play.about.memory": (
        "A sequence starts with one of 8 symbols (A to H), then random distractors (a to l), then a question mark. "
        "The answer is the first symbol. Training sequences have gaps of 1 to N; accuracy is measured on new "
        "sequences whose gap is exactly N.",
        "시퀀스는 기호 8개(A부터 H까지) 중 하나로 시작하고, 무작위 방해 토큰(a부터 l까지)이 이어진 뒤 물음표로 끝납니다. "
        "정답은 첫 기호입니다. 학습 시퀀스의 간격은 1부터 N까지이고, 정확도는 간격이 정확히 N인 새 시퀀스로 잽니다."),
    "play.about.adding": (
        "N digits, one marked with * in each half. The answer is the sum of the two marked digits (0 to 18).",
        "숫자 N개 가운데 앞쪽 절반과 뒤쪽 절반에 하나씩 별표(*)가 붙어 있습니다. 정답은 별표가 붙은 두 숫자의 합(0부터 "
        "18까지)입니다."),
    "play.about.parity": ("A string of 1 to N bits. The answer: is the number of 1s odd?",
                          "길이가 1부터 N까지인 비트열입니다. 정답: 1의 개수가 홀수인가?"),
    "play.about.next": ("Read N characters of “{text}” (␣ is a space) and answer the character that follows.",
                        "“{text}”에서 글자 N개를 읽고(␣는 공백) 그다음 글자를 맞힙니다."),
    "play.no_sentiment": (
        "Why no sentiment task? A network this small, trained for a few hundred steps on the few dozen sentences "
        "a page could ship, would learn those sentences by heart, not sentiment. The real sentiment models, "
        "trained on tens of thousands of reviews, are in lesson 7.",
        "왜 감성 분석 과제는 없을까요? 이렇게 작은 신경망을 페이지에 담을 수 있는 문장 몇십 개로 학습 스텝 몇백 번만 "
        "학습시키면, "
        "감성이 아니라 그 문장들을 외울 뿐입니다. 수만 개의 리뷰로 학습한 진짜 감성 분석 모델은 7단원에 있습니다."),
    "play.cell": ("Cell", "셀"),
    "play.units": ("Units", "유닛 수"),
    "play.length": ("Length N", "길이 N"),
    "play.length_help": ("Memory: the gap. Adding and parity: digits or bits. Next character: characters read.",
                         "기억 과제: 간격. 덧셈·홀짝: 숫자나 비트의 수. 다음 글자: 읽는 글자 수."),
    "play.lr": ("Learning rate", "학습률"),
    "play.clip": ("Clip", "클리핑"),
    "play.clip_max": ("Clip limit", "최대 노름"),  # one line in presentation mode's row (임계값 wrapped)
    "play.clip_max_help": ("The largest global norm the gradients may keep: above it, all are scaled down together.",
                           "기울기가 가질 수 있는 가장 큰 전체 노름. 이보다 크면 모든 기울기를 함께 줄입니다."),
    "play.seed": ("Seed", "시드"),
    "play.settings_caption": (
        "Every run: an embedding of 8, batches of 32 sequences, Adam, at most {max} steps; accuracy every {every} "
        "steps on {n} sequences never trained on. The same settings and seed give the same curves (the link keeps "
        "them).",
        "모든 실행: 임베딩 8차원, 배치당 시퀀스 32개, Adam, 학습 스텝 최대 {max}번. 정확도는 학습 스텝 {every}번마다 학습에 쓰지 않은 "
        "시퀀스 {n}개로 잽니다. 설정과 시드가 같으면 곡선도 같습니다(링크에 담겨 있습니다)."),
    # --- the play loop --------------------------------------------------------
    "play.play": ("Play", "재생"),
    "play.pause": ("Pause", "일시 정지"),
    "play.step": ("One step", "한 번 학습"),
    "play.reset": ("Reset", "처음부터"),
    "play.counter": ("Step {step} of {max}", "학습 스텝 {step} / {max}"),
    "play.finished": ("The run reached {max} steps. Reset or change a setting to train again.",
                      "학습 스텝 {max}번을 마쳤습니다. 다시 학습하려면 처음부터를 누르거나 설정을 바꾸세요."),
    "play.x_step": ("training step", "학습 스텝"),
    "play.y_loss": ("loss", "손실"),
    "play.y_acc": ("held-out accuracy", "검증 정확도"),
    "play.chance": ("chance {p:.1%}", "무작위 추측 {p:.1%}"),
    "play.norms": ("The gradients' global norm, before and after clipping", "기울기의 전체 노름: 클리핑 전과 후"),
    "play.y_norm": ("global norm", "전체 노름"),
    "play.norm_before": ("before clipping", "클리핑 전"),
    "play.norm_after": ("after (what Adam uses)", "클리핑 후 (Adam이 쓰는 값)"),
    "play.norm_limit": ("limit {c}", "최대 노름 {c}"),
    "play.reach": ("How much gradient reaches each time step", "각 시점에 도달하는 기울기"),
    "play.reach_caption": (
        "The norm of dL/dh_t over the batch. The loss reads only the last hidden state, so every earlier time step "
        "hears of it only through backpropagation through time.",
        "배치 전체에 대한 dL/dh_t의 노름입니다. 손실은 마지막 은닉 상태만 읽으므로, 그 앞의 모든 시점은 시간에 따른 "
        "역전파를 거쳐서만 손실을 전해 듣습니다."),
    "play.x_time": ("time step t", "시점 t"),
    "play.reach_first": ("step 1", "학습 스텝 1"),
    "play.reach_now": ("step {step}", "학습 스텝 {step}"),
    "play.no_steps": ("Press play or one step: the gradients appear after the first step.",
                      "재생이나 한 번 학습을 누르세요. 기울기는 첫 학습 스텝 뒤에 나타납니다."),
    "play.states": ("Inside the network: one held-out sequence", "신경망 속: 검증 시퀀스 하나"),
    "play.show": ("Show", "보기"),
    "play.q.h": ("hidden state h", "은닉 상태 h"),
    "play.q.c": ("cell state c", "셀 상태 c"),
    "play.q.i": ("input gate i", "입력 게이트 i"),
    "play.q.f": ("forget gate f", "망각 게이트 f"),
    "play.q.o": ("output gate o", "출력 게이트 o"),
    "play.q.g": ("candidate g", "후보 값 g"),
    "play.q.z": ("update gate z", "업데이트 게이트 z"),
    "play.q.r": ("reset gate r", "리셋 게이트 r"),
    "play.q.n": ("candidate n", "후보 값 n"),
    "play.y_unit": ("unit", "유닛"),
    "play.states_faint": (
        "Every value here lies within ±{top:.3f}, so on the ±1 colour scale the picture is nearly blank.",
        "여기의 값은 모두 ±{top:.3f} 안에 있어서 ±1 색 눈금에서는 거의 흰색으로 보입니다."),
    "play.states_untrained": ("Untrained, the network's states stay close to 0: press Play and watch them change.",
                              "학습 전 신경망의 상태는 0 가까이에 머뭅니다. 재생을 누르고 어떻게 바뀌는지 보세요."),
    "play.states_caption": ("Right answer: {answer}. The network now answers {guess} (p = {p:.0%}).",
                            "정답: {answer}. 지금 신경망의 답: {guess} (p = {p:.0%})."),
    "play.odd": ("odd", "홀수"),
    "play.even": ("even", "짝수"),
    # --- facts read off the numbers ---------------------------------------------
    "play.fact_start": ("Before any step: held-out accuracy {acc:.0%}, where guessing at random gives {chance:.1%}: "
                        "nothing is learnt yet.",
                        "아직 학습 전: 검증 정확도 {acc:.0%}, 무작위로 찍으면 {chance:.1%}입니다. 아직 배운 것이 "
                        "없습니다."),
    "play.fact_nan": (
        "At step {step} the loss stopped being a number: the weights blew up. Turn clipping on or lower the "
        "learning rate, then reset.",
        "학습 스텝 {step}에서 손실이 숫자가 아니게 되었습니다(NaN). 가중치가 폭주한 것입니다. 클리핑을 켜거나 학습률을 낮춘 뒤 "
        "처음부터 다시 하세요."),
    "play.fact_early": ("Step {steps}: loss {now:.3f}, held-out accuracy {acc:.0%} (chance {chance:.1%}).",
                        "학습 스텝 {steps}: 손실 {now:.3f}, 검증 정확도 {acc:.0%} (무작위 추측 {chance:.1%})."),
    "play.fact_down": (
        "The loss fell from {first:.3f} (first 5 steps) to {now:.3f} (last 5) in {steps} steps; held-out accuracy "
        "is now {acc:.0%} (chance {chance:.1%}).",
        "학습 스텝 {steps}번 동안 손실이 처음 5번의 평균 {first:.3f}에서 최근 5번의 평균 {now:.3f}까지 줄었습니다. "
        "지금 검증 정확도는 {acc:.0%}입니다 (무작위 추측 {chance:.1%})."),
    "play.fact_flat": (
        "The loss has hardly moved in {steps} steps: {first:.3f} over the first 5, {now:.3f} over the last 5 (less "
        "than 3 % apart: the network has not learned the task yet). Held-out accuracy is {acc:.0%} (chance "
        "{chance:.1%}).",
        "학습 스텝 {steps}번 동안 손실이 거의 그대로입니다. 처음 5번의 평균은 {first:.3f}, 최근 5번의 평균은 "
        "{now:.3f}입니다. 차이가 3% 미만이므로 아직 과제를 배우지 못한 것입니다. 지금 검증 정확도는 {acc:.0%}입니다 "
        "(무작위 추측 {chance:.1%})."),
    "play.fact_up": (
        "The loss rose from {first:.3f} (first 5 steps) to {now:.3f} (last 5) in {steps} steps; held-out accuracy "
        "is now {acc:.0%} (chance {chance:.1%}).",
        "학습 스텝 {steps}번 동안 손실이 처음 5번의 평균 {first:.3f}에서 최근 5번의 평균 {now:.3f}까지 오히려 "
        "늘었습니다. 지금 검증 정확도는 {acc:.0%}입니다 (무작위 추측 {chance:.1%})."),
    "play.fact_clip": (
        "Clipping acted on {clipped} of the last {n} steps (global norm above {c}); the largest norm was "
        "{biggest:.3g}.",
        "최근 학습 스텝 {n}번 중 {clipped}번에서 클리핑이 작동했습니다(전체 노름이 {c}보다 큼). 가장 큰 노름: "
        "{biggest:.3g}."),
    "play.fact_noclip": (
        "Clipping is off: over the last {n} steps the global norm reached {biggest:.3g}, and Adam used it as it was.",
        "클리핑이 꺼져 있습니다. 최근 학습 스텝 {n}번 동안 전체 노름은 최대 {biggest:.3g}까지 커졌고, Adam은 그 값을 "
        "그대로 썼습니다."),
    "play.fact_reach_less": (
        "At the latest step, the first time step receives {ratio:.3g} times the gradient of the last one (T = {T}).",
        "가장 최근 학습 스텝에서 첫 시점에 도달한 기울기는 마지막 시점의 {ratio:.3g}배입니다 (T = {T})."),
    "play.fact_reach_more": (
        "At the latest step, the first time step receives {ratio:.3g} times the gradient of the last one (T = {T}): "
        "more, not less.",
        "가장 최근 학습 스텝에서 첫 시점에 도달한 기울기는 마지막 시점의 {ratio:.3g}배입니다 (T = {T}). 줄지 않고 오히려 "
        "커졌습니다."),
    # --- the race ---------------------------------------------------------------
    "play.race": ("The race: SimpleRNN, LSTM and GRU on the same task and seed",
                  "경주: 같은 과제와 시드로 SimpleRNN, LSTM, GRU"),
    "play.race_body": (
        "The three cells train {steps} steps each with the settings above (all but the cell). The race is trained once: "
        "everyone who picks the same settings sees the same race, and it goes on if you move to another lesson.",
        "위 설정(셀만 빼고)으로 세 셀을 각각 학습 스텝 {steps}번씩 학습시킵니다. 경주는 한 번만 학습하며, 같은 설정을 "
        "고른 사람은 모두 같은 결과를 봅니다. 다른 단원으로 넘어가도 학습은 이어집니다."),
    "play.race_run": ("Start the race", "경주 시작"),
    "play.race_queued": ("Waiting for the trainer: number {n} in line. It keeps its place if you move on.",
                         "트레이너를 기다리는 중: {n}번째 순서입니다. 다른 곳으로 옮겨 가도 순서는 그대로입니다."),
    "play.race_progress": ("Training {cell}…", "{cell} 학습 중…"),
    "play.race_failed": ("The race could not run: {why}", "경주를 실행하지 못했습니다: {why}"),
    "play.race_too_many": ("You already have two trainings waiting or running; let one finish first.",
                           "이미 학습 두 개가 대기 중이거나 실행 중입니다. 하나가 끝난 뒤 다시 시도하세요."),
    "play.race_cached": ("Already raced on this server with these settings: shown at once.",
                         "이 서버에서 같은 설정으로 이미 경주했습니다. 바로 보여 드립니다."),
    "play.race_never": (
        "{cell} never reached {level:.0%} in {steps} steps: it ended at {final:.0%} (chance {chance:.1%}).",
        "{cell}은(는) 학습 스텝 {steps}번 안에 {level:.0%}에 이르지 못하고 {final:.0%}로 끝났습니다 (무작위 추측 {chance:.1%})."),
    "play.race_reached": ("{cell} reached {level:.0%} by step {step} and ended at {final:.0%}.",
                          "{cell}은(는) 학습 스텝 {step}에서 {level:.0%}에 이르렀고 {final:.0%}로 끝났습니다."),
    "play.race_order": ("After {steps} steps: {order} (chance {chance:.1%}).",
                        "학습 스텝 {steps}번 뒤: {order} (무작위 추측 {chance:.1%})."),
    # --- set the weights yourself -------------------------------------------------
    "play.hand": ("Set the weights yourself", "가중치를 직접 정해 보기"),
    "play.hand_body": (
        "A SimpleRNN of one to three tanh units reads a bit string, one bit x_t per time step: "
        "h_t = tanh(x_t W_x + h_(t-1) W_h + b). Every unit starts off, at h_0 = −1 (Keras's SimpleRNN starts at 0). "
        "After the last bit the answer is "
        "yes when h_T · w_y + b_y > 0. Large weights turn tanh into a switch between −1 and +1. Set the numbers: "
        "the network is checked at once on {n} bit strings (every one up to 8 bits, and longer random ones).",
        "tanh 유닛이 1개에서 3개까지인 SimpleRNN이 비트열을 시점마다 비트 x_t 하나씩 읽습니다: "
        "h_t = tanh(x_t W_x + h_(t-1) W_h + b). 모든 유닛은 꺼진 상태인 h_0 = −1에서 시작합니다(Keras의 SimpleRNN은 0에서 시작). 마지막 비트 뒤 "
        "h_T · w_y + b_y > 0이면 답은 '예'입니다. 가중치가 크면 tanh는 −1과 +1 사이를 오가는 스위치처럼 동작합니다. "
        "숫자를 정하면 신경망을 곧바로 비트열 {n}개(8비트 이하 전부와 더 긴 무작위 비트열)로 검사합니다."),
    "play.hand.seen": ("Was there a 1?", "1이 하나라도 있나?"),
    "play.hand.parity": ("Odd number of 1s?", "1의 개수가 홀수?"),
    "play.hand.three": ("At least three 1s?", "1이 세 개 이상?"),
    "play.hand.seen_task": (
        "One unit. Answer yes if the string holds at least one 1: the unit must switch on at the first 1 and stay on.",
        "유닛 1개. 비트열에 1이 하나라도 있으면 '예'. 유닛은 첫 1에서 켜지고 그 뒤로 계속 켜져 있어야 합니다."),
    "play.hand.parity_task": (
        "Two units. Answer yes if the number of 1s is odd: every 1 flips the answer. One unit cannot: its new state "
        "grows with its old one through the same W_h whatever the bit, so it can hold or set a state but never flip "
        "it. With two, let unit 1 mean “this bit OR odd so far” and unit 2 “this bit AND odd so far”: odd now "
        "means unit 1 on and unit 2 off.",
        "유닛 2개. 1의 개수가 홀수면 '예'. 1이 올 때마다 답이 뒤집힙니다. 유닛 하나로는 안 됩니다. 비트가 무엇이든 같은 "
        "W_h를 거치므로 새 상태는 이전 상태와 같은 방향으로만 움직여, 상태를 유지하거나 켤 수는 있어도 뒤집을 수는 "
        "없습니다. 유닛 1은 “이번 비트 또는 지금까지 홀수”, 유닛 2는 “이번 비트 그리고 지금까지 홀수”를 뜻하게 해 "
        "보세요. 그러면 지금 홀수라는 것은 유닛 1이 켜지고 유닛 2가 꺼진 상태입니다."),
    "play.hand.three_task": (
        "Three units. Answer yes if there are at least three 1s: count to three with one unit per count "
        "(unit k on means “at least k ones so far”).",
        "유닛 3개. 1이 세 개 이상이면 '예'. 셋까지 세되 한 유닛이 한 칸을 맡습니다(유닛 k가 켜졌다는 것은 “지금까지 "
        "1이 k개 이상”이라는 뜻)."),
    "play.hand_unit": ("Unit {j}", "유닛 {j}"),
    "play.hand_answer": ("The answer", "출력"),
    "play.hand_from_x": ("from the bit x_t", "입력 비트 x_t의 가중치"),
    "play.hand_from_h": ("from unit {i} at t−1", "t−1 시점 유닛 {i}의 가중치"),
    "play.hand_bias": ("bias b", "편향 b"),
    "play.hand_to_y": ("to the answer (w_y)", "출력 가중치 w_y"),
    "play.hand_answer_bias": ("answer bias b_y", "출력 편향 b_y"),
    "play.hand_ok": ("Right on all {total} bit strings.", "비트열 {total}개를 모두 맞혔습니다."),
    "play.hand_wrong": ("Wrong on {wrong} of {total} bit strings. The first of them:",
                        "비트열 {total}개 중 {wrong}개를 틀렸습니다. 틀린 예:"),
    "play.hand_seq": ("bit string", "비트열"),
    "play.hand_expected": ("right answer", "정답"),
    "play.hand_got": ("the network", "신경망의 답"),
    "play.yes": ("yes", "예"),
    "play.no": ("no", "아니요"),
    "play.hand_try": ("Trace a bit string", "따라가 볼 비트열"),
    "play.hand_try_empty": ("Type some 0s and 1s.", "0과 1을 입력하세요."),
    "play.hand_says": ("The network answers **{got}** (h_T · w_y + b_y = {score:.3g}); the right answer: **{right}**",
                       "신경망의 답: **{got}** (h_T · w_y + b_y = {score:.3g}). 정답: **{right}**"),
    "play.hand_solution": ("Fill in a solution", "풀이 하나 채우기"),
    "play.hand_zero": ("All to zero", "모두 0으로"),
    # --- predict, then reveal ---------------------------------------------------
    "quiz.play.asked": (
        "Asked at: task “{task}”, {cell}, {units} units, length N = {N}, learning rate {lr}, {clip}, seed {seed}. "
        "The questions keep their numbers while you try the controls to check your answers.",
        "아래 문제는 과제 ‘{task}’, {cell}, 유닛 수 {units}, 길이 N = {N}, 학습률 {lr}, {clip}, 난수 시드 {seed} "
        "설정에서 낸 것입니다. 설정을 바꿔 가며 답을 확인하는 동안에도 문제의 숫자는 바뀌지 않습니다."),
    "quiz.play.clip_on": ("clipping at c = {c}", "클리핑(최대 노름 {c})"),
    "quiz.play.clip_off": ("no clipping", "클리핑 없음"),
    "quiz.play.q1": ("Before any training, does more gradient reach the first time step or the last?",
                     "학습 전, 기울기가 더 많이 도달하는 곳은 첫 시점일까요, 마지막 시점일까요?"),
    "quiz.play.first": ("the first time step", "첫 시점"),
    "quiz.play.last": ("the last time step", "마지막 시점"),
    "quiz.play.q1_why": ("On training step 1, over its batch of sequences T = {T} steps long: "
                         "‖dL/dh_1‖ = {first:.3g} and "
                         "‖dL/dh_T‖ = {last:.3g}.",
                         "학습 스텝 1의 배치(시퀀스 길이 T = {T})에서 ‖dL/dh_1‖ = {first:.3g}, ‖dL/dh_T‖ = {last:.3g}입니다."),
    "quiz.play.q2_on": ("On training step 1 the gradients' global norm is {norm:.3g}, and clipping is on at {c}. "
                        "What norm "
                        "does Adam receive?",
                        "첫 학습 스텝에서 기울기의 전체 노름은 {norm:.3g}입니다. 클리핑이 켜져 있고 최대 노름은 "
                        "{c}입니다. Adam에 전달되는 기울기의 노름은?"),
    "quiz.play.q2_off": ("On training step 1 the gradients' global norm is {norm:.3g}, and clipping is off. "
                         "What norm does "
                         "Adam receive?",
                         "첫 학습 스텝에서 기울기의 전체 노름은 {norm:.3g}입니다. 클리핑은 꺼져 있습니다. Adam에 "
                         "전달되는 기울기의 노름은?"),
    "quiz.play.q2_why": ("Clipping scales all the gradients together: the norm becomes min(norm, c) when on, and "
                         "stays as it is when off.",
                         "클리핑은 모든 기울기를 함께 줄입니다. 켜져 있으면 노름은 min(노름, 최대 노름)이 되고, 꺼져 있으면 "
                         "그대로입니다."),
    "quiz.play.q3": ("A network that always gives the most common answer would reach what accuracy on this task (as "
                     "described above)?",
                     "언제나 가장 흔한 정답 하나만 내놓는 모델은 이 과제(위 설명)에서 정확도가 얼마일까요?"),
    "quiz.play.q3_why": ("That is the chance line on the curves: {p:.1%} for this task.",
                         "곡선의 무작위 추측 선이 바로 그 값입니다. 이 과제에서는 {p:.1%}입니다."),
}
