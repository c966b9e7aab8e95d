from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sla_period import SlaPeriod

if TYPE_CHECKING:
    from ..models.acceptance_read import AcceptanceRead
    from ..models.at_risk_read import AtRiskRead
    from ..models.dashboard_owner_tally import DashboardOwnerTally
    from ..models.dashboard_team_tally import DashboardTeamTally
    from ..models.dashboard_term_tally import DashboardTermTally
    from ..models.pacing_read import PacingRead
    from ..models.tally import Tally
    from ..models.trend_week import TrendWeek
    from ..models.version_summary import VersionSummary


T = TypeVar("T", bound="SlaDashboardRead")


@_attrs_define
class SlaDashboardRead:
    """Everything the SLA dashboard (/sla) shows for one period.

    Attributes:
        as_of (datetime.datetime): The instant the figures were read at
        period (SlaPeriod): A calendar period in UTC: the week from Monday, the month, the quarter.
        start (datetime.datetime): First instant of the period clocks started in (UTC)
        end (datetime.datetime): The instant after the period (exclusive)
        version (None | VersionSummary): The active agreement; null if none
        overall (Tally):
        terms (list[DashboardTermTally]): Each clock term of the active version
        by_owner (list[DashboardOwnerTally]): Per rep, by name
        by_team (list[DashboardTeamTally]): Per team, by name
        pacing (list[PacingRead]): Each MQL volume term, in its own period
        acceptance (list[AcceptanceRead]): Each MQL acceptance term
        at_risk (list[AtRiskRead]): Running clocks soonest due, at most 15
        trend (list[TrendWeek]): The last 12 weeks, oldest first
    """

    as_of: datetime.datetime
    period: SlaPeriod
    start: datetime.datetime
    end: datetime.datetime
    version: None | VersionSummary
    overall: Tally
    terms: list[DashboardTermTally]
    by_owner: list[DashboardOwnerTally]
    by_team: list[DashboardTeamTally]
    pacing: list[PacingRead]
    acceptance: list[AcceptanceRead]
    at_risk: list[AtRiskRead]
    trend: list[TrendWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        as_of = self.as_of.isoformat()

        period = self.period.value

        start = self.start.isoformat()

        end = self.end.isoformat()

        version: dict[str, Any] | None
        if isinstance(self.version, VersionSummary):
            version = self.version.to_dict()
        else:
            version = self.version

        overall = self.overall.to_dict()

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        by_owner = []
        for by_owner_item_data in self.by_owner:
            by_owner_item = by_owner_item_data.to_dict()
            by_owner.append(by_owner_item)

        by_team = []
        for by_team_item_data in self.by_team:
            by_team_item = by_team_item_data.to_dict()
            by_team.append(by_team_item)

        pacing = []
        for pacing_item_data in self.pacing:
            pacing_item = pacing_item_data.to_dict()
            pacing.append(pacing_item)

        acceptance = []
        for acceptance_item_data in self.acceptance:
            acceptance_item = acceptance_item_data.to_dict()
            acceptance.append(acceptance_item)

        at_risk = []
        for at_risk_item_data in self.at_risk:
            at_risk_item = at_risk_item_data.to_dict()
            at_risk.append(at_risk_item)

        trend = []
        for trend_item_data in self.trend:
            trend_item = trend_item_data.to_dict()
            trend.append(trend_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "period": period,
                "start": start,
                "end": end,
                "version": version,
                "overall": overall,
                "terms": terms,
                "by_owner": by_owner,
                "by_team": by_team,
                "pacing": pacing,
                "acceptance": acceptance,
                "at_risk": at_risk,
                "trend": trend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.acceptance_read import AcceptanceRead  # noqa: PLC0415
        from ..models.at_risk_read import AtRiskRead  # noqa: PLC0415
        from ..models.dashboard_owner_tally import DashboardOwnerTally  # noqa: PLC0415
        from ..models.dashboard_team_tally import DashboardTeamTally  # noqa: PLC0415
        from ..models.dashboard_term_tally import DashboardTermTally  # noqa: PLC0415
        from ..models.pacing_read import PacingRead  # noqa: PLC0415
        from ..models.tally import Tally  # noqa: PLC0415
        from ..models.trend_week import TrendWeek  # noqa: PLC0415
        from ..models.version_summary import VersionSummary  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        period = SlaPeriod(d.pop("period"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        def _parse_version(data: object) -> None | VersionSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                version_type_0 = VersionSummary.from_dict(data)

                return version_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VersionSummary, data)

        version = _parse_version(d.pop("version"))

        overall = Tally.from_dict(d.pop("overall"))

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = DashboardTermTally.from_dict(terms_item_data)

            terms.append(terms_item)

        by_owner = []
        _by_owner = d.pop("by_owner")
        for by_owner_item_data in _by_owner:
            by_owner_item = DashboardOwnerTally.from_dict(by_owner_item_data)

            by_owner.append(by_owner_item)

        by_team = []
        _by_team = d.pop("by_team")
        for by_team_item_data in _by_team:
            by_team_item = DashboardTeamTally.from_dict(by_team_item_data)

            by_team.append(by_team_item)

        pacing = []
        _pacing = d.pop("pacing")
        for pacing_item_data in _pacing:
            pacing_item = PacingRead.from_dict(pacing_item_data)

            pacing.append(pacing_item)

        acceptance = []
        _acceptance = d.pop("acceptance")
        for acceptance_item_data in _acceptance:
            acceptance_item = AcceptanceRead.from_dict(acceptance_item_data)

            acceptance.append(acceptance_item)

        at_risk = []
        _at_risk = d.pop("at_risk")
        for at_risk_item_data in _at_risk:
            at_risk_item = AtRiskRead.from_dict(at_risk_item_data)

            at_risk.append(at_risk_item)

        trend = []
        _trend = d.pop("trend")
        for trend_item_data in _trend:
            trend_item = TrendWeek.from_dict(trend_item_data)

            trend.append(trend_item)

        sla_dashboard_read = cls(
            as_of=as_of,
            period=period,
            start=start,
            end=end,
            version=version,
            overall=overall,
            terms=terms,
            by_owner=by_owner,
            by_team=by_team,
            pacing=pacing,
            acceptance=acceptance,
            at_risk=at_risk,
            trend=trend,
        )

        sla_dashboard_read.additional_properties = d
        return sla_dashboard_read

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
