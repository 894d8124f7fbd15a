"""RNN Lab: the entry point. Lists the lessons and draws the shared sidebar; nothing else."""
import streamlit as st

from ui.i18n import t
from ui.layout import sidebar
from ui.pages import PAGES

st.set_page_config(page_title="RNN Lab", page_icon=":material/replay:", layout="wide")
sidebar()
st.navigation([st.Page(p.path, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.default)
               for p in PAGES]).run()
