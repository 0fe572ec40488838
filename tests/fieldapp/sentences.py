"""What tests check of a message shown to the officer, without pinning its wording."""


def shouts(message: str) -> bool:
    """All in capitals, or three words running in capitals (acronyms stand alone)."""
    words = [w.strip(".,;:!?()\u201c\u201d\"'") for w in message.split()]
    run = 0
    for word in words:
        run = run + 1 if len(word) > 1 and word.isalpha() and word.isupper() else 0
        if run >= 3:
            return True
    return message.isupper()


def reads_as_a_sentence(message: str) -> bool:
    """A capital first letter, a full stop, no shouting."""
    return message[:1].isupper() and message.endswith(".") and not shouts(message)


def reads_as_a_caption(message: str) -> bool:
    """A short caption such as a progress step ("Adding contacts"): its first word in title
    case, no shouting."""
    first = message.split()[0] if message.split() else ""
    return first.istitle() and not shouts(message)
