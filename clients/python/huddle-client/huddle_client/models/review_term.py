from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.acceptance_read import AcceptanceRead
    from ..models.pacing_read import PacingRead
    from ..models.tally import Tally
    from ..models.term_summary import TermSummary


T = TypeVar("T", bound="ReviewTerm")


@_attrs_define
class ReviewTerm:
    """A term of the active version over the quarter: a clock term's compliance, a volume
    term's pacing or an acceptance term's rate (the others null).

        Attributes:
            term (TermSummary):
            compliance (None | Tally): A clock term's clocks started this quarter; null if none started
            pacing (None | PacingRead):
            acceptance (AcceptanceRead | None):
    """

    term: TermSummary
    compliance: None | Tally
    pacing: None | PacingRead
    acceptance: AcceptanceRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.acceptance_read import AcceptanceRead  # noqa: PLC0415
        from ..models.pacing_read import PacingRead  # noqa: PLC0415
        from ..models.tally import Tally  # noqa: PLC0415

        term = self.term.to_dict()

        compliance: dict[str, Any] | None
        if isinstance(self.compliance, Tally):
            compliance = self.compliance.to_dict()
        else:
            compliance = self.compliance

        pacing: dict[str, Any] | None
        if isinstance(self.pacing, PacingRead):
            pacing = self.pacing.to_dict()
        else:
            pacing = self.pacing

        acceptance: dict[str, Any] | None
        if isinstance(self.acceptance, AcceptanceRead):
            acceptance = self.acceptance.to_dict()
        else:
            acceptance = self.acceptance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "term": term,
                "compliance": compliance,
                "pacing": pacing,
                "acceptance": acceptance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_read import AcceptanceRead  # noqa: PLC0415
        from ..models.pacing_read import PacingRead  # noqa: PLC0415
        from ..models.tally import Tally  # noqa: PLC0415
        from ..models.term_summary import TermSummary  # noqa: PLC0415

        d = dict(src_dict)
        term = TermSummary.from_dict(d.pop("term"))

        def _parse_compliance(data: object) -> None | Tally:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                compliance_type_0 = Tally.from_dict(data)

                return compliance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tally, data)

        compliance = _parse_compliance(d.pop("compliance"))

        def _parse_pacing(data: object) -> None | PacingRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pacing_type_0 = PacingRead.from_dict(data)

                return pacing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PacingRead, data)

        pacing = _parse_pacing(d.pop("pacing"))

        def _parse_acceptance(data: object) -> AcceptanceRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acceptance_type_0 = AcceptanceRead.from_dict(data)

                return acceptance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AcceptanceRead | None, data)

        acceptance = _parse_acceptance(d.pop("acceptance"))

        review_term = cls(
            term=term,
            compliance=compliance,
            pacing=pacing,
            acceptance=acceptance,
        )

        review_term.additional_properties = d
        return review_term

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
