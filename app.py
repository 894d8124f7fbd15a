"""RNN Lab: the entry point. Lists the lessons and draws the shared sidebar; nothing else."""
import streamlit as st

from ui import state
from ui.i18n import t
from ui.layout import share_link, sidebar
from ui.pages import PAGES

present = st.session_state.present if "present" in st.session_state else state.read("present")
st.set_page_config(page_title="RNN Lab", page_icon=":material/replay:", layout="wide",
                   initial_sidebar_state="collapsed" if present else "auto")  # a projector shows the lesson
sidebar()
page = st.navigation([st.Page(p.path, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.default)
                      for p in PAGES])
page.run()
share_link(page.url_path)
