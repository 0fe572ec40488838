"""What tests check of a message shown to the officer, without pinning its wording."""


def reads_as_a_sentence(message: str) -> bool:
    """A capital first letter, a full stop, no shouting."""
    return message[:1].isupper() and message.endswith(".") and not message.isupper()
