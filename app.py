"""RNN Lab: the entry point. Lists the lessons and draws the shared sidebar (with the live class); nothing else."""
import streamlit as st

from ui import fragments, state
from ui.classroom import class_after, class_before
from ui.i18n import t
from ui.layout import share_link, sidebar
from ui.pages import PAGES, ROOT, page_info

present = st.session_state.present if "present" in st.session_state else state.read("present")
st.set_page_config(page_title="RNN Lab", page_icon=str(ROOT / "assets" / "icon.png"), layout="wide",  # served here:
                   # a :material/…: icon would make the browser fetch it from fonts.gstatic.com
                   initial_sidebar_state="collapsed" if present else "auto")  # a projector shows the lesson
fragments.restore()  # the values a redraw (ui.fragments) kept, before any widget is drawn
sidebar()
page = st.navigation([st.Page(p.path, title=t(p.title_key), icon=p.icon, url_path=p.url_path, default=p.default)
                      for p in PAGES])
fragments.drew(ROOT / page_info(page.url_path).path)  # a fragment run under another page redraws this one
class_before(page.url_path)  # the class box in the sidebar; a student's class bar above the page
page.run()
share_link(page.url_path)
class_after(page.url_path)  # last: the teacher publishes this view; a student sees the class's question
fragments.left_values()
