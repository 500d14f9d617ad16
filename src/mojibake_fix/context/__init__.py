"""Plausibility from context: which character a damaged span most likely was.

``candidates`` lists the characters that agree with the bytes that survived,
``quotes`` judges punctuation by its position and the quotations open around
it, ``words`` judges letters by the words they make in the text's language,
``emoji_names`` emoji by the words of the text that name them.
"""
