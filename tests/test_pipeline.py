"""kg.pipeline: a registry of components by name, with needs checked."""
import pytest

from kg import pipeline
from kg.article import Article
from kg.extract import make_document


def test_default_pipeline_is_registered_in_order():
    comps = pipeline.check(pipeline.DEFAULT_PIPELINE)
    assert [c.name for c in comps] == ["outlets", "actors", "statements", "roles", "nationality", "time",
                                            "confidence"]
    assert "mentions" in pipeline.get("actors").sets


def test_order_is_checked():
    with pytest.raises(pipeline.PipelineError, match="needs"):
        pipeline.check(["statements", "actors"])
    with pytest.raises(pipeline.PipelineError, match="unknown"):
        pipeline.get("no-such-component")


def test_custom_component_runs_after_its_needs():
    seen = []

    @pipeline.component("test-counter", needs=("actors",), sets=())
    def counter(doc):
        seen.append(len(doc.mentions))
        return doc

    try:
        doc = make_document(Article(id="t", text="وزیر خارجه فرانسه گفت که پاریس آماده است."))
        doc = pipeline.run(doc, ("outlets", "actors", "test-counter"))
        assert seen and seen[0] >= 1
        assert doc.done == ["outlets", "actors", "test-counter"]
    finally:
        pipeline.REGISTRY.pop("test-counter", None)


def test_extract_module_import_is_light():
    import subprocess
    import sys

    code = "import sys, kg.extract, kg.pipeline; print('hazm' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
