import pytest

from huddle.web.redirects import safe_local_path


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "/ok\r\nSet-Cookie: x=1",
        "",
        None,
    ],
)
def test_foreign_or_malformed_targets_fall_back_to_default(target: str | None) -> None:
    assert safe_local_path(target, "/home") == "/home"


@pytest.mark.parametrize("target", ["/", "/contacts?stage=mql", "/contacts/12#timeline"])
def test_local_paths_pass(target: str) -> None:
    assert safe_local_path(target) == target
