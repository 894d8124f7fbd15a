"""Two replicas behind nginx (deploy/nginx.conf.template): sessions spread over both, each stays on one."""
from __future__ import annotations

import os

import pytest

from deploy.replicas import find_nginx, load_balanced, one_session


def test_two_replicas_behind_nginx_serve_sticky_sessions(browser):
    if find_nginx() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install nginx (.ci/run: apt-get install -y nginx)")
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    with load_balanced(2) as (url, replicas):
        sessions = []
        while len(sessions) < 24 and len({r for s in sessions for r in s["replicas"]}) < 2:
            sessions.append(one_session(browser, url, len(sessions)))
    used = {r for s in sessions for r in s["replicas"]}
    assert used == {r.removeprefix("http://") for r in replicas}, sessions  # both replicas served someone
    assert all(len(s["replicas"]) == 1 for s in sessions), sessions  # every request of a session: one replica
    assert all(s["errors"] == 0 for s in sessions), sessions
