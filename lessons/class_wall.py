"""The class wall (a live class, not a lesson): students send sentences, the projector shows the models' verdicts."""
import streamlit as st

from ui.class_wall import wall
from ui.i18n import t
from ui.layout import show_param_notices

st.title(t("wall.title"))
show_param_notices()
wall()
