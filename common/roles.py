"""The roles (docs/workflow.md), as Django groups created by migration meetings/0002."""

SECRETARIAT = "secretariat"
EDITOR = "editor"
APPROVER = "approver"
PUBLISHER = "publisher"
REGIONAL_SECRETARY = "regional secretary"
