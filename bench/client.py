"""A minimal Streamlit websocket client: what a browser tab sends and waits for, without the browser.

One ``Session`` is one student: it opens a page, then changes one widget at a time and measures the
time from the request to the server's "script finished" message (the server's whole answer).
"""
from __future__ import annotations

import asyncio
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState


class Session:
    def __init__(self, url: str, query: str = "lang=en") -> None:
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.query = query
        self.page_hash = ""
        self.widgets: dict[str, tuple[str, str]] = {}  # user key -> (widget id, element type)
        self.exceptions: list[str] = []  # messages of the exception boxes the server sent
        self._ws = None

    async def __aenter__(self) -> "Session":
        self._ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=2**26,
                                           open_timeout=60)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._ws.close()

    async def open(self, page_name: str = "") -> float:
        """Run the page (as a fresh tab does); seconds until the script finished."""
        self.widgets.clear()
        self.page_hash = ""  # the server finds the page by its URL name
        return await self._rerun(page_name=page_name, states=[])

    async def set(self, key: str, value) -> float:
        """Change the widget with user key ``key`` to ``value``; seconds until the rerun finished."""
        widget_id, kind = self.widgets[key]
        state = WidgetState(id=widget_id)
        if kind in ("text_area", "text_input", "selectbox", "radio") and isinstance(value, str):
            state.string_value = value
        elif kind == "slider":
            state.double_array_value.data[:] = [float(value)]
        elif kind == "number_input":
            state.int_value = int(value)
        else:
            raise ValueError(f"no widget state for {kind}")
        return await self._rerun(states=[state])

    async def _rerun(self, states: list[WidgetState], page_name: str = "") -> float:
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.page_hash
        msg.rerun_script.page_name = page_name
        msg.rerun_script.widget_states.widgets.extend(states)
        start = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self._ws.recv(), timeout=120))
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "navigation":
                self.page_hash = forward.navigation.page_script_hash or self.page_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._note_widget(forward.delta.new_element)
            elif kind == "script_finished":
                return time.perf_counter() - start

    def _note_widget(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
            return
        widget_id = getattr(getattr(element, kind), "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID"):
            self.widgets[widget_id.rsplit("-", 1)[-1]] = (widget_id, kind)
