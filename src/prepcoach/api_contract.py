"""What every router of the JSON API shares so that its OpenAPI schema tells the truth (issue
11, class 9): the error bodies (each status an endpoint can answer is in its `response={...}`,
with one of these schemas) and numbers that are documented, and taken, as JSON numbers only.

`tests/api/test_schema_contract.py` runs schemathesis against the schema and the real app.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Schema
from ninja.pagination import PaginationBase
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

# The largest id a database row can have (a signed 64-bit integer): a path id beyond it is
# refused by the schema (422) instead of overflowing the database driver.
MAX_ID = 2**63 - 1


class Message(Schema):
    """An error in one sentence: 400 (a body that is not JSON), 401 (no or a revoked token),
    403 (a session without its CSRF token), 404 (not yours, or no such thing: the same answer),
    409, 429 (with `Retry-After`), and a 422 the view itself found."""

    detail: str


class Issue(Schema):
    """One reason a request body or parameter was refused."""

    type: str
    loc: list[str | int]
    msg: str


class Invalid(Schema):
    """422: the request does not fit the schema (a list, one issue per field) or the view
    refused a value the schema cannot express (one sentence)."""

    detail: list[Issue] | str


MAX_PAGE = 100  # rows in one page of a list that grows without bound
MAX_OFFSET = 10**9  # beyond any list a person makes; keeps OFFSET inside every driver's int


class Pages(PaginationBase):
    """A list a page at a time (`@paginate(Pages)`): `?limit=` rows (1 to 100, 20 unless
    asked) from `?offset=`, answered as `{"items": [...], "count": all of them}`. The bounds
    are in the schema, so a limit of 0 or 1000 is a documented 422, not a silent cut."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_PAGE, description=f"rows in the page, 1 to {MAX_PAGE}")
        offset: int = Field(
            0,
            ge=0,
            le=MAX_OFFSET,
            description="rows to skip, from 0: the next page starts at offset + limit",
        )

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        page = queryset[pagination.offset : pagination.offset + pagination.limit]
        return {"items": [self.out(row) for row in page], "count": queryset.count()}

    def out(self, row: Any) -> Any:
        """A row as the list's item schema reads it; a router's subclass maps its rows."""
        return row


def errors(*codes: int) -> dict[int, Any]:
    """The error responses of an endpoint, for its `response={...}`; 401 is always there."""
    return {code: Invalid if code == 422 else Message for code in sorted({401, *codes})}


def _number_only(value: object) -> object:
    if isinstance(value, str | bytes | bool):
        raise ValueError("send a number, such as 1.5, not text")
    return value


def number(low: Decimal, high: Decimal, *, exclusive_low: bool = False) -> Any:
    """A Decimal field sent as a JSON number with at most two decimals, from `low` to `high`
    (above `low` when `exclusive_low`): documented as a number and refused as text, where
    pydantic would document "number or any string" and then refuse most strings."""
    schema: dict[str, Any] = {
        "type": "number",
        "maximum": float(high),
        "description": "a number with at most two decimals",
    }
    schema["exclusiveMinimum" if exclusive_low else "minimum"] = float(low)

    def in_range(value: Decimal) -> Decimal:
        """The bounds in plain words ("at least 0.25"), not pydantic's "Decimal('0.25')"."""
        if exclusive_low and value <= low:
            raise ValueError(f"must be more than {low}")
        if not exclusive_low and value < low:
            raise ValueError(f"must be at least {low}")
        if value > high:
            raise ValueError(f"must be at most {high}")
        return value

    return Annotated[
        Decimal,
        BeforeValidator(_number_only),
        Field(decimal_places=2, allow_inf_nan=False),
        AfterValidator(in_range),
        WithJsonSchema(schema),
    ]


# A row's id in a path: refused by the schema when it cannot be one (0, negative, too large).
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
