"""Goals: shared SMART goals with progress and pacing, suggested targets, reverse-funnel
planning and the KPI dashboard, all measured by the analytics service (one set of numbers)."""
