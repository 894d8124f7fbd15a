"""The course: every page of the app, in order, with the lesson it teaches (read by app.py and the home page).

The pages' files live in lessons/, not pages/: Streamlit takes a folder named pages/ beside app.py for its older
multipage layout until app.py has called st.navigation once. On a fresh server (each replica) the first visitor
following a deep link (a teacher's QR code) then got an English "Page not found" box and the page's file run
without app.py (no sidebar, no language, no class)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the project root: PageInfo.path is relative to it


@dataclass(frozen=True)
class PageInfo:
    path: str  # the page's file, relative to the project root
    title_key: str  # i18n key of its navigation title
    heading_key: str  # i18n key of the page's own title (its first heading)
    icon: str
    url_path: str
    lesson: int | None = None  # syllabus section it teaches
    default: bool = False


PAGES = (
    PageInfo("lessons/home.py", "nav.home", "app.title", ":material/map:", "home", default=True),
    PageInfo("lessons/text_to_vectors.py", "nav.text", "text.title", ":material/text_fields:", "text-to-vectors",
             lesson=1),
    PageInfo("lessons/embeddings.py", "nav.embeddings", "emb.title", ":material/scatter_plot:", "embeddings", lesson=2),
    PageInfo("lessons/hidden_state.py", "nav.hidden_state", "step.title", ":material/replay:", "hidden-state", lesson=3),
    PageInfo("lessons/unrolled.py", "nav.unrolled", "unroll.title", ":material/view_week:", "unrolled", lesson=4),
    PageInfo("lessons/gradients.py", "nav.gradients", "grad.title", ":material/trending_down:", "gradients", lesson=5),
    PageInfo("lessons/gates.py", "nav.gates", "gates.title", ":material/tune:", "gates", lesson=6),
    PageInfo("lessons/live_demo.py", "nav.demo", "demo.title", ":material/chat:", "try-it", lesson=7),
    PageInfo("lessons/playground.py", "nav.playground", "play.title", ":material/model_training:", "playground",
             lesson=8),
    PageInfo("lessons/class_wall.py", "nav.wall", "wall.title", ":material/forum:", "class-wall"),  # not a lesson
)
LESSONS = tuple(range(1, 9))


def page_info(url_path: object) -> PageInfo | None:
    """The page at ``url_path`` ("" is the default page, as st.navigation names it), or None."""
    return next((p for p in PAGES if p.url_path == url_path or (url_path == "" and p.default)), None)


def page_for_lesson(lesson: int) -> PageInfo | None:
    return next((p for p in PAGES if p.lesson == lesson), None)
