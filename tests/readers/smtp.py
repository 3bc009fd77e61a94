"""A real SMTP server for the mail tests (aiosmtpd), and what it received.

aiosmtpd imports the decorator ``public`` from the `atpublic` distribution, whose module name
is the same as this project's ``public`` app: the project's wins on the path, so aiosmtpd is
imported with a stand-in decorator (it only fills ``__all__``).
"""

import email
import email.policy
import socket
import sys
import types


def _controller_class():
    ours = sys.modules.get("public")
    stand_in = types.ModuleType("public")
    stand_in.public = lambda thing: thing
    sys.modules["public"] = stand_in
    try:
        from aiosmtpd.controller import Controller
    finally:
        if ours is not None:
            sys.modules["public"] = ours
        else:
            del sys.modules["public"]
    return Controller


Controller = _controller_class()


class Inbox:
    def __init__(self):
        self.messages = []
        self.refuse = 0  # how many of the next messages get a temporary failure

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 Try again later"
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
