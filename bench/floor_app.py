"""The floor of felt latency (python -m bench felt): one slider, one button, one text box and what they hold.

Whatever a lesson takes beyond this page, for the same action in the same browser, is the lesson's own cost."""
import streamlit as st

st.title("Floor")
value = st.slider("Value", 1, 40, 10, key="floor_slider")
if "floor_steps" not in st.session_state:
    st.session_state.floor_steps = 0
left, right = st.columns(2)
left.button("Previous", key="floor_prev", on_click=lambda: st.session_state.update(floor_steps=st.session_state.floor_steps - 1))
right.button("Next", key="floor_next", on_click=lambda: st.session_state.update(floor_steps=st.session_state.floor_steps + 1))
text = st.text_input("Sentence", "the movie was fun", key="floor_text")
st.write(f"{value} · {st.session_state.floor_steps} · {text}")
