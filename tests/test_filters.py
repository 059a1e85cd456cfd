"""qa/retrieval/filters.py: article and date filters, as a Chroma `where` and refused when a date is bad."""
from __future__ import annotations

import pytest

from core.errors import QuestionError
from qa.retrieval.filters import Filters, date_ord


def test_filters_build_chroma_where_and_refuse_bad_dates():
    f = Filters.of(sources=["a.txt"], since="2023-01-01", until="2023-12-31")
    assert f.chroma_where() == {"$and": [{"source": {"$in": ["a.txt"]}}, {"date_ord": {"$gte": 20230101}},
                                         {"date_ord": {"$lte": 20231231}}]}
    assert Filters.of().chroma_where() is None
    assert date_ord("2023-11-06") == 20231106
    with pytest.raises(QuestionError, match="YYYY-MM-DD"):
        Filters.of(since="last week")
