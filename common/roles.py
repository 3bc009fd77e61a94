"""The roles of DESIGN §1, as Django groups (created by migration meetings/0002)."""

SECRETARIAT = "secretariat"
EDITOR = "editor"
APPROVER = "approver"
PUBLISHER = "publisher"
REGIONAL_SECRETARY = "regional secretary"

ALL = [SECRETARIAT, EDITOR, APPROVER, PUBLISHER, REGIONAL_SECRETARY]
