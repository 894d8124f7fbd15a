"""The home page: what RNN Lab is and the course map, each lesson linked once it exists."""
import streamlit as st

from ui.i18n import t
from ui.layout import show_param_notices
from ui.pages import LESSONS, page_for_lesson

st.title(t("app.title"))
show_param_notices()
st.markdown(f"### {t('app.tagline')}")
st.write(t("home.intro"))
st.header(t("home.map"))
for k, lesson in enumerate(LESSONS):
    if k % 2 == 0:  # one row of two cards at a time: a phone stacks them in order (1, 2, 3, ...), not 1, 3, 5, 7, 2
        columns = st.columns(2)
    with columns[k % 2].container(border=True):
        st.markdown(f"#### {t(f'lesson.{lesson}.title')}")
        st.write(t(f"lesson.{lesson}.body"))
        page = page_for_lesson(lesson)
        if page:
            st.page_link(page.path, label=t("home.open"), icon=":material/arrow_forward:")
        else:
            st.caption(t("home.soon"))
