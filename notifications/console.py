"""The development console backend, readable: the decoded subject and the plain text first
(the raw MIME message that follows has its Arabic subject RFC 2047-encoded)."""

from django.core.mail.backends.console import EmailBackend as RawConsoleBackend


class EmailBackend(RawConsoleBackend):
    def write_message(self, message):
        summary = (
            f"From: {message.from_email}\n"
            f"To: {', '.join(message.to)}\n"
            f"Subject: {message.subject}\n\n"
            f"{message.body}\n"
        )
        self.stream.write(summary)
        super().write_message(message)
