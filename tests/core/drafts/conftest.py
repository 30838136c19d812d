import pytest


@pytest.fixture(scope="session")
def clean(source_text, draft_text):
    """The check of the sample's clean human translation."""
    from models.drafts.checks import check_draft

    return check_draft(source_text, draft_text)
