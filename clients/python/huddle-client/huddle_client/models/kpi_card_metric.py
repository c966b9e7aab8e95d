from enum import StrEnum


class KpiCardMetric(StrEnum):
    ACCEPTANCE_RATE = "acceptance_rate"
    MQLS = "mqls"
    NEW_CUSTOMERS = "new_customers"
    REVENUE = "revenue"
    SALS = "sals"
    SLA_COMPLIANCE = "sla_compliance"
    SQLS = "sqls"
    VELOCITY = "velocity"
    WIN_RATE = "win_rate"

    def __str__(self) -> str:
        return str(self.value)
