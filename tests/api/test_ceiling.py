"""The request ceiling: a check still running past it gets 504 failing closed (no engine needed)."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from charterguard.api.errors import ApiError
from charterguard.api.state import in_pool as _in_pool
from charterguard.errors import InputError


def run(work, ceiling_s: float):  # type: ignore[no-untyped-def]
    state = SimpleNamespace(executor=ThreadPoolExecutor(1))
    try:
        return asyncio.run(_in_pool(state, work, ceiling_s))  # type: ignore[arg-type]
    finally:
        state.executor.shutdown(wait=False)


def test_past_the_ceiling_is_504_block() -> None:
    with pytest.raises(ApiError) as info:
        run(lambda: time.sleep(0.5), 0.05)
    assert info.value.status == 504 and info.value.code == "check_timeout"
    assert info.value.extra == {"verdict": "block", "incomplete": True}


def test_input_errors_become_422() -> None:
    def bad() -> None:
        raise InputError("the post is 2000000 characters; at most 100000 are checked")

    with pytest.raises(ApiError) as info:
        run(bad, 5)
    assert info.value.status == 422 and info.value.code == "invalid_text"
    assert info.value.message.endswith("Fix the text and send again.")


def test_decision_log_failure_is_reported_not_raised_and_logs_no_text(caplog: pytest.LogCaptureFixture) -> None:
    from charterguard.api.state import State
    from charterguard.decisions import Decision

    class BrokenStore:
        def record_many(self, decisions: list[Decision]) -> None:
            problem = "-".join(["disk", "full", str(decisions[0].text)])  # a message quoting data
            raise RuntimeError(problem)

    from charterguard.api.state import log_write_error as _log_write_error
    from charterguard.decisions import DecisionWriter

    state = State.__new__(State)  # only what record_many uses
    state.writer = DecisionWriter(BrokenStore(), on_error=_log_write_error)  # type: ignore[arg-type]
    decision = Decision(kind="check", text_hmac="h" * 64, hmac_key_id="k", text_length=3, text="SECRET-POST")
    with caplog.at_level("ERROR", logger="charterguard.api"):
        assert state.record_many([decision]) is False
    state.writer.close()
    assert "could not write the decision log" in caplog.text
    assert "SECRET-POST" not in caplog.text and "disk-full" not in caplog.text  # exception messages are withheld
