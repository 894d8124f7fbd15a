"""RNN Lab's Streamlit layer: pages arrange; ui/ computes through cached functions and draws."""


def _through_app() -> None:
    """A fresh server takes the folder ``pages/`` for Streamlit's older multipage layout until app.py has called
    st.navigation once, so a first visitor's deep link (/unrolled) would run that page's file alone: no sidebar,
    no language, no class. The first import of ui/ happens in that first run: it tells Streamlit the app uses
    st.navigation and asks for the same page again (by the name the browser asked for), now through app.py."""
    from pathlib import Path

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    ctx = get_script_run_ctx(suppress_warning=True)
    if not PagesManager.uses_pages_directory or ctx is None or Path(ctx.main_script_path).name != "app.py":
        return
    import streamlit as st

    PagesManager.uses_pages_directory = False
    ctx.script_requests.request_rerun(RerunData(
        query_string=ctx.query_string, page_name=ctx.pages_manager.intended_page_name or "",
        page_script_hash=ctx.pages_manager.intended_page_script_hash or "", context_info=ctx.context_info))
    st.empty()  # a point where the script runner takes the rerun (the element is never sent)


_through_app()
