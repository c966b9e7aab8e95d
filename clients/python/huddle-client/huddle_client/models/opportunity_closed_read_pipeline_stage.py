from enum import StrEnum


class OpportunityClosedReadPipelineStage(StrEnum):
    CLOSED_LOST = "closed_lost"
    CLOSED_WON = "closed_won"
    DISCOVERY = "discovery"
    NEGOTIATION = "negotiation"
    PROPOSAL = "proposal"
    QUALIFICATION = "qualification"

    def __str__(self) -> str:
        return str(self.value)
